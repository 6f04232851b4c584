package org.pgdump4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ReferenceClientsTest {
    private static final Path SH = Path.of("/bin/sh");

    @Test
    void missingClientsFailInCi() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> ReferenceClients.require(18, Map.of("PGDUMP4J_CI", "1")::get));
        assertEquals("PG_REFERENCE_BIN_18 is not set: .ci/run must install the reference clients", e.getMessage());
    }

    @Test
    void missingClientsSkipOutsideCi() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> ReferenceClients.require(17, Map.<String, String>of()::get));
        assertTrue(e.getMessage().contains("PG_REFERENCE_BIN_17 is not set"), e.getMessage());
    }

    @Test
    void configuredFolderIsReturned(@TempDir Path dir) {
        Map<String, String> env = Map.of("PG_REFERENCE_BIN_15", dir.toString());
        assertEquals(dir, ReferenceClients.require(15, env::get));
        assertEquals(dir, ReferenceClients.bin(15, env::get).orElseThrow());
        assertTrue(ReferenceClients.bin(16, env::get).isEmpty());
        assertThrows(AssertionError.class,
                () -> ReferenceClients.bin(15, Map.of("PG_REFERENCE_BIN_15", dir.resolve("nope").toString())::get));
    }

    @Test
    void runCapturesExitCodeStdoutAndStderrAndFeedsStdin() {
        ReferenceClients.Result r = ReferenceClients.run(SH,
                List.of("-c", "cat; printf 'oops' >&2; printf \"$PGPORT|$PGPASSWORD|$PGPASSFILE\"; exit 3"),
                Map.of("PGPORT", "5999"), "in-".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30));
        assertEquals(3, r.exitCode());
        assertEquals("in-5999||/dev/null", r.stdoutText());
        assertEquals("oops", r.stderr());
        assertThrows(AssertionError.class, r::requireSuccess);
    }

    @Test
    void runDoesNotPassTheCallersLibpqSettings() {
        Map<String, String> env = new HashMap<>();
        env.put("LC_ALL", "C");
        ReferenceClients.Result r = ReferenceClients.run(SH, List.of("-c", "env | grep '^PG' | sort"), env);
        assertEquals("PGPASSFILE=/dev/null\n", r.stdoutText());
        assertArrayEquals(new byte[0], r.stderr().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void runKillsAProgramThatHangs() {
        long t0 = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> ReferenceClients.run(SH, List.of("-c", "sleep 30"), Map.of(), null, Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "killed quickly");
    }
}
