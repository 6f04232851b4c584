package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
 * --role is set in every session, as pg_dump and pg_restore 18 set it: the dump's workers (-j) and the restore's
 * workers and its connection to the database -C created. The login role is a NOINHERIT member of the acting role,
 * so a session that skipped SET ROLE could neither read the acting role's tables nor index them, and -O's objects
 * would belong to the login role.
 */
class RoleSessionsIT {
    private static final String LOGIN = "p4j_role_login";
    private static final String ACTING = "p4j_role_acting";

    @Test
    void everySessionTakesTheRole(@TempDir Path dir) throws Exception {
        String name = "p4j_role_src_" + ProcessHandle.current().pid();
        try (TestDb admin = PgServers.freshDb(18, "roleadmin")) {
            admin.execute("DO $$BEGIN"
                    + " IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ACTING + "') THEN"
                    + "  CREATE ROLE " + ACTING + " CREATEDB; END IF;"
                    + " IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + LOGIN + "') THEN"
                    + "  CREATE ROLE " + LOGIN + " LOGIN NOINHERIT IN ROLE " + ACTING + "; END IF; END$$");
            Map<String, String> asLogin = new HashMap<>(admin.libpqEnvironment());
            asLogin.put("PGUSER", LOGIN);
            asLogin.put("PGHOST", admin.server().socketDir().toString()); // the socket trusts every role
            asLogin.put("PGDATABASE", name);
            try {
                admin.execute("CREATE DATABASE " + name + " OWNER " + ACTING);
                StringBuilder sql = new StringBuilder("SET ROLE " + ACTING + ";");
                for (int i = 1; i <= 4; i++) {
                    sql.append("CREATE TABLE t").append(i).append(" (id integer PRIMARY KEY, v text);")
                            .append("INSERT INTO t").append(i).append(" SELECT g, 'v' FROM generate_series(1, 50) g;");
                }
                ReferenceClients.run(ReferenceClients.require(18, "psql"),
                        List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql.toString()), asLogin).requireSuccess();
                Path archive = dir.resolve("dump");
                assertNotEquals(0, ours(asLogin, "dump", "-Fd", "-j2", "-f", dir.resolve("norole").toString()),
                        "without --role the login role reads nothing");
                assertEquals(0, ours(asLogin, "dump", "-Fd", "-j2", "--role=" + ACTING, "-f", archive.toString()));
                admin.execute("DROP DATABASE " + name);
                Map<String, String> toAdmin = new HashMap<>(asLogin);
                toAdmin.put("PGDATABASE", admin.name());
                // -C connects to the new database, -j2's workers build the primary keys, -O leaves ownership to us
                List<String> restore = List.of("restore", "-C", "-j2", "-O", "--role=" + ACTING, "-d", admin.name(),
                        archive.toString());
                assertEquals(0, ours(toAdmin, restore.toArray(String[]::new)));
                assertEquals("4 " + ACTING, owners(admin, name));
                admin.execute("DROP DATABASE " + name);
                ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), restore.subList(1, restore.size()),
                        toAdmin).requireSuccess();
                assertEquals("4 " + ACTING, owners(admin, name), "pg_restore 18 alike");
            } finally {
                admin.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    /** How many tables and primary keys of {@code db} there are, and their owners. */
    private static String owners(TestDb admin, String db) {
        Map<String, String> env = new HashMap<>(admin.libpqEnvironment());
        env.put("PGDATABASE", db);
        String out = ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-A", "-t", "-c",
                "SELECT count(*) FILTER (WHERE relkind = 'i') || ' ' || string_agg(DISTINCT relowner::regrole::text, ',')"
                        + " FROM pg_class WHERE relnamespace = 'public'::regnamespace"), env)
                .requireSuccess().stdoutText().strip();
        assertTrue(!out.isEmpty(), "no answer from " + db);
        return out;
    }

    private static int ours(Map<String, String> env, String... args) {
        var run = InProcessCli.run(env, new ArrayList<>(List.of(args)).toArray(String[]::new));
        if (run.exitCode() != 0) {
            System.err.println(run.stderr());
        }
        return run.exitCode();
    }
}
