package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    /** {@code pgdump4j dump ARGS} in a child JVM with only {@code HOME} (and PATH) in its environment. */
    private static ReferenceClients.Result ours(Path home, List<String> args) throws IOException,
            InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.equals("HOME"));
        pb.environment().put("HOME", home.toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Path out = Files.createTempFile("home-it", ".out");
        Path err = Files.createTempFile("home-it", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            Process p = pb.start();
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "child JVM did not finish");
            return new ReferenceClients.Result(p.exitValue(), Files.readAllBytes(out),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

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

            ReferenceClients.Result run = ours(home, List.of("dump", "-s", "-d", "service=homesvc"));
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
