package org.pgdump4j.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.UsageException;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/** pg_restore's option checks, _tocEntryRequired and SortTocFromFile on hand-built TOCs. */
class RestoreSelectionTest {
    static TocEntry e(int id, String desc, Section s, String ns, String tag, String defn, boolean data,
            Integer... deps) {
        return new TocEntry(id, CatalogId.NONE, desc, s, new TocEntry.EntryNames(tag, ns, "o", null, null),
                new TocEntry.EntrySql(defn, defn.isEmpty() ? "" : "DROP x;\n", null), List.of(deps), data);
    }

    static final Toc TOC = new Toc(new ArchiveInfo("db", "18.1", "18.1", ZonedDateTime.now(ZoneId.of("UTC"))), List.of(
            e(1, "ENCODING", Section.PRE_DATA, null, "ENCODING", "SET client_encoding = 'UTF8';\n", false),
            e(2, "DATABASE", Section.PRE_DATA, null, "db", "CREATE DATABASE db;\n", false),
            e(3, "COMMENT", Section.NONE, null, "DATABASE db", "COMMENT ON DATABASE db IS 'x';\n", false, 2),
            e(4, "SCHEMA", Section.PRE_DATA, null, "s", "CREATE SCHEMA s;\n", false),
            e(5, "TABLE", Section.PRE_DATA, "s", "t", "CREATE TABLE s.t ();\n", false, 4),
            e(6, "COMMENT", Section.NONE, "s", "TABLE t", "COMMENT ON TABLE s.t IS 'x';\n", false, 5),
            e(7, "ACL", Section.NONE, "s", "TABLE t", "GRANT SELECT ON s.t TO r;\n", false, 5),
            e(8, "FUNCTION", Section.PRE_DATA, "s", "f(integer)", "CREATE FUNCTION s.f(integer) ...;\n", false, 4),
            e(9, "TABLE", Section.PRE_DATA, "p", "t", "CREATE TABLE p.t ();\n", false),
            e(10, "TABLE DATA", Section.DATA, "s", "t", "", true, 5),
            e(11, "SEQUENCE SET", Section.DATA, "s", "q", "SELECT setval('s.q', 1);\n", false),
            e(12, "INDEX", Section.POST_DATA, "s", "t_i", "CREATE INDEX t_i ON s.t (x);\n", false, 5),
            e(13, "TRIGGER", Section.POST_DATA, "s", "t tr", "CREATE TRIGGER tr ...;\n", false, 5),
            e(14, "COMMENT", Section.NONE, "s", "INDEX t_i", "COMMENT ON INDEX s.t_i IS 'x';\n", false, 12)));

    /** A table and its index with their STATISTICS DATA entries, as pg_dump 18 --statistics writes them. */
    static final Toc STATS = new Toc(TOC.info(), List.of(
            e(4, "SCHEMA", Section.PRE_DATA, null, "s", "CREATE SCHEMA s;\n", false),
            e(5, "TABLE", Section.PRE_DATA, "s", "t", "CREATE TABLE s.t ();\n", false, 4),
            e(9, "TABLE", Section.PRE_DATA, "p", "u", "CREATE TABLE p.u ();\n", false),
            e(10, "TABLE DATA", Section.DATA, "s", "t", "", true, 5),
            e(20, "STATISTICS DATA", Section.DATA, "s", "t", "SELECT * FROM pg_catalog.pg_restore_relation_stats();\n",
                    false, 5),
            e(21, "STATISTICS DATA", Section.DATA, "p", "u", "SELECT * FROM pg_catalog.pg_restore_relation_stats();\n",
                    false, 9),
            e(12, "INDEX", Section.POST_DATA, "s", "t_i", "CREATE INDEX t_i ON s.t (x);\n", false, 5),
            e(22, "STATISTICS DATA", Section.POST_DATA, "s", "t_i",
                    "SELECT * FROM pg_catalog.pg_restore_relation_stats();\n", false, 12)));

    static List<Integer> selectedStats(RestoreOptions o) {
        return RestoreSelection.of(STATS, o, ProgressListener.NONE).selected().stream().map(TocEntry::dumpId)
                .toList();
    }

    @Test
    void statisticsAreRestoredByDefaultAndFollowTheContentOptions() {
        assertEquals(List.of(4, 5, 9, 10, 20, 21, 12, 22), selectedStats(RestoreOptions.builder().build()));
        assertEquals(List.of(4, 5, 9, 10, 12), selectedStats(RestoreOptions.builder().noStatistics(true).build()));
        assertEquals(List.of(20, 21, 22), selectedStats(RestoreOptions.builder().statisticsOnly(true).build()));
        assertEquals(List.of(4, 5, 9, 12), selectedStats(RestoreOptions.builder().schemaOnly(true).build()));
        assertEquals(List.of(10), selectedStats(RestoreOptions.builder().dataOnly(true).build()));
        assertEquals(List.of(10, 20, 21, 22), selectedStats(RestoreOptions.builder().noSchema(true).build()));
        assertEquals(List.of(12, 22), selectedStats(RestoreOptions.builder().section("post-data").build()));
    }

    /** pg_restore 18.6: statistics follow their relation's selection by name, whatever parts of it are restored. */
    @Test
    void selectedRelationsKeepTheirStatisticsUnderStatisticsOnlySectionsAndNoSchema() {
        assertEquals(List.of(20), selectedStats(RestoreOptions.builder().table("t").statisticsOnly(true).build()));
        assertEquals(List.of(20, 22), selectedStats(RestoreOptions.builder().schema("s").statisticsOnly(true).build()));
        assertEquals(List.of(10, 20), selectedStats(RestoreOptions.builder().schema("s").section("data").build()));
        assertEquals(List.of(10, 20, 22), selectedStats(RestoreOptions.builder().schema("s").noSchema(true).build()));
        assertEquals(List.of(21), selectedStats(RestoreOptions.builder().excludeSchema("s").statisticsOnly(true)
                .build()));
        assertEquals(List.of(22), selectedStats(RestoreOptions.builder().index("t_i").statisticsOnly(true).build()));
        assertEquals(List.of(), selectedStats(RestoreOptions.builder().table("t").schemaOnly(true).statisticsOnly(false)
                .section("post-data").build()));
    }

    static List<Integer> selected(RestoreOptions o) {
        return RestoreSelection.of(TOC, o, ProgressListener.NONE).selected().stream().map(TocEntry::dumpId).toList();
    }

    @Test
    void defaultsSkipDatabaseAndSpecialEntries() {
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), selected(RestoreOptions.DEFAULTS));
        RestoreSelection s = RestoreSelection.of(TOC, RestoreOptions.DEFAULTS, ProgressListener.NONE);
        assertEquals(RestoreSelection.SPECIAL, s.reqs(TOC.entries().get(0)));
        assertEquals(RestoreSelection.DATA, s.reqs(TOC.entries().get(10)));
    }

    @Test
    void createAddsTheDatabaseAndItsComment() {
        assertEquals(List.of(2, 3, 4), selected(RestoreOptions.builder().create(true).build()).subList(0, 3));
    }

    @Test
    void schemaOnlyDataOnlyAndSections() {
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 12, 13, 14),
                selected(RestoreOptions.builder().schemaOnly(true).build()));
        assertEquals(List.of(10, 11), selected(RestoreOptions.builder().dataOnly(true).build()));
        assertEquals(List.of(12, 13, 14), selected(RestoreOptions.builder().section("post-data").build()));
        assertEquals(List.of(10, 11, 12, 13, 14),
                selected(RestoreOptions.builder().section("data").section("post-data").build()));
    }

    @Test
    void tableSelectsRelationsAndDataButNoSubsidiaryObjects() {
        // -t t: both tables named t and the data; comments/ACLs follow their parent; no index, trigger, schema
        assertEquals(List.of(5, 6, 7, 9, 10), selected(RestoreOptions.builder().table("t").build()));
        assertEquals(List.of(5, 6, 7, 10), selected(RestoreOptions.builder().table("t").schema("s").build()));
        assertEquals(List.of(12, 14), selected(RestoreOptions.builder().index("t_i").build()));
        assertEquals(List.of(8), selected(RestoreOptions.builder().function("f(integer)").build()));
        assertEquals(List.of(13), selected(RestoreOptions.builder().trigger("t tr").build()));
    }

    @Test
    void namesAreExactNotPatterns() {
        // as pg_restore 18.6: no wildcards, no schema part in -t, no case folding, -P needs the TOC's argument list
        for (RestoreOptions o : List.of(RestoreOptions.builder().table("t*").build(),
                RestoreOptions.builder().table("s.t").build(), RestoreOptions.builder().table("T").build(),
                RestoreOptions.builder().schema("S").build(), RestoreOptions.builder().schema("s*").build(),
                RestoreOptions.builder().index("t_?").build(), RestoreOptions.builder().function("f").build(),
                RestoreOptions.builder().function("f(int)").build(), RestoreOptions.builder().trigger("tr").build(),
                RestoreOptions.builder().trigger("t*").build())) {
            assertEquals(List.of(), selected(o), o.selection().toString());
        }
    }

    @Test
    void schemaIncludeAndExclude() {
        assertEquals(List.of(5, 6, 7, 8, 10, 11, 12, 13, 14), selected(RestoreOptions.builder().schema("s").build()));
        assertEquals(List.of(4, 9), selected(RestoreOptions.builder().excludeSchema("s").build()));
    }

    @Test
    void skipsPrivilegesAndComments() {
        assertEquals(List.of(4, 5, 8, 9, 10, 11, 12, 13),
                selected(RestoreOptions.builder().noPrivileges(true).noComments(true).build()));
    }

    @Test
    void strictNamesRejectsNamesThatMatchNothing() {
        UsageException e = assertThrows(UsageException.class,
                () -> selected(RestoreOptions.builder().table("t").table("nope").strictNames(true).build()));
        assertEquals("table \"nope\" not found", e.getMessage());
        assertEquals("schema \"x\" not found", assertThrows(UsageException.class,
                () -> selected(RestoreOptions.builder().schema("x").strictNames(true).build())).getMessage());
    }

    @Test
    void useListOrdersAndSelects() throws IOException {
        UseList list = UseList.parse(new StringReader("; header\n10; 0 0 TABLE DATA s t o\n\n  5; x\n;12; c\nabc\n5\n"),
                "l.list");
        List<String> warnings = new ArrayList<>();
        RestoreSelection s = RestoreSelection.of(TOC, RestoreOptions.builder().useList(list).build(),
                new ProgressListener() {
                    @Override
                    public void warning(String m) {
                        warnings.add(m);
                    }
                });
        assertEquals(List.of(10, 5), s.selected().stream().map(TocEntry::dumpId).toList());
        assertEquals(List.of("line ignored: abc", "line ignored: 5"), warnings);
    }

    @Test
    void useListWithUnknownIdIsAnErrorNamingTheLine() throws IOException {
        UseList list = UseList.parse(new StringReader("4\n99; 0 0 TABLE x y z\n"), "my.list");
        UsageException e = assertThrows(UsageException.class,
                () -> RestoreSelection.of(TOC, RestoreOptions.builder().useList(list).build(), ProgressListener.NONE));
        assertEquals("could not find entry for ID 99 (line 2 of \"my.list\", largest dump ID in the archive is 14)",
                e.getMessage());
    }

    @Test
    void optionConflictsUsePgRestoreWords() {
        assertEquals("options -s/--schema-only and -a/--data-only cannot be used together",
                assertThrows(UsageException.class,
                        () -> RestoreOptions.builder().dataOnly(true).schemaOnly(true).build()).getMessage());
        assertEquals("options -c/--clean and -a/--data-only cannot be used together",
                assertThrows(UsageException.class,
                        () -> RestoreOptions.builder().dataOnly(true).clean(true).build()).getMessage());
        assertEquals("options -C/--create and -1/--single-transaction cannot be used together",
                assertThrows(UsageException.class,
                        () -> RestoreOptions.builder().create(true).singleTransaction(true).build()).getMessage());
        assertEquals("option --if-exists requires option -c/--clean",
                assertThrows(UsageException.class, () -> RestoreOptions.builder().ifExists(true).build())
                        .getMessage());
        assertEquals("unrecognized section name: \"pre\"",
                assertThrows(UsageException.class, () -> RestoreOptions.builder().section("pre")).getMessage());
        assertEquals("invalid restrict key",
                assertThrows(UsageException.class, () -> RestoreOptions.builder().restrictKey("a-b").build())
                        .getMessage());
        RestoreOptions o = RestoreOptions.builder().singleTransaction(true).build();
        assertEquals(true, o.execution().exitOnError());
    }

    @Test
    void listingLineSanitizesNames() {
        TocEntry t = new TocEntry(3, new CatalogId(1259, 4294967295L), "TABLE", Section.PRE_DATA,
                new TocEntry.EntryNames("odd\nna\rme", null, null, null, null),
                new TocEntry.EntrySql("", "", null), List.of(), false);
        assertEquals("3; 1259 4294967295 TABLE - odd na me ", TocListing.line(t));
    }

    /** The one-pass walk a listing uses decides every entry as {@link RestoreSelection#of} does. */
    @Test
    void walkDecidesAsTheSelection() throws IOException {
        List<RestoreOptions> options = List.of(RestoreOptions.DEFAULTS,
                RestoreOptions.builder().schema("s").build(), RestoreOptions.builder().table("t").build(),
                RestoreOptions.builder().create(true).noComments(true).build(),
                RestoreOptions.builder().dataOnly(true).build());
        for (RestoreOptions o : options) {
            RestoreSelection s = RestoreSelection.of(TOC, o, ProgressListener.NONE);
            List<String> expected = new ArrayList<>();
            TOC.entries().forEach(e -> expected.add(e.dumpId() + ":" + s.reqs(e)));
            List<String> walked = new ArrayList<>();
            RestoreSelection.walk(TOC, o, ProgressListener.NONE, (e, reqs) -> walked.add(e.dumpId() + ":" + reqs));
            assertEquals(expected, walked);
        }
    }
}
