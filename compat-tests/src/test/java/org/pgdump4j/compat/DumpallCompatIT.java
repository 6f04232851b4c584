package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.embedded.EmbeddedPostgres;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * pgdump4j dumpall against real pg_dumpall 18, line by line (the restrict key fixed with --restrict-key; the
 * "Dumped by" version and -v's timestamps aside), on a cluster given uniquely named roles (attributes, passwords,
 * comments, security labels, settings, memberships with ADMIN/INHERIT/SET options and grantors, a grantor dropped
 * before 16 tracked them), privileges on parameters and an in-place tablespace (15+, with a label), and two small
 * databases (one with a name that needs quoting) besides template1 and postgres. -g on every major (role
 * attributes and memberships differ by version); every option set on the matrix majors (--quote-all-identifiers
 * among them, for the globals and for the whole cluster), and there (15+) a round
 * trip: psql 18 runs our script into a fresh cluster, whose dump equals the original's. Everything created is
 * dropped after; the servers' bootstrap role is never changed.
 */
class DumpallCompatIT {
    private static final String KEY = "--restrict-key=Dumpall1";
    private static final String P = "p4j_da" + ProcessHandle.current().pid() + "_";

    /**
     * The first set runs on every major, all of them on the matrix majors. {@code FILE}: an output file of each
     * tool; {@code FILTER}: a --filter file excluding a database. Few sets dump the databases (each real pg_dumpall runs pg_dump once per database): options that only
     * change the globals or the per-database options share them.
     */
    private static final List<List<String>> SETS = List.of(List.of("-g", "-v", "--no-sync", "-f", "FILE"),
            List.of("-r", "-l", "template1", "-d", "dbname=nosuch application_name=p4j"), List.of("-t"),
            List.of(), List.of("-c", "--if-exists", "--column-inserts", "--rows-per-insert", "2",
                    "--on-conflict-do-nothing", "--use-set-session-authorization"),
            List.of("-s", "-O", "-x", "--no-comments", "--no-tablespaces", "--no-security-labels", "-E", "LATIN1",
                    "--no-data", "--no-statistics", "--lock-wait-timeout=10s", "--disable-dollar-quoting"),
            List.of("-a", "--no-schema", "--role", P + "su", "--extra-float-digits", "2", "-S", P + "su",
                    "--disable-triggers"),
            List.of("--statistics-only"),
            List.of("--no-role-passwords", "--exclude-database=templ*1", "--filter", "FILTER",
                    "--statistics", "--no-policies", "--no-unlogged-table-data", "--no-publications",
                    "--no-subscriptions", "--no-table-access-method", "--no-toast-compression",
                    "--load-via-partition-root", "--inserts", "--sequence-data"),
            List.of("-g", "-c", "--quote-all-identifiers"), List.of("--quote-all-identifiers"));

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return PgServers.everyMajor().stream()
                .map(m -> org.junit.jupiter.params.provider.Arguments.of(m, FamilyCompat.optionSets(m, SETS)));
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("cases")
    void sameScriptAsPgDumpall(int major, List<List<String>> sets, @TempDir Path dir) throws Exception {
        EmbeddedPostgres server = PgServers.get(major);
        String db2 = P + "Db 2";
        try {
            createGlobals(server, major);
            server.createDatabase(db2);
            execute(server, "ALTER DATABASE \"" + db2 + "\" OWNER TO " + P + "owner");
            try (TestDb one = PgServers.freshDb(major, "da_one")) {
                one.execute("CREATE TABLE t (id integer PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'a'), "
                        + "(2, NULL); COMMENT ON TABLE t IS 'one'; CREATE SCHEMA s AUTHORIZATION " + P + "owner;"
                        + "GRANT USAGE ON SCHEMA s TO " + P + "grp; ALTER TABLE t ENABLE ROW LEVEL SECURITY;"
                        + "CREATE POLICY p ON t USING (id > 0); CREATE UNLOGGED TABLE u (id integer);"
                        + "INSERT INTO u VALUES (1); CREATE PUBLICATION pub FOR TABLE t; ANALYZE;"
                        + "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$SELECT 'it''s'$$;"
                        + "CREATE SEQUENCE sq; SELECT nextval('sq')");
                Map<String, String> env = server.libpqEnvironment("postgres");
                for (List<String> set : sets) {
                    assertSameScript(env, set, dir, "server " + major + " " + set);
                }
                if (PgServers.matrixMajors().contains(major) && major >= 15) {
                    assertRoundTrip(major, env, dir);
                }
            }
        } finally {
            server.dropDatabase(db2);
            dropGlobals(server, major);
        }
    }

    /**
     * A database whose dump fails (a table the dumping role may not lock): pg_dump's error, then pg_dumpall's
     * "pg_dump failed on database", exit 1, and the -f file as far as written (no "cluster dump complete"), as
     * pg_dumpall 18 leaves it. Our -W asks once, its answer used for every database's connection (pg_dumpall's
     * pg_dump runs each ask again; the real one is given PGPASSWORD here), and shows up nowhere.
     */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void failedDatabaseAsPgDumpall(int major, @TempDir Path dir) throws Exception {
        EmbeddedPostgres server = PgServers.get(major);
        String role = P + "weak";
        String password = "Pw " + P;
        String locked = "0" + P + "locked"; // dumped right after template1: the first to fail
        try {
            execute(server, "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            server.createDatabase(locked);
            try (Connection c = server.connect(locked); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE hidden (id integer)");
            }
            Map<String, String> env = new HashMap<>(server.libpqEnvironment("postgres"));
            env.put("PGUSER", role);
            // none: /dev/null would warn, and libpq reads no password file for a password it was given
            env.put("PGPASSFILE", dir.resolve("no-pgpass").toString());
            env.put("PGTZ", "UTC"); // the server's own zone is the superuser's to read (our warning otherwise)
            Path realFile = dir.resolve("real.sql");
            Path ourFile = dir.resolve("ours.sql");
            Map<String, String> realEnv = new HashMap<>(env);
            realEnv.put("PGPASSWORD", password);
            var real = ReferenceClients.run(ReferenceClients.require(18, "pg_dumpall"),
                    List.of(KEY, "--no-role-passwords", "-f", realFile.toString()), realEnv);
            List<String> prompts = new ArrayList<>();
            var ours = InProcessCli.run(env, prompt -> {
                prompts.add(prompt);
                return password;
            }, "dumpall", KEY, "--no-role-passwords", "-W", "-f", ourFile.toString());
            assertEquals(1, real.exitCode(), real.stderr());
            assertEquals(1, ours.exitCode(), ours.stderr());
            assertTrue(real.stderr().endsWith("pg_dumpall: error: pg_dump failed on database \"" + locked
                    + "\", exiting\n"), real.stderr());
            assertEquals(real.stderr(), ours.stderr());
            String script = Files.readString(ourFile);
            assertSameLines(Files.readString(realFile), script, "failed dump, server " + major);
            assertEquals(List.of("Password: "), prompts);
            assertFalse(script.contains(password) || ours.stderr().contains(password));
        } finally {
            server.dropDatabase(locked);
            execute(server, "DROP ROLE IF EXISTS " + role);
        }
    }

    /** Statements run one by one in one session of the postgres database (SET lasts for the next ones). */
    private static void execute(EmbeddedPostgres server, String... sql) throws SQLException {
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static void assertSameScript(Map<String, String> env, List<String> set, Path dir, String name)
            throws Exception {
        Path realFile = dir.resolve("real-" + System.nanoTime() + ".sql");
        Path ourFile = dir.resolve("ours-" + System.nanoTime() + ".sql");
        var real = ReferenceClients.run(ReferenceClients.require(18, "pg_dumpall"), args(set, realFile), env)
                .requireSuccess();
        var ours = InProcessCli.run(env, withCommand(args(set, ourFile)));
        assertEquals(0, ours.exitCode(), name + ": " + ours.stderr());
        boolean file = set.contains("FILE");
        assertSameLines(file ? Files.readString(realFile) : real.stdoutText(),
                file ? Files.readString(ourFile) : new String(ours.stdout(), StandardCharsets.UTF_8), name);
    }

    /**
     * psql 18 runs our script into a new cluster; our dump of that cluster equals our dump of this one (without
     * security labels, which no provider there can restore).
     */
    private static void assertRoundTrip(int major, Map<String, String> env, Path dir) throws Exception {
        var first = InProcessCli.run(env, "dumpall", KEY, "--no-security-labels");
        assertEquals(0, first.exitCode(), first.stderr());
        Path script = Files.write(dir.resolve("cluster.sql"), first.stdout());
        try (EmbeddedPostgres fresh = EmbeddedPostgres.start(major)) {
            Map<String, String> freshEnv = new HashMap<>(fresh.libpqEnvironment("postgres"));
            freshEnv.put("PGOPTIONS", "-c allow_in_place_tablespaces=on");
            // no ON_ERROR_STOP: CREATE ROLE of the restoring superuser fails, as with pg_dumpall's scripts
            ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-f", script.toString()),
                    freshEnv).requireSuccess();
            var again = InProcessCli.run(fresh.libpqEnvironment("postgres"), "dumpall", KEY, "--no-security-labels");
            assertEquals(0, again.exitCode(), again.stderr());
            assertSameLines(first.stdoutText(), again.stdoutText(), "dumpall -> psql 18 -> dumpall, server " + major);
        }
    }

    private static List<String> args(List<String> set, Path file) {
        List<String> args = new ArrayList<>(List.of(KEY));
        for (String a : set) {
            args.add(a.equals("FILE") ? file.toString() : a.equals("FILTER") ? filter(file.getParent()) : a);
        }
        return args;
    }

    /** pg_dumpall's only filter rule, written the ways filter.c reads (keyword case, comments, quotes). */
    private static String filter(Path dir) {
        try {
            return Files.writeString(dir.resolve("filter.txt"), "# no databases named so\nExclude DATABASE \"" + P
                    + "Db 2\"\n\nexclude database nosuch*\n", StandardCharsets.UTF_8).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] withCommand(List<String> args) {
        List<String> all = new ArrayList<>(List.of("dumpall"));
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    /** Equal line by line but for the lines naming pg_dump's version or the time; the first difference shown. */
    static void assertSameLines(String expected, String actual, String name) {
        List<String> e = comparable(expected);
        List<String> a = comparable(actual);
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : "<end>";
            String al = i < a.size() ? a.get(i) : "<end>";
            if (!el.equals(al)) {
                fail(name + ": line " + (i + 1) + " differs\nexpected: " + el + "\nactual:   " + al + "\ncontext:\n"
                        + String.join("\n", e.subList(Math.max(0, i - 8), Math.min(e.size(), i + 3))));
            }
        }
    }

    /** The lines that may differ: pg_dump's version and -v's times. */
    private static List<String> comparable(String script) {
        return script.lines().map(l -> l.startsWith("-- Dumped by pg_dump version") ? "-- Dumped by"
                : l.startsWith("-- Started on") || l.startsWith("-- Completed on") ? "-- time" : l).toList();
    }

    private static void createGlobals(EmbeddedPostgres server, int major) throws SQLException {
        String owner = P + "owner";
        String grp = P + "grp";
        String mixed = "\"" + P + "Mixed Case\"";
        execute(server, "CREATE ROLE " + owner + " LOGIN PASSWORD 'secret' VALID UNTIL 'infinity' CONNECTION LIMIT 3;"
                + "CREATE ROLE " + mixed + " NOINHERIT CREATEDB CREATEROLE REPLICATION;"
                + "CREATE ROLE " + grp + " BYPASSRLS;"
                + "CREATE ROLE " + P + "admin;"
                + "CREATE ROLE " + P + "su SUPERUSER;"
                + "COMMENT ON ROLE " + owner + " IS 'owner''s role';"
                + "ALTER ROLE " + owner + " SET work_mem = '8MB';"
                + "ALTER ROLE " + owner + " SET search_path = a, \"B c\";"
                + "ALTER ROLE " + mixed + " IN DATABASE postgres SET work_mem = '1MB';"
                + "GRANT " + grp + " TO " + owner + " WITH ADMIN OPTION;"
                + "GRANT pg_monitor TO " + grp + ";"
                + "GRANT " + grp + " TO " + P + "admin");
        // a label without a provider: the catalog row written (13+ wants allow_system_table_mods for that)
        execute(server, major >= 13 ? "SET allow_system_table_mods = on" : "SELECT 1",
                "INSERT INTO pg_catalog.pg_shseclabel SELECT oid, 'pg_authid'::regclass, 'dummy', 'classified' "
                        + "FROM pg_catalog.pg_authid WHERE rolname = '" + owner + "'");
        if (major >= 16) {
            execute(server, "GRANT " + grp + " TO " + mixed + " WITH INHERIT FALSE, SET FALSE GRANTED BY " + owner);
        } else {
            // before 16 a dropped grantor stays in pg_auth_members
            execute(server, "CREATE ROLE " + P + "gone; GRANT " + grp + " TO " + P + "gone WITH ADMIN OPTION;"
                    + "SET ROLE " + P + "gone; GRANT " + grp + " TO " + mixed + "; RESET ROLE; DROP ROLE " + P + "gone");
        }
        if (major >= 15) {
            execute(server, "GRANT SET ON PARAMETER work_mem TO " + owner,
                    "GRANT ALTER SYSTEM ON PARAMETER log_min_messages TO " + grp + " WITH GRANT OPTION",
                    "SET allow_in_place_tablespaces = on",
                    "CREATE TABLESPACE " + P + "ts OWNER " + owner + " LOCATION ''",
                    "ALTER TABLESPACE " + P + "ts SET (seq_page_cost = 2)",
                    "GRANT CREATE ON TABLESPACE " + P + "ts TO " + grp,
                    "COMMENT ON TABLESPACE " + P + "ts IS 'in place'",
                    "SET allow_system_table_mods = on",
                    "INSERT INTO pg_catalog.pg_shseclabel SELECT oid, 'pg_tablespace'::regclass, 'dummy', 'x' "
                            + "FROM pg_catalog.pg_tablespace WHERE spcname = '" + P + "ts'");
        }
    }

    /** Each drop on its own, so one that fails (its object never made) does not keep the others from running. */
    private static void dropGlobals(EmbeddedPostgres server, int major) {
        List<String> sql = new ArrayList<>();
        if (major >= 15) {
            sql.add("DROP TABLESPACE IF EXISTS " + P + "ts");
            sql.add("REVOKE ALL ON PARAMETER work_mem FROM " + P + "owner");
            sql.add("REVOKE ALL ON PARAMETER log_min_messages FROM " + P + "grp CASCADE");
        }
        for (String r : List.of(P + "admin", P + "su", "\"" + P + "Mixed Case\"", P + "grp", P + "owner",
                P + "gone")) {
            sql.add("DROP ROLE IF EXISTS " + r);
        }
        List<String> failed = new ArrayList<>();
        for (String s : sql) {
            try {
                execute(server, s);
            } catch (SQLException e) {
                failed.add(s + ": " + e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            System.err.println("DumpallCompatIT: clean-up left something behind: " + failed);
        }
    }
}
