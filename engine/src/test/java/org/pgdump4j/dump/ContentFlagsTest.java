package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pgdump4j.UsageException;

/** pg_dump 18.6's derived content flags and its conflicts between the content switches (checked against it). */
class ContentFlagsTest {
    /** schema, data, statistics as "sds" letters, '-' for off. */
    private static String parts(ContentFlags c) {
        return (c.dumpSchema() ? "s" : "-") + (c.dumpData() ? "d" : "-") + (c.dumpStatistics() ? "S" : "-");
    }

    // schemaOnly, dataOnly, statisticsOnly, noSchema, noData, statistics, noStatistics
    @Test
    void statisticsAreOffUnlessAskedFor() {
        assertEquals("sd-", parts(ContentFlags.ALL));
        assertEquals("sdS", parts(ContentFlags.WITH_STATISTICS));
        assertEquals("--S", parts(ContentFlags.STATISTICS_ONLY));
        assertEquals("s--", parts(new ContentFlags(true, false)));
        assertEquals("-d-", parts(new ContentFlags(false, true)));
        assertEquals("sd-", parts(new ContentFlags(false, false, false, false, false, false, true)));
        assertEquals("-dS", parts(new ContentFlags(false, false, false, true, false, true, false)));
        assertEquals("s-S", parts(new ContentFlags(false, false, false, false, true, true, false)));
        assertEquals("---", parts(new ContentFlags(false, false, false, true, true, false, false)));
        assertEquals("--S", parts(new ContentFlags(false, false, true, false, false, true, false)));
        assertEquals("--S", parts(new ContentFlags(false, false, true, true, true, false, false)));
        assertEquals("s--", parts(new ContentFlags(true, false, false, false, true, false, true)));
    }

    @Test
    void conflictsInPgDumpsOrderAndWords() {
        assertConflict("options -s/--schema-only and -a/--data-only cannot be used together",
                new boolean[] {true, true, true, false, false, true, false});
        assertConflict("options -s/--schema-only and --statistics-only cannot be used together",
                new boolean[] {true, false, true, false, false, false, false});
        assertConflict("options -a/--data-only and --statistics-only cannot be used together",
                new boolean[] {false, true, true, false, false, false, false});
        assertConflict("options -a/--data-only and --no-data cannot be used together",
                new boolean[] {false, true, false, false, true, false, false});
        assertConflict("options -s/--schema-only and --no-schema cannot be used together",
                new boolean[] {true, false, false, true, false, false, false});
        assertConflict("options --statistics-only and --no-statistics cannot be used together",
                new boolean[] {false, false, true, false, false, true, true});
        assertConflict("options --statistics and --no-statistics cannot be used together",
                new boolean[] {false, false, false, false, false, true, true});
        assertConflict("options -a/--data-only and --statistics cannot be used together",
                new boolean[] {false, true, false, false, false, true, false});
        assertConflict("options -s/--schema-only and --statistics cannot be used together",
                new boolean[] {true, false, false, false, false, true, false});
    }

    private static void assertConflict(String message, boolean[] f) {
        assertEquals(message, assertThrows(UsageException.class,
                () -> new ContentFlags(f[0], f[1], f[2], f[3], f[4], f[5], f[6])).getMessage());
    }

    /** pg_dump 18.6 with -b / -B (run against it): never without data, -b over -B, by default only unnarrowed. */
    @Test
    void largeObjectsAsPgDumpDecides() {
        ContentFlags.LargeObjects dflt = ContentFlags.LargeObjects.DEFAULT;
        ContentFlags.LargeObjects b = ContentFlags.LargeObjects.INCLUDE;
        ContentFlags.LargeObjects nob = ContentFlags.LargeObjects.EXCLUDE;
        assertEquals(true, ContentFlags.ALL.dumpLargeObjects(true));
        assertEquals(false, ContentFlags.ALL.dumpLargeObjects(false));
        assertEquals(true, ContentFlags.ALL.withLargeObjects(b).dumpLargeObjects(false));
        assertEquals(false, ContentFlags.ALL.withLargeObjects(nob).dumpLargeObjects(true));
        assertEquals(true, new ContentFlags(false, true).withLargeObjects(dflt).dumpLargeObjects(true));
        assertEquals(false, new ContentFlags(true, false).withLargeObjects(b).dumpLargeObjects(true));
        assertEquals(false, ContentFlags.STATISTICS_ONLY.withLargeObjects(b).dumpLargeObjects(true));
        assertEquals(false, new ContentFlags(false, false, false, false, true, false, false).withLargeObjects(b)
                .dumpLargeObjects(true));
    }

    /** --sequence-data: the sequences' values with the data, or without it when asked (pg_dump 18). */
    @Test
    void sequenceDataComesWithTheDataOrAlone() {
        assertEquals(true, ContentFlags.ALL.dumpSequenceData());
        assertEquals(false, new ContentFlags(true, false).dumpSequenceData());
        assertEquals(true, new ContentFlags(true, false).withSequenceData(true).dumpSequenceData());
        assertEquals(true, ContentFlags.STATISTICS_ONLY.withSequenceData(true).dumpSequenceData());
        assertEquals(false, ContentFlags.STATISTICS_ONLY.dumpSequenceData());
    }
}
