package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * A table's COPY that fails, in pg_dump 18's words and exit status: one that cannot start ({@code query failed} and
 * {@code Query was}: a foreign table whose wrapper has no handler) and one whose connection breaks in the middle
 * (the backend terminated while it waits for the client: {@code PQgetCopyData() failed} with libpq's three lines
 * and the command). Ours runs as its own process, as a pipeline runs it.
 */
class CopyFailureCompatIT {
    @Test
    void aCopyThatCannotStart() throws Exception {
        try (TestDb db = PgServers.freshDb(18, "copyfail")) {
            db.execute("CREATE FOREIGN DATA WRAPPER nohandler; CREATE SERVER s FOREIGN DATA WRAPPER nohandler;"
                    + " CREATE FOREIGN TABLE ft (a int) SERVER s");
            List<String> args = List.of("--include-foreign-data=s", "-f", "/dev/null", db.name());
            ReferenceClients.Result real = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), args,
                    db.libpqEnvironment());
            List<String> ours = new ArrayList<>(List.of("dump"));
            ours.addAll(args);
            ReferenceClients.Result our = CliProcess.run(db.libpqEnvironment(), ours.toArray(String[]::new));
            assertEquals(1, real.exitCode(), real.stderr());
            assertTrue(real.stderr().contains("Query was: COPY (SELECT a FROM public.ft ) TO stdout;"), real.stderr());
            assertEquals(real.exitCode(), our.exitCode());
            assertEquals(real.stderr(), our.stderr());
        }
    }

    @Test
    void aConnectionThatBreaksInTheMiddle() throws Exception {
        try (TestDb db = PgServers.freshDb(18, "copybreak")) {
            db.execute("CREATE TABLE big AS SELECT g AS a, repeat('x', 100) AS b FROM generate_series(1, 200000) g");
            List<String> args = List.of("-a", "-t", "big", db.name());
            String real = brokenMidCopy(db, ReferenceClients.require(18, "pg_dump").toString(), args, "real");
            List<String> ours = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "org.pgdump4j.cli.Main", "dump"));
            ours.addAll(args);
            String our = brokenMidCopy(db, ours.remove(0), ours, "ours");
            assertTrue(real.contains("PQgetCopyData() failed."), real);
            assertEquals(real, our);
        }
    }

    /**
     * Runs the dump with its standard output unread, so that its backend blocks writing rows; terminates that
     * backend; then reads on and returns standard error. The program must exit 1.
     */
    private static String brokenMidCopy(TestDb db, String exe, List<String> args, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(exe));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(ReferenceClients.environment(db.libpqEnvironment()));
        pb.environment().put("PGAPPNAME", "victim-" + name);
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!db.queryString("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'victim-" + name
                + "' AND wait_event = 'ClientWrite'").equals("1")) {
            assertTrue(System.nanoTime() < deadline, name + ": the COPY never waited for its client");
            Thread.sleep(20);
        }
        db.queryString("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'victim-"
                + name + "'");
        try (InputStream out = p.getInputStream()) {
            out.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not end");
        String err = read(p.getErrorStream());
        assertEquals(1, p.exitValue(), name + ": " + err);
        return err;
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
