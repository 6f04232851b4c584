package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.UnsupportedObjectsException;
import org.pgdump4j.catalog.coverage.Gap;
import org.pgdump4j.dump.ContentFlags;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.ObjectSelection;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.RenderOptions;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * The completeness guard against real pg_dump 18, on a database holding one object of every kind pg_dump dumps
 * (fixtures/every-kind.sql): for each option set, either our dump fails and names, kind by kind and with the
 * same counts, every entry of real pg_dump's listing that we cannot write, or it succeeds and real pg_restore 18
 * lists the same entries for our archive as for pg_dump's.
 */
class CompletenessGuardIT {
    /** The TOC descs pgdump4j writes today. */
    private static final Set<String> WRITTEN = Set.of("SCHEMA", "TABLE", "VIEW", "SEQUENCE", "SEQUENCE OWNED BY",
            "DEFAULT", "TYPE", "SHELL TYPE", "DOMAIN", "TABLE DATA", "SEQUENCE SET", "BLOB METADATA", "BLOBS", "CONSTRAINT", "CHECK CONSTRAINT",
            "INDEX", "FK CONSTRAINT", "COMMENT", "ACL", "DATABASE", "DATABASE PROPERTIES", "ENCODING", "STDSTRINGS",
            "SEARCHPATH", "COLLATION", "CONVERSION", "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE",
            "TEXT SEARCH DICTIONARY", "TEXT SEARCH CONFIGURATION", "OPERATOR", "OPERATOR CLASS",
            "OPERATOR FAMILY", "ACCESS METHOD", "FUNCTION", "PROCEDURE",
            "AGGREGATE", "EXTENSION", "PROCEDURAL LANGUAGE", "CAST", "TRANSFORM", "EVENT TRIGGER", "DEFAULT ACL",
            "PUBLICATION", "PUBLICATION TABLE", "PUBLICATION TABLES IN SCHEMA", "SUBSCRIPTION",
            "FOREIGN DATA WRAPPER", "SERVER", "USER MAPPING", "STATISTICS",
            "TRIGGER", "RULE", "TABLE ATTACH", "INDEX ATTACH", "MATERIALIZED VIEW", "MATERIALIZED VIEW DATA",
            "FOREIGN TABLE", "POLICY", "ROW SECURITY", "STATISTICS DATA", "SECURITY LABEL");

    /** Entries that come with another object: the guard names that object's kind instead. */
    private static final Map<String, String> COMES_WITH = Map.of(
            "MATERIALIZED VIEW DATA", "MATERIALIZED VIEW");

    /** Every TOC desc pg_dump 18 writes, longest first so that a listing line parses to the right one. */
    private static final List<String> DESCS = Stream.of("ACCESS METHOD", "ACL", "AGGREGATE", "BLOB", "BLOB METADATA",
            "BLOBS", "CAST", "CHECK CONSTRAINT", "COLLATION", "COMMENT", "CONSTRAINT", "CONVERSION", "DATABASE",
            "DATABASE PROPERTIES", "DEFAULT", "DEFAULT ACL", "DOMAIN", "ENCODING", "EVENT TRIGGER", "EXTENSION",
            "FK CONSTRAINT", "FOREIGN DATA WRAPPER", "FOREIGN TABLE", "FUNCTION", "INDEX", "INDEX ATTACH",
            "LARGE OBJECTS", "MATERIALIZED VIEW", "MATERIALIZED VIEW DATA", "OPERATOR", "OPERATOR CLASS",
            "OPERATOR FAMILY", "POLICY", "PROCEDURAL LANGUAGE", "PROCEDURE", "PUBLICATION", "PUBLICATION TABLE",
            "PUBLICATION TABLES IN SCHEMA", "ROW SECURITY", "RULE", "SCHEMA", "SEARCHPATH", "SECURITY LABEL",
            "SEQUENCE", "SEQUENCE OWNED BY", "SEQUENCE SET", "SERVER", "SHELL TYPE", "STATISTICS",
            "STATISTICS DATA", "STDSTRINGS", "SUBSCRIPTION", "SUBSCRIPTION TABLE", "TABLE", "TABLE ATTACH",
            "TABLE DATA", "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY", "TEXT SEARCH PARSER",
            "TEXT SEARCH TEMPLATE", "TRANSFORM", "TRIGGER", "TYPE", "USER MAPPING", "VIEW")
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private static final Map<Integer, TestDb> DBS = new HashMap<>();
    private static final Map<Integer, TestDb> REFUSED = new HashMap<>();

    static synchronized TestDb db(int major) throws SQLException {
        TestDb db = DBS.get(major);
        if (db == null) {
            db = PgServers.freshDb(major, "everykind");
            db.execute(forServer(Fixtures.text("every-kind.sql"), major));
            DBS.put(major, db);
        }
        return db;
    }

    /** Lines marked {@code --@ NN+} run only on servers of major NN or newer ({@link MajorGate}). */
    static String forServer(String sql, int major) {
        return MajorGate.forMajor(sql, major);
    }

    /** A database with a subscription cannot be dropped until the subscription is. */
    @AfterAll
    static void drop() throws SQLException {
        for (TestDb db : DBS.values()) {
            db.execute("ALTER SUBSCRIPTION sub DISABLE; ALTER SUBSCRIPTION sub SET (slot_name = NONE); "
                    + "DROP SUBSCRIPTION sub; DROP EVENT TRIGGER evt");
            db.close();
        }
        DBS.clear();
        for (TestDb db : REFUSED.values()) {
            db.close();
        }
        REFUSED.clear();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("default", List.of(), o -> o),
                c("schema-only", List.of("-s"), o -> o.withContent(new ContentFlags(true, false))),
                c("data-only", List.of("-a"), o -> o.withContent(new ContentFlags(false, true))),
                c("statistics", List.of("--statistics"), o -> o.withContent(ContentFlags.WITH_STATISTICS)),
                c("statistics-only", List.of("--statistics-only"), o -> o.withContent(ContentFlags.STATISTICS_ONLY)),
                c("no security labels", List.of("--no-security-labels"), o -> o.withOmit(
                        new DumpOptions.Omit(false, false, false, false, false, false, true))),
                c("no privileges", List.of("-x"),
                        o -> o.withRender(new RenderOptions(false, true, false, false, false, false, null))),
                c("schema plain", List.of("-n", "plain"), o -> o.withSelection(sel(List.of("plain"), List.of(),
                        List.of(), List.of()))),
                c("schema odd", List.of("-n", "odd"), o -> o.withSelection(sel(List.of("odd"), List.of(), List.of(),
                        List.of()))),
                c("exclude schema odd", List.of("-N", "odd"), o -> o.withSelection(sel(List.of(), List.of("odd"),
                        List.of(), List.of()))),
                c("table odd.base", List.of("-t", "odd.base"), o -> o.withSelection(sel(List.of(), List.of(),
                        List.of("odd.base"), List.of()))),
                c("table odd.features", List.of("-t", "odd.features"), o -> o.withSelection(sel(List.of(), List.of(),
                        List.of("odd.features"), List.of()))),
                c("table plain.t1", List.of("-t", "plain.t1"), o -> o.withSelection(sel(List.of(), List.of(),
                        List.of("plain.t1"), List.of()))))
                .flatMap(a -> PgServers.everyMajor().stream().map(major -> {
                    Object[] v = a.get();
                    return Arguments.of(major, v[0], v[1], v[2]);
                }));
    }

    private static Arguments c(String name, List<String> args, UnaryOperator<DumpOptions> options) {
        return Arguments.of(name, args, options);
    }

    private static ObjectSelection sel(List<String> n, List<String> nn, List<String> t, List<String> tt) {
        return new ObjectSelection(n, nn, t, tt, false);
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("cases")
    void refusesExactlyWhatItCannotDump(int major, String name, List<String> args, UnaryOperator<DumpOptions> options,
            @TempDir Path dir) throws Exception {
        TestDb db = db(major);
        Path theirs = dir.resolve("theirs.dump");
        List<String> refArgs = new ArrayList<>(args);
        refArgs.addAll(List.of("-Fc", "-f", theirs.toString(), db.name()));
        ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), refArgs, db.libpqEnvironment()).requireSuccess();
        List<String> expected = listing(theirs);

        Path ours = dir.resolve("ours.dump");
        List<Gap> gaps;
        try {
            PgDump.run(TestSource.of(db), options.apply(DumpOptions.defaults()).withFormat(OutputFormat.CUSTOM)
                    .withFile(ours), ProgressListener.NONE);
            gaps = List.of();
        } catch (UnsupportedObjectsException e) {
            gaps = e.gaps();
            assertFalse(Files.exists(ours), "a refused dump left " + ours);
            assertTrue(e.getMessage().startsWith("cannot dump " + gaps.size() + " object"), e.getMessage());
        }
        Map<String, Long> gapKinds = gaps.stream().collect(Collectors.groupingBy(Gap::kind, TreeMap::new,
                Collectors.counting()));
        Map<String, Long> missing = expected.stream().map(CompletenessGuardIT::desc)
                .filter(d -> !WRITTEN.contains(d))
                .collect(Collectors.groupingBy(d -> d, TreeMap::new, Collectors.counting()));

        // Every entry pg_dump writes and we cannot is named, with pg_dump's count ...
        for (var e : missing.entrySet()) {
            String companion = COMES_WITH.get(e.getKey());
            if (companion != null) {
                assertTrue(gapKinds.containsKey(companion), name + ": " + e.getKey() + " entries in pg_dump's "
                        + "listing, but no " + companion + " refused; refused: " + gapKinds);
            } else {
                assertEquals(e.getValue(), gapKinds.get(e.getKey()), name + ": refused " + e.getKey()
                        + " objects, against pg_dump's listing " + expected);
            }
        }
        // ... and nothing is refused that pg_dump would not write.
        for (var e : gapKinds.entrySet()) {
            if (DESCS.contains(e.getKey()) && !e.getKey().equals("ACL") && !e.getKey().equals("DEFAULT")) {
                assertEquals(missing.get(e.getKey()), e.getValue(), name + ": refused " + e.getKey()
                        + " objects that pg_dump does not dump: " + gaps);
            }
        }
        if (gaps.isEmpty()) {
            assertTrue(missing.isEmpty(), name + ": pg_dump wrote " + missing + " and ours refused nothing");
            assertEquals(expected, listing(ours), name + ": our archive's entries against pg_dump's");
        }
    }

    /**
     * A database holding what only a remaining probe catches: a view given a TOAST table with options (a catalog row
     * no server makes, written with allow_system_table_mods, settable at run time from 13 on; 10..12 let a superuser
     * write catalogs without it). The guard still refuses what it cannot dump, now that every-kind dumps whole.
     */
    static synchronized TestDb refused(int major) throws SQLException {
        TestDb db = REFUSED.get(major);
        if (db == null) {
            db = PgServers.freshDb(major, "refused");
            db.execute(forServer("""
                    CREATE TABLE t (b text) WITH (toast.autovacuum_enabled = false);
                    CREATE VIEW v AS SELECT 1 AS a;
                    --@ 13+ SET allow_system_table_mods = on;
                    UPDATE pg_catalog.pg_class SET reltoastrelid = (SELECT c.reltoastrelid FROM pg_catalog.pg_class c
                     WHERE c.oid = 't'::pg_catalog.regclass) WHERE oid = 'v'::pg_catalog.regclass;
                    --@ 13+ RESET allow_system_table_mods;
                    """, major));
            REFUSED.put(major, db);
        }
        return db;
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.testing.PgServers#everyMajor")
    void refusesWhatARemainingProbeFinds(int major, @TempDir Path dir) throws SQLException {
        TestDb db = refused(major);
        try {
            PgDump.run(TestSource.of(db), DumpOptions.defaults().withFormat(OutputFormat.CUSTOM)
                    .withFile(dir.resolve("x.dump")), ProgressListener.NONE);
            fail("dumped a database with objects it cannot dump");
        } catch (UnsupportedObjectsException e) {
            assertEquals(List.of("TABLE FEATURE TOAST OPTIONS public.v"),
                    e.gaps().stream().map(g -> g.kind() + " " + g.object()).toList());
            assertFalse(Files.exists(dir.resolve("x.dump")));
        }
    }

    /** Through the CLI: exit 1, one line on stderr in pg_dump's form, nothing at -f in any format. */
    @ParameterizedTest(name = "-F{0}")
    @MethodSource("formats")
    void cliRefusesWithOneLineAndNoFile(String format, @TempDir Path dir) throws Exception {
        TestDb db = refused(PgServers.DEFAULT_MAJOR);
        Path out = dir.resolve("out");
        var r = CliProcess.run(db.libpqEnvironment(), "dump", "-F" + format, "-f", out.toString());
        assertEquals(1, r.exitCode(), r.stderr());
        // the harness points PGPASSFILE at /dev/null, which earns libpq's own warning line
        List<String> lines = r.stderr().lines().filter(l -> !l.startsWith("WARNING: password file")).toList();
        assertEquals(1, lines.size(), r.stderr());
        assertTrue(lines.get(0).startsWith("pg_dump: error: cannot dump "), r.stderr());
        // each kind still refused with its count and first names (which kinds: the families' own tests say)
        assertTrue(Pattern.compile("does not support yet: [A-Z ()]+ \\(\\d+\\): ").matcher(r.stderr()).find(),
                r.stderr());
        assertFalse(Files.exists(out), "left " + out);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "left files behind");
        }
    }

    static Stream<String> formats() {
        return Stream.of("p", "c", "d", "t");
    }

    /** Real pg_restore 18's listing of an archive: one "DESC SCHEMA TAG OWNER" line per entry, in order. */
    private static List<String> listing(Path archive) {
        String out = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), List.of("-l", archive.toString()),
                Map.of()).requireSuccess().stdoutText();
        return out.lines().filter(l -> !l.startsWith(";") && !l.isBlank())
                .map(l -> l.replaceFirst("^\\d+; \\d+ \\d+ ", "")).toList();
    }

    private static String desc(String entry) {
        return DESCS.stream().filter(d -> entry.startsWith(d + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("unknown entry kind in " + entry));
    }
}
