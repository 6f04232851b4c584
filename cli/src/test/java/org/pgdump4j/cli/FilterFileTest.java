package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pg_dump --filter: filter.c's grammar and pg_dump 18's messages (each checked against it), without a server. */
class FilterFileTest {
    @TempDir
    Path dir;

    @Test
    void patternsAreFoldedAsFilterCFoldsThem() {
        // a space before a quoted part is kept even after a dot, as read_pattern keeps it
        List<FilterFile.Item> items = FilterFile.parse("""
                # a comment

                include table  foo . "Bar ""Baz""\" # trailing comment
                EXCLUDE Schema a b
                include table "multi
                line\\n\\\\x"
                exclude table_data_and_children s.t*
                """, "file \"f\"");
        assertEquals(4, items.size());
        assertEquals(new FilterFile.Item(true, FilterFile.Type.TABLE, "foo. \"Bar \"\"Baz\"\"\"", 3), items.get(0));
        assertEquals(new FilterFile.Item(false, FilterFile.Type.SCHEMA, "a b", 4), items.get(1));
        assertEquals(new FilterFile.Item(true, FilterFile.Type.TABLE, "\"multi\nline\n\\x\"", 6), items.get(2));
        assertEquals(new FilterFile.Item(false, FilterFile.Type.TABLE_DATA_AND_CHILDREN, "s.t*", 7), items.get(3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "# c\\n\\ninclude table a\\nfoo table b\\n|on line 4: invalid filter command (expected \"include\" or \"exclude\")",
        "include\\n|on line 1: missing filter object type",
        "exclude tables x\\n|on line 1: unsupported filter object type: \"tables\"",
        "include table\\n|on line 1: missing object name pattern",
        "include table \"abc\\nde\\n|on line 2: unexpected end of file",
        "  \\ninclude function f(int)\\nbogus\\n|on line 2: include filter for \"function\" is not allowed",
        "exclude foreign_data s\\n|on line 1: exclude filter for \"foreign data\" is not allowed",
        "include table_data t\\n|on line 1: include filter for \"table data\" is not allowed"})
    void malformedFilesFailAsPgDump(String text, String message) throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, text.replace("\\n", "\n"), StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("dump", "--filter=" + f, "-s", "-a");
        assertEquals(1, run.exitCode());
        assertEquals("pg_dump: error: invalid format in filter read from file \"" + f + "\" " + message + "\n",
                run.err());
    }

    @Test
    void missingFilesAndDirectories() {
        Path f = dir.resolve("nosuch");
        assertEquals("pg_dump: error: could not open filter file \"" + f + "\": No such file or directory\n",
                Cli.run("dump", "--filter=" + f).err());
        assertEquals("pg_dump: error: could not read from filter file \"" + dir + "\": Is a directory\n",
                Cli.run("dump", "--filter", dir.toString()).err());
    }

    @Test
    void rulesBecomeTheSwitchesPatterns() throws Exception {
        Path f = dir.resolve("rules");
        Files.writeString(f, """
                include table t1
                include table_and_children p
                include schema s
                include extension e
                exclude table t2
                exclude table_and_children q
                exclude schema n
                exclude extension x
                exclude table_data d
                exclude table_data_and_children dc
                """, StandardCharsets.UTF_8);
        var sel = Cli.parse(DumpCommand.class, "dump", "-t", "t0", "--filter", f.toString()).request().options()
                .selection();
        assertEquals(List.of("t0", "t1"), sel.includeTables());
        assertEquals(List.of("s"), sel.includeSchemas());
        assertEquals(List.of("n"), sel.excludeSchemas());
        assertEquals(List.of("t2"), sel.excludeTables());
    }

    @Test
    void standardInputIsNamedSo() {
        DumpCommand d = Cli.parse(DumpCommand.class, "dump", "--filter=-");
        var in = new ByteArrayInputStream("include trigger x\n".getBytes(StandardCharsets.UTF_8));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.pgdump4j.UsageException.class,
                () -> DumpFilters.apply(d, in));
        assertEquals("invalid format in filter read from standard input on line 1: include filter for \"trigger\" "
                + "is not allowed", e.getMessage());
    }
}
