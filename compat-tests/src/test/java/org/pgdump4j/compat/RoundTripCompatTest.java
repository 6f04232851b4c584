package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.verify.TableChecksums;

/**
 * Our plain dump, restored by the real psql 18 with ON_ERROR_STOP into a PostgreSQL 18 server, gives the same rows
 * in every table; from an 18 source, real pg_dump 18 -s cannot tell the copy from the source either. (From an
 * older source the schema text legitimately differs: e.g. pg_dump records the public schema's pre-15 owner.)
 */
class RoundTripCompatTest {
    static List<Integer> majors() {
        return PgServers.matrixMajors();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void restoredByPsqlEqualsSource(int major, @TempDir Path dir) throws Exception {
        Path psql = ReferenceClients.require(18, "psql");
        Path pgDump = ReferenceClients.require(18, "pg_dump");
        try (TestDb source = PgServers.freshDb(major, "rtsrc"); TestDb copy = PgServers.freshDb(18, "rtcopy")) {
            Fixtures.load(source, "slice1.sql");
            copy.execute(Fixtures.text("roles.sql"));
            Path script = dir.resolve("dump.sql");
            PgDump.run(TestSource.of(source), DumpOptions.defaults().withFile(script), ProgressListener.NONE);

            var restore = ReferenceClients.run(psql, List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
                    script.toString()), copy.libpqEnvironment());
            assertEquals(0, restore.exitCode(), restore.stderr());
            assertFalse(restore.stderr().contains("ERROR"), restore.stderr());

            if (major == 18) {
                assertEquals(schema(pgDump, source), schema(pgDump, copy));
            }
            try (var a = source.connect(); var b = copy.connect()) {
                assertEquals(TableChecksums.of(a), TableChecksums.of(b));
            }
        }
    }

    private static String schema(Path pgDump, TestDb db) {
        return ReferenceClients.run(pgDump, List.of("-s", "--restrict-key=K", db.name()), db.libpqEnvironment())
                .requireSuccess().stdoutText();
    }
}
