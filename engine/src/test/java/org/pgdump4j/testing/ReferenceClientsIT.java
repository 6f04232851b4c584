package org.pgdump4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceClientsIT {
    /** The real pg_dump and psql against the embedded server: over TCP, and over its Unix socket. */
    @Test
    void realPgDumpAndPsqlWorkAgainstTheEmbeddedServer() throws Exception {
        Path bin = ReferenceClients.require(PgServers.DEFAULT_MAJOR);
        try (TestDb source = PgServers.freshDb(PgServers.DEFAULT_MAJOR, "ref_source");
                TestDb target = PgServers.freshDb(PgServers.DEFAULT_MAJOR, "ref_target")) {
            source.execute("CREATE TABLE t(id int PRIMARY KEY, note text); INSERT INTO t VALUES (1, 'é'), (2, NULL);");
            ReferenceClients.Result dump = ReferenceClients.run(bin.resolve("pg_dump"), List.of("--no-owner"),
                    source.libpqEnvironment()).requireSuccess();
            assertTrue(dump.stdoutText().contains("CREATE TABLE public.t"), dump.stdoutText());

            Map<String, String> viaSocket = new HashMap<>(target.libpqEnvironment());
            viaSocket.put("PGHOST", target.server().socketDir().toString());
            ReferenceClients.run(bin.resolve("psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-"),
                    viaSocket, dump.stdout(), ReferenceClients.DEFAULT_TIMEOUT).requireSuccess();
            assertEquals("1:é,2:", target.queryString(
                    "SELECT string_agg(id || ':' || coalesce(note, ''), ',' ORDER BY id) FROM t"));
        }
    }
}
