package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * A real process whose {@code HOME} is not the password database's home: {@code ~/.pg_service.conf} and
 * {@code ~/.pgpass} are read from {@code $HOME}, as libpq reads them (real pg_dump 18 run the same way agrees).
 */
class HomeDirectoryIT {
    @TempDir
    Path home;

    @Test
    void serviceFileAndPasswordFileComeFromHome() throws Exception {
        try (TestDb db = PgServers.freshDb(18)) {
            db.execute("CREATE TABLE in_home (id int)");
            Map<String, String> env = db.libpqEnvironment();
            Files.writeString(home.resolve(".pg_service.conf"), "[homesvc]\nhost=" + env.get("PGHOST") + "\nport="
                    + env.get("PGPORT") + "\nuser=" + env.get("PGUSER") + "\ndbname=" + db.name() + "\n");
            // readable by others: libpq reads it (no password was given) and warns
            Path pgpass = Files.writeString(home.resolve(".pgpass"), "*:*:*:*:secret\n");
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
            String warning = "password file \"" + pgpass + "\" has group or world access; permissions should be"
                    + " u=rw (0600) or less";

            ChildCli.Result run = ChildCli.run(Map.of("HOME", home.toString()), List.of(),
                    List.of("dump", "-s", "-d", "service=homesvc"), home.resolve("out.sql"));
            assertEquals(0, run.exitCode(), run.stderr());
            assertTrue(run.stdoutText().contains("CREATE TABLE public.in_home"), run.stdoutText());
            assertTrue(run.stderr().contains(warning), run.stderr());

            ReferenceClients.Result real = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                    List.of("-s", "-d", "service=homesvc"), Map.of("HOME", home.toString(), "PGPASSFILE", ""));
            assertEquals(0, real.exitCode(), real.stderr());
            assertTrue(real.stdoutText().contains("CREATE TABLE public.in_home"), real.stdoutText());
            assertTrue(real.stderr().contains(warning), real.stderr());
        }
    }
}
