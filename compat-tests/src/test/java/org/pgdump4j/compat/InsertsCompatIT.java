package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Table data as INSERT statements against real pg_dump 18 / pg_restore 18 (fixtures/inserts.sql: generated and
 * identity columns, partitions loaded directly, through their root, and forced through it, an empty table, a table
 * without columns, NULLs, a 100 kB row, names that need quoting, domains over numbers and bits, triggers):
 * each option set's script equals pg_dump 18's entry by entry; the edge-value fixture's scripts equal pg_dump 18's
 * and psql 18 loads them bit-exact; our custom, directory and tar archives print through pg_restore 18 exactly as
 * pg_dump 18's do, and ours prints theirs the same; a restore into a database counts each failing INSERT as
 * pg_restore 18 does; --disable-triggers and -S as pg_restore 18 writes and runs them; pg_dump 18's option errors.
 * pg_dump's one loss in INSERT mode is ours too: a float's {@code -0} is written bare, and loads as 0.
 */
class InsertsCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "inserts.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of("--inserts"),
                List.of("--rows-per-insert=2"),
                List.of("--rows-per-insert", "100", "--attribute-inserts", "--on-conflict-do-nothing"),
                List.of("--inserts", "--load-via-partition-root", "--on-conflict-do-nothing"),
                List.of("-a", "--inserts", "--disable-triggers"),
                List.of("-a", "--disable-triggers", "-S", "P4J Odd \"Role\"", "--rows-per-insert=3"),
                List.of("--disable-triggers", "-S", "p4j_owner", "--inserts"));
    }

    /** psql 18 loads our script, pg_restore 18 our custom and directory archives: the same rows. */
    @Override
    List<String> roundTripArgs() {
        return List.of("--rows-per-insert=7", "--column-inserts");
    }

    /**
     * Without the table hash-partitioned on an enum: which partition a row lands in depends on the enum's OIDs,
     * which a copy does not keep (the reason pg_dump loads it through its root), so the copy's partitions differ.
     */
    @Override
    void beforeRoundTrip(TestDb db) throws SQLException {
        db.execute("DROP TABLE IF EXISTS ins.hashed");
    }

    static List<Integer> matrix() {
        return PgServers.matrixMajors();
    }

    /** Every built-in type's edge values: pg_dump 18's text, and bit-exact through psql 18. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrix")
    void edgeValuesAsPgDumpWritesThem(int major, @TempDir Path dir) throws Exception {
        TestDb source = EdgeDataIT.source(major);
        for (List<String> args : List.of(List.of("--inserts"), List.of("--column-inserts", "--rows-per-insert=3"))) {
            FamilyCompat.assertSameEntries(source, args, "edge-data inserts " + major + " " + args, dir);
            Path script = dir.resolve("edge.sql");
            Files.writeString(script, FamilyCompat.ours(source, args, dir), StandardCharsets.UTF_8);
            try (TestDb copy = PgServers.freshDb(18, "edgeinserts")) {
                var r = ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v",
                        "ON_ERROR_STOP=1", "-f", script.toString()), copy.libpqEnvironment());
                assertEquals(0, r.exitCode(), r.stderr());
                // pg_dump's one loss, ours too: a float's -0 is written bare, which the scanner reads as 0
                assertEquals("0=0 ", rows(copy, "SELECT r, d FROM edge_float WHERE id = 4"));
                copy.execute("UPDATE edge_float SET r = '-0', d = '-0' WHERE id = 4");
                EdgeDataIT.assertSameRows(major, copy);
            }
        }
    }

    /**
     * Our archive and pg_dump 18's print the same script through pg_restore 18 (TABLE DATA entries without a COPY
     * statement, their data SQL), and our restore prints pg_dump 18's archive as pg_restore 18 does: custom,
     * directory (also dumped by two workers) and tar.
     */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrix")
    void archivesAsPgDumpWritesThem(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, fixture())) {
            for (String format : List.of("-Fc", "-Fd", "-Ft", "-Fd -j2")) {
                List<String> args = new ArrayList<>(List.of(format.split(" ")));
                args.addAll(List.of("--column-inserts", "--rows-per-insert=2", "--on-conflict-do-nothing"));
                String name = format.replaceAll("[^a-z0-9]", "");
                Path ours = dir.resolve("ours." + name);
                Path theirs = dir.resolve("theirs." + name);
                List<String> a = new ArrayList<>(List.of("dump", "-f", ours.toString()));
                a.addAll(args);
                var dumped = InProcessCli.run(db.libpqEnvironment(), a.toArray(String[]::new));
                assertEquals(0, dumped.exitCode(), dumped.stderr());
                List<String> b = new ArrayList<>(args);
                b.addAll(List.of("-f", theirs.toString(), db.name()));
                ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), b, db.libpqEnvironment())
                        .requireSuccess();
                String expected = pgRestore18Script(theirs, db);
                assertEquals(expected, pgRestore18Script(ours, db), "pg_restore 18 -f of our " + format);
                var printed = InProcessCli.run(db.libpqEnvironment(), "restore", "--restrict-key=K", "-f", "-",
                        theirs.toString());
                assertEquals(0, printed.exitCode(), printed.stderr());
                assertEquals(expected, FamilyCompat.withoutVersions(printed.stdoutText()),
                        "our restore -f of their " + format);
            }
        }
    }

    private static String pgRestore18Script(Path archive, TestDb db) {
        return FamilyCompat.withoutVersions(ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                List.of("--restrict-key=K", "-f", "-", archive.toString()), db.libpqEnvironment())
                .requireSuccess().stdoutText());
    }

    /**
     * pg_dump 18's INSERT archive restored into a database whose table already holds some of the keys: each failing
     * statement is one error, the others load, as with pg_restore 18 (one row per statement, and a batch that fails
     * as a whole).
     */
    @Test
    void eachFailingStatementCountsAsPgRestoreCountsIt(@TempDir Path dir) throws Exception {
        try (TestDb source = PgServers.freshDb(18, "inssrc")) {
            source.execute("CREATE TABLE k (id int PRIMARY KEY, v text); INSERT INTO k SELECT i, 'v' || i"
                    + " FROM generate_series(1, 5) i;");
            for (String rows : List.of("--inserts", "--rows-per-insert=2")) {
                Path archive = dir.resolve("k" + rows.length() + ".dump");
                ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-Fc", "-a", rows, "-f",
                        archive.toString(), source.name()), source.libpqEnvironment()).requireSuccess();
                String theirs;
                String ours;
                String theirRows;
                String ourRows;
                try (TestDb copy = conflicting()) {
                    var r = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), List.of("-d",
                            copy.name(), archive.toString()), copy.libpqEnvironment());
                    assertEquals(1, r.exitCode(), r.stderr());
                    theirs = errorCount(EdgeDataIT.stderr(r));
                    theirRows = rows(copy, "SELECT id, v FROM k ORDER BY id");
                }
                try (TestDb copy = conflicting()) {
                    var r = InProcessCli.run(copy.libpqEnvironment(), "restore", "-d", copy.name(),
                            archive.toString());
                    assertEquals(1, r.exitCode(), r.stderr());
                    ours = errorCount(r.stderr());
                    ourRows = rows(copy, "SELECT id, v FROM k ORDER BY id");
                }
                assertEquals(theirs, ours, rows);
                assertEquals(theirRows, ourRows, rows);
                assertTrue(theirs.endsWith(": 2"), theirs);
            }
        }
    }

    private static TestDb conflicting() throws Exception {
        TestDb copy = PgServers.freshDb(18, "inscopy");
        copy.execute("CREATE TABLE k (id int PRIMARY KEY, v text); INSERT INTO k VALUES (2, 'old'), (4, 'old');");
        return copy;
    }

    private static String errorCount(String stderr) {
        return stderr.lines().filter(l -> l.contains("errors ignored on restore")).findFirst().orElse(stderr);
    }

    /** The rows of {@code query} (two columns), as one line. */
    private static String rows(TestDb db, String query) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('=').append(rs.getString(2)).append(' ');
            }
        }
        return out.toString();
    }

    /**
     * A data-only restore with --disable-triggers and -S: the script as pg_restore 18 prints it, and into a database
     * the trigger does not fire (the audit table keeps its rows), as with pg_restore 18.
     */
    @Test
    void disableTriggersAsPgRestoreDoes(@TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(18, fixture())) {
            Path archive = dir.resolve("ins.dump");
            var dumped = InProcessCli.run(db.libpqEnvironment(), "dump", "-Fc", "--inserts", "-f",
                    archive.toString());
            assertEquals(0, dumped.exitCode(), dumped.stderr());
            List<String> args = List.of("-a", "--disable-triggers", "-S", "postgres", "-t", "watched", "-t", "audit");
            List<String> print = new ArrayList<>(args);
            print.addAll(List.of("--restrict-key=K", "-f", "-", archive.toString()));
            String theirs = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), print,
                    db.libpqEnvironment()).requireSuccess().stdoutText();
            List<String> ourPrint = new ArrayList<>(List.of("restore"));
            ourPrint.addAll(print);
            var printed = InProcessCli.run(db.libpqEnvironment(), ourPrint.toArray(String[]::new));
            assertEquals(0, printed.exitCode(), printed.stderr());
            assertEquals(FamilyCompat.withoutVersions(theirs), FamilyCompat.withoutVersions(printed.stdoutText()));
            assertTrue(theirs.contains("SET SESSION AUTHORIZATION 'postgres';"), theirs);
            for (boolean real : List.of(true, false)) {
                try (TestDb copy = PgServers.freshDb(18, "instrig")) {
                    copy.execute(Fixtures.text("roles.sql"));
                    var schema = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), List.of("-s", "-d",
                            copy.name(), archive.toString()), copy.libpqEnvironment());
                    assertEquals(0, schema.exitCode(), schema.stderr());
                    List<String> into = new ArrayList<>(args);
                    into.addAll(List.of("-d", copy.name(), archive.toString()));
                    ReferenceClients.Result r;
                    if (real) {
                        r = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), into,
                                copy.libpqEnvironment());
                    } else {
                        into.add(0, "restore");
                        r = InProcessCli.run(copy.libpqEnvironment(), into.toArray(String[]::new));
                    }
                    assertEquals(0, r.exitCode(), r.stderr());
                    for (String q : List.of("SELECT id, note FROM ins.audit ORDER BY 1, 2",
                            "SELECT id, v FROM ins.watched ORDER BY 1")) {
                        assertEquals(rows(db, q), rows(copy, q), (real ? "pg_restore 18: " : "ours: ") + q);
                    }
                }
            }
        }
    }

    /**
     * A dump in another encoding, asked for by -E, by PGCLIENTENCODING or by the connection string's client_encoding
     * (libpq's setting is the dump's encoding when -E is not given): names and values in its bytes, as pg_dump 18
     * writes them.
     */
    @Test
    void anotherEncoding(@TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(18, fixture())) {
            record Way(List<String> options, Map<String, String> env, String dbname) {
            }
            List<Way> ways = List.of(new Way(List.of("-E", "LATIN1"), Map.of(), db.name()),
                    new Way(List.of(), Map.of("PGCLIENTENCODING", "LATIN1"), db.name()),
                    new Way(List.of(), Map.of("PGCLIENTENCODING", "UTF8"), "dbname=" + db.name()
                            + " client_encoding=latin1"));
            for (Way way : ways) {
                List<String> args = new ArrayList<>(way.options());
                args.addAll(List.of("--column-inserts", "-t", "ins.t?", "--restrict-key=K", "-f"));
                Map<String, String> env = new HashMap<>(db.libpqEnvironment());
                env.putAll(way.env());
                Path theirs = dir.resolve("theirs.sql");
                Path ours = dir.resolve("ours.sql");
                List<String> a = new ArrayList<>(args);
                a.addAll(List.of(theirs.toString(), way.dbname()));
                ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), a, env).requireSuccess();
                List<String> b = new ArrayList<>(List.of("dump"));
                b.addAll(args);
                b.addAll(List.of(ours.toString(), way.dbname()));
                var r = InProcessCli.run(env, b.toArray(String[]::new));
                assertEquals(0, r.exitCode(), r.stderr());
                assertFalse(r.stderr().contains("not supported"), r.stderr()); // client_encoding is honoured
                String expected = Files.readString(theirs, StandardCharsets.ISO_8859_1);
                assertTrue(expected.contains("INSERT INTO ins.\"t\u00e4\" (\"\u00f6\", \"\u00df\") VALUES"
                        + " ('\u00e9''\u00e8', 1);"), expected); // LATIN1 bytes read one char each
                assertTrue(expected.contains("SET client_encoding = 'LATIN1';"), way.toString());
                assertEquals(FamilyCompat.withoutVersions(expected),
                        FamilyCompat.withoutVersions(Files.readString(ours, StandardCharsets.ISO_8859_1)),
                        way.toString());
            }
        }
    }

    /** The option errors, in pg_dump 18's words and exit status. */
    @Test
    void optionErrorsAsPgDump18(@TempDir Path dir) throws Exception {
        try (TestDb db = PgServers.freshDb(18, "insopts")) {
            List<List<String>> cases = List.of(List.of("--on-conflict-do-nothing"),
                    List.of("--on-conflict-do-nothing", "-a"),
                    List.of("--rows-per-insert=0"),
                    List.of("--rows-per-insert=-5", "--inserts"),
                    List.of("--rows-per-insert=2147483648"),
                    List.of("--rows-per-insert=12x"),
                    List.of("--rows-per-insert="),
                    List.of("--inserts", "-s", "-a"),
                    List.of("--rows-per-insert=0", "extra", "arguments"));
            for (List<String> args : cases) {
                List<String> theirArgs = new ArrayList<>(args);
                theirArgs.addAll(List.of("-f", dir.resolve("theirs.sql").toString(), db.name()));
                var theirs = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), theirArgs,
                        db.libpqEnvironment());
                List<String> ourArgs = new ArrayList<>(List.of("dump"));
                ourArgs.addAll(theirArgs);
                ourArgs.set(ourArgs.size() - 2, dir.resolve("ours.sql").toString());
                var ours = InProcessCli.run(db.libpqEnvironment(), ourArgs.toArray(String[]::new));
                assertEquals(theirs.exitCode(), ours.exitCode(), args.toString());
                assertEquals(EdgeDataIT.stderr(theirs), ours.stderr(), args.toString());
                assertEquals(1, ours.exitCode(), args.toString());
            }
        }
    }
}
