package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * A view grouped by a table's primary key needs that post-data constraint: a loop, which pg_dump_sort.c's
 * view/rule repair breaks by writing the view with placeholder columns and its real definition as a RULE entry
 * after the key. Our script equals pg_dump 18's (plain, -s, -c --if-exists), our archive lists the same entries,
 * and real psql 18 restores the script.
 */
@ExtendWith(PgExtension.class)
class DependencyLoopIT {
    @Test
    void viewOnPrimaryKeyIsSplitAsPgDumpSplitsIt(TestDb db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE t (id integer PRIMARY KEY, v text COLLATE \"C\"); INSERT INTO t VALUES (1, 'a');"
                + "CREATE VIEW vv AS SELECT id, v FROM t GROUP BY id; COMMENT ON VIEW vv IS 'grouped';"
                + "CREATE VIEW plain_view AS SELECT v FROM t");
        for (List<String> options : List.of(List.<String>of(), List.of("-s"), List.of("-c", "--if-exists"))) {
            Path ours = dir.resolve("ours.sql");
            Path theirs = dir.resolve("theirs.sql");
            List<String> args = new ArrayList<>(options);
            args.addAll(List.of("--restrict-key=K", "-f"));
            List<String> ourArgs = new ArrayList<>(List.of("dump"));
            ourArgs.addAll(args);
            ourArgs.add(ours.toString());
            var r = CliProcess.run(db.libpqEnvironment(), ourArgs.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.stderr());
            List<String> refArgs = new ArrayList<>(args);
            refArgs.addAll(List.of(theirs.toString(), db.name()));
            ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), refArgs, db.libpqEnvironment())
                    .requireSuccess();
            String expected = PlainDumpCompatIT.withoutVersion(Files.readString(theirs));
            assertTrue(expected.contains("Type: RULE"), "pg_dump 18 no longer splits the view: " + expected);
            assertEquals(expected, PlainDumpCompatIT.withoutVersion(Files.readString(ours)), "options " + options);
        }
        Path archive = dir.resolve("ours.dump");
        Path reference = dir.resolve("theirs.dump");
        assertEquals(0, CliProcess.run(db.libpqEnvironment(), "dump", "-Fc", "-f", archive.toString()).exitCode());
        ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-Fc", "-f", reference.toString(),
                db.name()), db.libpqEnvironment()).requireSuccess();
        assertEquals(listing(reference), listing(archive));

        try (TestDb copy = org.pgdump4j.testing.PgServers.freshDb(db.major(), "loopcopy")) {
            ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-f", dir.resolve("ours.sql").toString()), copy.libpqEnvironment()).requireSuccess();
            assertEquals("1:a", copy.queryString("SELECT string_agg(id || ':' || v, ',') FROM vv"));
        }
    }

    /**
     * A CHECK calling a function that reads the table (SQL-standard body, 14+, records that dependency): a loop
     * through the table and its constraint, which pg_dump breaks by writing the constraint separately in
     * post-data (repairTableConstraintMultiLoop). Our script equals pg_dump 18's and psql 18 restores it.
     */
    @Test
    void checkThroughAFunctionOnItsTableIsWrittenSeparately(TestDb db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE t (id integer PRIMARY KEY, v integer)");
        // one statement per call: the driver cannot split a BEGIN ATOMIC body from what follows
        db.execute("CREATE FUNCTION t_rows() RETURNS bigint LANGUAGE sql STABLE"
                + " BEGIN ATOMIC SELECT count(*) FROM public.t; END");
        db.execute("ALTER TABLE t ADD CONSTRAINT t_small CHECK (t_rows() < 1000)");
        db.execute("CREATE TABLE u (id integer CONSTRAINT u_positive CHECK (id > 0))");
        String expected = FamilyCompat.theirs(db, List.of());
        assertTrue(expected.contains("Type: CHECK CONSTRAINT; Schema: public; Owner"), expected);
        FamilyCompat.assertSameEntries(db, List.of(), "check loop", dir);
        FamilyCompat.assertSameEntries(db, List.of("-s"), "check loop -s", dir);
        try (TestDb copy = org.pgdump4j.testing.PgServers.freshDb(db.major(), "checkloopcopy")) {
            Path script = dir.resolve("check.sql");
            Files.writeString(script, FamilyCompat.ours(db, List.of(), dir));
            ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-f", script.toString()), copy.libpqEnvironment()).requireSuccess();
        }
    }

    /**
     * A {@code BEGIN ATOMIC} function grouping by a table's primary key needs that post-data constraint: a loop
     * through the pre-data fence, which pg_dump breaks by postponing the function into post-data
     * (repairFunctionBoundaryMultiLoop), after the key; a function calling it is postponed with it, and a view
     * reading it is split (repairViewRuleMultiLoop, tried first). Our script equals pg_dump 18's (plain, -s, -c),
     * our archive lists the same entries in the same sections, and real psql 18 restores the script.
     */
    @Test
    void functionNeedingAPrimaryKeyIsPostponedIntoPostData(TestDb db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE t (id integer PRIMARY KEY, v text COLLATE \"C\");"
                + "INSERT INTO t VALUES (1, 'a'), (2, 'b'); CREATE INDEX t_v ON t (v)");
        // one statement per call: the driver cannot split a BEGIN ATOMIC body from what follows
        db.execute("CREATE FUNCTION grouped() RETURNS SETOF text LANGUAGE sql STABLE"
                + " BEGIN ATOMIC SELECT v FROM public.t GROUP BY id; END");
        db.execute("CREATE FUNCTION grouped_count() RETURNS bigint LANGUAGE sql STABLE"
                + " BEGIN ATOMIC SELECT count(*) FROM public.grouped() g(v); END");
        db.execute("COMMENT ON FUNCTION grouped() IS 'postponed'; REVOKE EXECUTE ON FUNCTION grouped() FROM PUBLIC;"
                + "CREATE VIEW gv AS SELECT v FROM grouped() g(v);"
                + "CREATE FUNCTION plain_one() RETURNS integer LANGUAGE sql RETURN 1");
        String expected = FamilyCompat.theirs(db, List.of());
        assertTrue(expected.indexOf("Name: grouped(); Type: FUNCTION") > expected.indexOf("Type: CONSTRAINT"),
                "pg_dump 18 no longer postpones the function: " + expected);
        FamilyCompat.assertSameEntries(db, List.of(), "function boundary loop", dir);
        FamilyCompat.assertSameEntries(db, List.of("-s"), "function boundary loop -s", dir);
        FamilyCompat.assertSameEntries(db, List.of("-c", "--if-exists"), "function boundary loop -c", dir);
        Path archive = dir.resolve("fb-ours.dump");
        Path reference = dir.resolve("fb-theirs.dump");
        assertEquals(0, CliProcess.run(db.libpqEnvironment(), "dump", "-Fc", "-f", archive.toString()).exitCode());
        ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-Fc", "-f", reference.toString(),
                db.name()), db.libpqEnvironment()).requireSuccess();
        assertEquals(listing(reference), listing(archive));
        for (String section : List.of("pre-data", "post-data")) {
            assertEquals(sectionScript(reference, section), sectionScript(archive, section), section);
        }
        try (TestDb copy = org.pgdump4j.testing.PgServers.freshDb(db.major(), "fbloopcopy")) {
            Path script = dir.resolve("fb.sql");
            Files.writeString(script, FamilyCompat.ours(db, List.of(), dir));
            ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-f", script.toString()), copy.libpqEnvironment()).requireSuccess();
            assertEquals("2", copy.queryString("SELECT grouped_count()"));
            assertEquals("a,b", copy.queryString("SELECT string_agg(v, ',' ORDER BY v) FROM gv"));
        }
    }

    /**
     * A materialized view grouping by a table's primary key needs that post-data constraint: a loop through the
     * pre-data fence, which pg_dump breaks by postponing the materialized view into post-data
     * (repairMatViewBoundaryMultiLoop), and a materialized view reading it with it. Our script equals pg_dump 18's
     * (plain, -s, --statistics, -c), our archive lists the same entries in the same sections, and real psql 18
     * restores the script with the views' rows.
     */
    @Test
    void matviewNeedingAPrimaryKeyIsPostponedIntoPostData(TestDb db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE t (id integer PRIMARY KEY, name text); INSERT INTO t VALUES (1, 'a'), (2, 'b');"
                + "CREATE MATERIALIZED VIEW mv AS SELECT id, name FROM t GROUP BY id;"
                + "CREATE MATERIALIZED VIEW mv2 AS SELECT * FROM mv; CREATE INDEX mv_i ON mv (id);"
                + "COMMENT ON MATERIALIZED VIEW mv IS 'postponed'; GRANT SELECT ON mv TO PUBLIC;"
                + "CREATE MATERIALIZED VIEW plain_mv AS SELECT 1 AS one; ANALYZE");
        String expected = FamilyCompat.theirs(db, List.of());
        assertTrue(expected.indexOf("Name: mv; Type: MATERIALIZED VIEW;") > expected.indexOf("Type: CONSTRAINT"),
                "pg_dump 18 no longer postpones the materialized view: " + expected);
        for (List<String> options : List.of(List.<String>of(), List.of("-s"), List.of("--statistics"),
                List.of("-c", "--if-exists"))) {
            FamilyCompat.assertSameEntries(db, options, "matview boundary loop " + options, dir);
        }
        Path archive = dir.resolve("mv-ours.dump");
        Path reference = dir.resolve("mv-theirs.dump");
        assertEquals(0, CliProcess.run(db.libpqEnvironment(), "dump", "-Fc", "-f", archive.toString()).exitCode());
        ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-Fc", "-f", reference.toString(),
                db.name()), db.libpqEnvironment()).requireSuccess();
        assertEquals(listing(reference), listing(archive));
        for (String section : List.of("pre-data", "data", "post-data")) {
            assertEquals(sectionScript(reference, section), sectionScript(archive, section), section);
        }
        try (TestDb copy = org.pgdump4j.testing.PgServers.freshDb(db.major(), "mvloopcopy")) {
            Path script = dir.resolve("mv.sql");
            Files.writeString(script, FamilyCompat.ours(db, List.of(), dir));
            ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-f", script.toString()), copy.libpqEnvironment()).requireSuccess();
            assertEquals("1:a,2:b", copy.queryString("SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM mv2"));
        }
    }

    /**
     * Overlapping loops (inventory 3.2.6: pg_dump finds them in its own order, we one per failed sort): views
     * grouped by two tables' keys and reading each other, a function and a view of a materialized view needing a
     * key, a CHECK through a function grouping by its own table's key. Each loop gets pg_dump 18's repair: our
     * script equals its (plain, -s, -c --if-exists) and psql 18 restores it.
     */
    @Test
    void overlappingLoopsAreRepairedAsPgDump(TestDb db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE t (id integer PRIMARY KEY, v text COLLATE \"C\", w integer);"
                + "CREATE TABLE u (id integer PRIMARY KEY, t_id integer); INSERT INTO t VALUES (1, 'a', 2);"
                + "CREATE VIEW v1 AS SELECT id, v FROM t GROUP BY id;"
                + "CREATE VIEW v2 AS SELECT v1.id, count(*) AS c FROM v1 JOIN u ON u.t_id = v1.id GROUP BY v1.id;"
                + "CREATE VIEW v3 AS SELECT u.id, u.t_id FROM u GROUP BY u.id;"
                + "CREATE VIEW v4 AS SELECT v3.id, v1.v FROM v3 JOIN v1 ON v1.id = v3.t_id;"
                + "CREATE MATERIALIZED VIEW m AS SELECT t.id, t.v FROM t GROUP BY t.id");
        // one statement per call: the driver cannot split a BEGIN ATOMIC body from what follows
        db.execute("CREATE FUNCTION f(i integer) RETURNS bigint LANGUAGE sql"
                + " BEGIN ATOMIC SELECT count(*) FROM public.v1 WHERE id = i; END");
        db.execute("CREATE FUNCTION g(i integer) RETURNS integer LANGUAGE sql"
                + " BEGIN ATOMIC SELECT w FROM public.t WHERE id = i GROUP BY id; END");
        db.execute("ALTER TABLE t ADD CONSTRAINT ck CHECK (g(id) IS NULL OR true);"
                + "CREATE VIEW v5 AS SELECT m.id, f(m.id) AS n FROM m");
        String expected = FamilyCompat.theirs(db, List.of());
        assertTrue(expected.contains("Name: v1 _RETURN; Type: RULE")
                && expected.contains("Name: v5 _RETURN; Type: RULE")
                && expected.indexOf("Name: g(integer); Type: FUNCTION") > expected.indexOf("Name: t t_pkey"),
                "pg_dump 18 repairs these loops otherwise now: " + expected);
        for (List<String> options : List.of(List.<String>of(), List.of("-s"), List.of("-c", "--if-exists"))) {
            FamilyCompat.assertSameEntries(db, options, "overlapping loops " + options, dir);
        }
        try (TestDb copy = org.pgdump4j.testing.PgServers.freshDb(db.major(), "overlapcopy")) {
            Path script = dir.resolve("overlap.sql");
            Files.writeString(script, FamilyCompat.ours(db, List.of(), dir));
            ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-f", script.toString()), copy.libpqEnvironment()).requireSuccess();
            assertEquals("1:1", copy.queryString("SELECT string_agg(id || ':' || n, ',') FROM v5"));
        }
    }

    /** What real pg_restore 18 writes of one section of {@code archive}: the section each entry is filed under. */
    private static String sectionScript(Path archive, String section) {
        return PlainDumpCompatIT.withoutVersion(ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                List.of("--section=" + section, "--restrict-key=K", "-f", "-", archive.toString()), Map.of()).requireSuccess()
                .stdoutText());
    }

    private static List<String> listing(Path archive) {
        return ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), List.of("-l", archive.toString()),
                Map.of()).requireSuccess().stdoutText().lines().filter(l -> !l.startsWith(";") && !l.isBlank())
                .map(l -> l.replaceFirst("^\\d+; ", "")).toList();
    }
}
