package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.embedded.EmbeddedPostgres;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Connections that fail, in libpq's words through pg_dump 18: a socket that is not there and a port nobody listens on
 * with libpq's second line ({@code Is the server running ...}), several hosts' failures one per line, a server's
 * FATAL after a failed host. Standard error and exit status identical.
 */
class ConnectFailureCompatIT {
    @Test
    void sameMessagesAsPgDump18() throws Exception {
        try (TestDb db = PgServers.freshDb(18, "connfail")) {
            EmbeddedPostgres server = db.server();
            String socket = server.socketDir().toString();
            String port = Integer.toString(server.port());
            List<List<String>> cases = List.of(List.of("-h", "/nonexistent-socket-dir", "x"),
                    List.of("-h", "127.0.0.1", "-p", "1", "x"),
                    List.of("postgresql://127.0.0.1:1,127.0.0.1:2/x"),
                    List.of("-h", socket, "-p", "1", "x"),
                    List.of("-h", "/nonexistent-socket-dir," + socket, "-p", port, "-U", "nosuchuser", "x"));
            for (List<String> args : cases) {
                List<String> a = new ArrayList<>(List.of("-s", "-f", "/dev/null"));
                a.addAll(args);
                Map<String, String> env = Map.of("PGUSER", "postgres", "PGCONNECT_TIMEOUT", "10");
                ReferenceClients.Result real = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), a, env);
                List<String> b = new ArrayList<>(List.of("dump"));
                b.addAll(a);
                ReferenceClients.Result ours = InProcessCli.run(env, b.toArray(String[]::new));
                assertEquals(1, real.exitCode(), args + ": " + real.stderr());
                assertEquals(real.exitCode(), ours.exitCode(), args.toString());
                assertEquals(real.stderr(), ours.stderr(), args.toString());
            }
        }
    }
}
