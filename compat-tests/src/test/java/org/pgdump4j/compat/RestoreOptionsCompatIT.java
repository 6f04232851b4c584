package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * pg_restore's own options (-C, -C -c --if-exists, --no-data, --no-schema, --no-tablespaces,
 * --no-table-access-method, --no-publications, --no-subscriptions, --enable-row-security, --role, -I) print the
 * same script from our restore as from real pg_restore 18, from pg_dump 18's archive and from ours; and pg_restore
 * 18 prints the same from both archives. The database lives in an in-place tablespace (15+) with a table in a table
 * access method of its own, a comment, a setting, a publication, a subscription and a policy, so each option has
 * something to change. pg_dump's own -c/-C/-O/--no-tablespaces/--no-table-access-method/--disable-triggers leave
 * an archive as it was, as pg_dump 18's do (an archive always holds the DATABASE entry).
 */
class RestoreOptionsCompatIT {
    private static final List<List<String>> SETS = List.of(List.of(), List.of("-C"),
            List.of("-C", "-c", "--if-exists"), List.of("--no-data"), List.of("--no-schema"),
            List.of("--no-tablespaces"), List.of("--no-table-access-method"),
            List.of("-C", "--no-tablespaces", "--no-table-access-method"), List.of("--no-publications"),
            List.of("--no-subscriptions"), List.of("--enable-row-security"), List.of("-a", "--enable-row-security"),
            List.of("--role=p4j_reader"), List.of("-I", "in_default_id"));

    @Test
    void sameScriptsAsPgRestore18(@TempDir Path dir) throws Exception {
        int major = 18;
        String ts = "p4j_restore_ts_" + ProcessHandle.current().pid();
        try (TestDb admin = PgServers.freshDb(major, "rsadmin")) {
            try (Connection c = admin.connect(); Statement st = c.createStatement()) {
                st.execute("SET allow_in_place_tablespaces = on");
                st.execute("CREATE TABLESPACE " + ts + " LOCATION ''");
            }
            try (TestDb db = PgServers.freshDb(major, "restoreopts")) {
                admin.execute("ALTER DATABASE " + db.name() + " SET TABLESPACE " + ts);
                db.execute(Fixtures.text("roles.sql"));
                db.execute(CompletenessGuardIT.forServer(Fixtures.text("table-data.sql"), major));
                db.execute("CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;"
                        + "CREATE TABLE td.in_am (id integer) USING heap2; INSERT INTO td.in_am VALUES (1);"
                        + "CREATE TABLE td.in_default (id integer) TABLESPACE pg_default;"
                        + "CREATE INDEX in_default_id ON td.in_default (id) TABLESPACE " + ts + ";"
                        + "COMMENT ON DATABASE " + db.name() + " IS 'restore options';"
                        + "ALTER DATABASE " + db.name() + " SET work_mem = '3MB';"
                        + "CREATE PUBLICATION p4j_pub FOR TABLE td.in_am; COMMENT ON PUBLICATION p4j_pub IS 'pub';"
                        + "ALTER TABLE td.in_am ENABLE ROW LEVEL SECURITY;"
                        + "CREATE POLICY mine ON td.in_am USING (true)");
                try {
                    db.execute("CREATE SUBSCRIPTION p4j_sub CONNECTION 'dbname=nowhere' PUBLICATION p4j_pub"
                            + " WITH (connect = false, slot_name = NONE)");
                    compareScripts(db, dir);
                } finally {
                    db.execute(SubscriptionCompatIT.DROP_SUBSCRIPTIONS);
                }
            } finally {
                admin.execute("DROP TABLESPACE " + ts);
            }
        }
    }

    /**
     * Statistics restored into a server older than 18 (inventory 6.2.38): pg_restore_relation_stats and
     * pg_restore_attribute_stats do not exist there, so each STATISTICS DATA statement fails; ours reports each
     * failure and the count of ignored errors in pg_restore 18's words, and exits 1 as it does.
     */
    @Test
    void statisticsIntoServer12FailAsWithPgRestore18(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("stats.dump");
        try (TestDb source = PgServers.freshDb(18, "statsrc")) {
            source.execute("CREATE TABLE s (id integer PRIMARY KEY, v text);"
                    + "INSERT INTO s SELECT g, 'v' || g FROM generate_series(1, 100) g; ANALYZE s");
            ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                    List.of("-Fc", "--statistics", "-f", archive.toString()), source.libpqEnvironment())
                    .requireSuccess();
        }
        try (TestDb theirs = PgServers.freshDb(12, "statstheirs"); TestDb ours = PgServers.freshDb(12, "statsours")) {
            var expected = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                    List.of("-d", theirs.name(), archive.toString()), theirs.libpqEnvironment());
            assertEquals(1, expected.exitCode(), expected.stderr());
            assertTrue(expected.stderr().contains("pg_restore_relation_stats"), expected.stderr());
            var actual = InProcessCli.run(ours.libpqEnvironment(), "restore", "-d", ours.name(), archive.toString());
            assertEquals(expected.exitCode(), actual.exitCode(), actual.stderr());
            assertEquals(expected.stderr(), actual.stderr());
            assertEquals("100", ours.queryString("SELECT count(*) FROM s"));
        }
    }

    private static void compareScripts(TestDb db, Path dir) throws Exception {
        Path theirs = dir.resolve("theirs.dump");
        Path ours = dir.resolve("ours.dump");
        ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-Fc", "-f", theirs.toString()),
                db.libpqEnvironment()).requireSuccess();
        var dumped = InProcessCli.run(db.libpqEnvironment(), "dump", "-Fc", "-f", ours.toString());
        assertEquals(0, dumped.exitCode(), dumped.stderr());
        String plain = restore18(theirs, List.of(), db);
        Path oursWith = dir.resolve("ours-with.dump");
        var with = InProcessCli.run(db.libpqEnvironment(), "dump", "-Fc", "-c", "--if-exists", "-C", "-O",
                "--no-tablespaces", "--no-table-access-method", "--disable-triggers", "-f", oursWith.toString());
        assertEquals(0, with.exitCode(), with.stderr());
        assertEquals(PlainDumpCompatIT.withoutVersion(plain),
                PlainDumpCompatIT.withoutVersion(restore18(oursWith, List.of(), db)));
        for (List<String> options : SETS) {
            String script = restore18(theirs, options, db);
            if (!options.isEmpty()) { // each option has something to change here
                assertNotEquals(plain, script, options.toString());
            }
            assertEquals(script, ourRestore(theirs, options, db), "pg_dump 18's archive " + options);
            String fromOurs = restore18(ours, options, db);
            assertEquals(PlainDumpCompatIT.withoutVersion(script), PlainDumpCompatIT.withoutVersion(fromOurs),
                    "pg_restore 18 on our archive " + options);
            assertEquals(fromOurs, ourRestore(ours, options, db), "our archive " + options);
        }
    }

    /**
     * -C into a server (-d names the database to connect to first): the database pg_restore 18 creates, with its
     * comment, setting and grant, and the one ours creates dump alike with pg_dump 18 -C.
     */
    @Test
    void createsTheDatabaseAsPgRestore18(@TempDir Path dir) throws Exception {
        String name = "p4j_created_" + ProcessHandle.current().pid();
        try (TestDb admin = PgServers.freshDb(18, "rcadmin")) {
            Map<String, String> env = new HashMap<>(admin.libpqEnvironment());
            env.put("PGDATABASE", name);
            Path archive = dir.resolve("created.dump");
            try {
                admin.execute("CREATE DATABASE " + name);
                ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1",
                        "-c", "CREATE TABLE t (id integer PRIMARY KEY); INSERT INTO t VALUES (1), (2);"
                                + "COMMENT ON DATABASE " + name + " IS 'made by -C';"
                                + "ALTER DATABASE " + name + " SET work_mem = '3MB';"
                                + "GRANT CONNECT ON DATABASE " + name + " TO PUBLIC;"), env).requireSuccess();
                ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-Fc", "-f", archive.toString()),
                        env).requireSuccess();
                admin.execute("DROP DATABASE " + name);
                List<String> args = List.of("-C", "-d", admin.name(), archive.toString());
                ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), args, admin.libpqEnvironment())
                        .requireSuccess();
                String theirs = dumpCreated(env);
                admin.execute("DROP DATABASE " + name);
                List<String> cli = new ArrayList<>(List.of("restore"));
                cli.addAll(args);
                var run = InProcessCli.run(admin.libpqEnvironment(), cli.toArray(String[]::new));
                assertEquals(0, run.exitCode(), run.stderr());
                assertTrue(theirs.contains("COMMENT ON DATABASE " + name) && theirs.contains("work_mem")
                        && theirs.contains("COPY public.t"), theirs);
                assertEquals(theirs, dumpCreated(env));
            } finally {
                admin.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static String dumpCreated(Map<String, String> env) {
        return ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-C", "--restrict-key=K"), env)
                .requireSuccess().stdoutText();
    }

    private static String ourRestore(Path archive, List<String> options, TestDb db) {
        List<String> cli = new ArrayList<>(List.of("restore", "--restrict-key=K"));
        cli.addAll(options);
        cli.addAll(List.of("-f", "-", archive.toString()));
        var run = InProcessCli.run(db.libpqEnvironment(), cli.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.stderr());
        return run.stdoutText();
    }

    private static String restore18(Path archive, List<String> options, TestDb db) {
        List<String> args = new ArrayList<>(List.of("--restrict-key=K"));
        args.addAll(options);
        args.addAll(List.of("-f", "-", archive.toString()));
        return ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), args, db.libpqEnvironment())
                .requireSuccess().stdoutText();
    }
}
