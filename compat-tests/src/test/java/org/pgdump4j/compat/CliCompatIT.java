package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * The CLI end to end, as its own process: a real dump equals pg_dump 18's, and each kind of bad input ends in
 * one stderr line, exit status 1 and no file at the -f path.
 */
@ExtendWith(PgExtension.class)
class CliCompatIT {
    @Test
    void dumpThroughTheCliEqualsPgDump18(TestDb db, @TempDir Path dir) throws Exception {
        Fixtures.load(db, "slice1.sql");
        Path out = dir.resolve("out.sql");
        var ours = CliProcess.run(db.libpqEnvironment(), "dump", "--restrict-key=K", "-f", out.toString());
        assertEquals(0, ours.exitCode(), ours.stderr());
        var ref = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("--restrict-key=K"),
                db.libpqEnvironment()).requireSuccess();
        assertEquals(PlainDumpCompatIT.withoutVersion(ref.stdoutText()),
                PlainDumpCompatIT.withoutVersion(Files.readString(out)));
    }

    @Test
    void unreachableServer(TestDb db, @TempDir Path dir) {
        Path out = dir.resolve("x.sql");
        // libpq's two lines, as pg_dump 18 prints them (ConnectFailureCompatIT compares them)
        assertEquals(List.of("pg_dump: error: connection to server at \"127.0.0.1\", port 1 failed: Connection refused",
                "\tIs the server running on that host and accepting TCP/IP connections?"),
                fails(dir, out, Map.of(), "dump", "-h", "127.0.0.1", "-p", "1", "-U", "postgres", "-f",
                        out.toString(), db.name()));
    }

    @Test
    void wrongPassword(TestDb db, @TempDir Path dir) throws Exception {
        db.execute("DO $$BEGIN CREATE ROLE p4j_pw LOGIN PASSWORD 'right'; EXCEPTION WHEN duplicate_object THEN"
                + " NULL; END$$");
        Map<String, String> env = new HashMap<>(db.libpqEnvironment());
        env.put("PGUSER", "p4j_pw");
        env.put("PGPASSWORD", "wrong");
        Path out = dir.resolve("x.sql");
        String err = failsWithOneLine(dir, out, env, "dump", "-w", "-f", out.toString());
        assertTrue(err.contains("password authentication failed"), err);
    }

    @Test
    void unknownDatabase(TestDb db, @TempDir Path dir) {
        Path out = dir.resolve("x.sql");
        String err = failsWithOneLine(dir, out, db.libpqEnvironment(), "dump", "-f", out.toString(), "no_such_db");
        assertTrue(err.contains("\"no_such_db\" does not exist"), err);
    }

    @Test
    void strictNamesPatternMatchingNothing(TestDb db, @TempDir Path dir) throws Exception {
        Fixtures.load(db, "slice1.sql");
        Path out = dir.resolve("x.sql");
        String err = failsWithOneLine(dir, out, db.libpqEnvironment(), "dump", "--strict-names", "-t", "shop.customer",
                "-t", "nosuch*", "-f", out.toString());
        assertEquals("pg_dump: error: no matching tables were found for pattern \"nosuch*\"", err);
    }

    @Test
    void unwritableOutputPath(TestDb db, @TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path out = notADirectory.resolve("x.sql");
        String err = failsWithOneLine(dir, out, db.libpqEnvironment(), "dump", "-f", out.toString());
        assertEquals("pg_dump: error: could not open output file \"" + out + "\": Not a directory", err);
    }

    /** Runs the CLI, checks exit 1, exactly one stderr line, and that nothing was left behind; returns the line. */
    private static String failsWithOneLine(Path dir, Path out, Map<String, String> env, String... args) {
        List<String> lines = fails(dir, out, env, args);
        assertEquals(1, lines.size(), String.join("\n", lines));
        return lines.get(0);
    }

    /** The run's stderr lines (the test environment's password-file warning aside); nothing left at -f's path. */
    private static List<String> fails(Path dir, Path out, Map<String, String> env, String... args) {
        var r = CliProcess.run(env, args);
        List<String> lines = r.stderr().lines().filter(l -> !l.startsWith("WARNING: password file \"/dev/null\"")).toList();
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(lines.get(0).startsWith("pg_dump: error: "), lines.get(0));
        assertFalse(Files.exists(out), "a failed dump left " + out);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".partial")), "temporary file left");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }
}
