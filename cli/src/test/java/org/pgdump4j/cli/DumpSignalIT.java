package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.TestDb;

/**
 * SIGTERM or SIGINT during a dump, as its own process: exit status 1 and pg_dump 18's one line
 * {@code pg_dump: terminated by user} (checked by hand against pg_dump 18), in every format, and nothing left
 * behind. The dump is caught mid-way deterministically: the test holds a lock that the dump's LOCK TABLE waits on,
 * after the output was opened.
 */
@ExtendWith(PgExtension.class)
class DumpSignalIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"TERM,p", "TERM,c", "TERM,d", "TERM,t", "TERM,stdout", "INT,p", "INT,c", "INT,d", "INT,t",
        "INT,stdout"})
    void aSignalEndsTheDumpWithPgDumpsMessageAndLeavesNothing(String signal, String format, TestDb db)
            throws Exception {
        db.execute("create table t (id int primary key); insert into t select generate_series(1, 1000)");
        List<String> args = new ArrayList<>(List.of("dump"));
        if (!format.equals("stdout")) {
            args.addAll(List.of("-F" + format, "-f", dir.resolve("out").toString()));
        }
        args.add(db.name());
        try (Connection blocker = db.connect(); Statement st = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            st.execute("lock table t in access exclusive mode");
            ProcessBuilder pb = new ProcessBuilder(CliChild.command(args.toArray(String[]::new)))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
            pb.environment().putAll(db.libpqEnvironment());
            pb.environment().put("PGPASSFILE", "/nonexistent");
            Process child = pb.start();
            try {
                awaitWaitingLock(st, child);
                if (!format.equals("stdout")) {
                    assertTrue(hidden().size() > 0, "the dump has its partial output open");
                }
                CliChild.exec("kill", "-" + signal, Long.toString(child.pid()));
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the dump did not end");
            } finally {
                child.destroyForcibly();
            }
            String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
            assertEquals(1, child.exitValue(), err);
            assertEquals("pg_dump: terminated by user\n", err);
            assertEquals(List.of(), hidden(), "left behind");
            assertTrue(Files.notExists(dir.resolve("out")), "a dump ended by a signal left its output");
        }
    }

    /** What is in the folder besides the child's captured stdout and stderr. */
    private List<Path> hidden() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().matches("std(out|err)\\.txt")).toList();
        }
    }

    /** Until the dump's LOCK TABLE waits on the test's lock (the output is open by then). */
    private static void awaitWaitingLock(Statement st, Process child) throws SQLException, InterruptedException {
        for (int i = 0; i < 600; i++) {
            try (ResultSet rs = st.executeQuery("select count(*) from pg_locks where not granted")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            assertTrue(child.isAlive(), "the dump ended before it waited for the lock");
            Thread.sleep(50);
        }
        throw new AssertionError("the dump never waited for the lock");
    }
}
