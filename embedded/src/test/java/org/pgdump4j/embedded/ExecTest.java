package org.pgdump4j.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecTest {
    private static final Path TMP = Path.of("/tmp");

    @Test
    void runsAsNobodyWhenRootAndAsUsOtherwise() {
        Exec.Result r = Exec.forCurrentUser().run(List.of("/usr/bin/id", "-un"), TMP, Duration.ofSeconds(30));
        assertEquals(0, r.exitCode());
        String expected = OsUser.isRoot() ? OsUser.UNPRIVILEGED_USER : System.getProperty("user.name");
        assertEquals(expected, r.output().strip());
    }

    @Test
    void killsAProgramThatHangsAndSaysSo() {
        long t0 = System.nanoTime();
        EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class, () -> Exec.forCurrentUser()
                .run(List.of("/bin/sh", "-c", "echo waiting; sleep 30"), TMP, Duration.ofMillis(500)));
        assertTrue(e.getMessage().startsWith("sh did not finish within 500 ms and was killed"), e.getMessage());
        assertTrue(e.getMessage().contains("waiting"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    }

    @Test
    void aMissingProgramIsAClearError() {
        EmbeddedPostgresException e = assertThrows(EmbeddedPostgresException.class, () -> Exec.forCurrentUser()
                .run(List.of("/nonexistent/initdb"), TMP, Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("/nonexistent/initdb"), e.getMessage());
    }

    @Test
    void serverProgramsSeeNeitherLibpqSettingsNorLocale() {
        Map<String, String> env = new HashMap<>(Map.of("PGDATA", "/x", "PGPASSWORD", "s", "LANG", "de_DE.UTF-8",
                "LC_MESSAGES", "de_DE", "HOME", "/root"));
        Exec.cleanEnvironment(env);
        assertEquals(Map.of("HOME", "/root", "LC_ALL", "C", "TZ", "UTC"), env);
    }

    @Test
    void tailKeepsTheLastLines() {
        assertEquals("  [... 2 earlier lines]\n  c\n  d\n", Exec.tail("a\nb\nc\nd\n", 2));
        assertEquals("  a\n", Exec.tail("a", 5));
    }
}
