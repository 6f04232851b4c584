package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.dump.ContentFlags;
import org.pgdump4j.toc.Section;

/** pg_dump's --section: repeatable, all three sections unless given, pg_dump 18's message for a bad name. */
class DumpSectionsTest {
    private static ContentFlags content(String... args) {
        List<String> all = new ArrayList<>(List.of("dump"));
        all.addAll(List.of(args));
        return Cli.parse(DumpCommand.class, all.toArray(String[]::new)).request().options().content();
    }

    @Test
    void sectionsAddUp() {
        assertFalse(content().sectioned());
        assertEquals(ContentFlags.ALL_SECTIONS, content().sections());
        assertEquals(EnumSet.of(Section.DATA), content("--section=data").sections());
        assertEquals(EnumSet.of(Section.PRE_DATA, Section.POST_DATA),
                content("--section", "post-data", "--section=pre-data", "--section=post-data").sections());
        assertTrue(content("--section=pre-data").sectioned());
        assertFalse(content("--section=pre-data", "--section=data", "--section=post-data").sectioned());
    }

    /** Checked while pg_dump reads its options: before the conflicts, with the hint, exit status 1. */
    @Test
    void anUnknownNameFailsAsPgDump() {
        Cli.Run run = Cli.run("dump", "--section=data", "--section=Data", "-s", "-a");
        assertEquals(1, run.exitCode());
        assertEquals("pg_dump: error: unrecognized section name: \"Data\"\n"
                + "pg_dump: hint: Try \"pg_dump --help\" for more information.\n", run.err());
        assertEquals("", run.out());
    }
}
