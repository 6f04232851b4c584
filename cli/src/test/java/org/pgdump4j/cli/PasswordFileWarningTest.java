package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pg_dump, pg_restore and pg_dumpall warn about a password file readable by others only when libpq reads it, that
 * is without a password: not with -W (asked before connecting), PGPASSWORD or a password in the connection string.
 * No server: the port is closed, so each run ends in the connection error, after the warning libpq would print.
 */
class PasswordFileWarningTest {
    @TempDir
    Path dir;

    private final List<String> prompts = new ArrayList<>();
    private String port;
    private Path passfile;

    @BeforeEach
    void closedPortAndInsecurePasswordFile() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = Integer.toString(s.getLocalPort());
        }
        passfile = dir.resolve("pgpass");
        Files.writeString(passfile, "*:*:*:*:from file\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passfile, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private Cli.Run run(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("PGPASSFILE", passfile.toString(), "PGHOST", "127.0.0.1",
                "PGPORT", port, "PGUSER", "u"));
        env.putAll(extraEnv);
        CliContext context = new CliContext(env, dir, new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), prompt -> {
                    prompts.add(prompt);
                    return "typed";
                });
        return Cli.run(context, args);
    }

    private List<String[]> commands(String... extra) {
        String archive = Fixtures.path("pg18_custom_none.dump").toString();
        List<String[]> out = new ArrayList<>();
        out.add(concat(new String[] {"dump", "-f", dir.resolve("out.sql").toString(), "db"}, extra));
        out.add(concat(new String[] {"restore", "-d", "db", archive}, extra));
        out.add(concat(new String[] {"dumpall", "-f", dir.resolve("all.sql").toString()}, extra));
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private void assertConnectionFailed(Cli.Run r, String[] args) {
        assertEquals(1, r.exitCode(), String.join(" ", args) + ": " + r.err());
        assertTrue(r.err().contains("Connection refused"), String.join(" ", args) + ": " + r.err());
    }

    @Test
    void withoutAPasswordLibpqReadsTheFileAndWarns() {
        for (String[] args : commands()) {
            Cli.Run r = run(Map.of(), args);
            assertConnectionFailed(r, args);
            assertTrue(r.err().contains("WARNING: password file \"" + passfile + "\" has group or world access"),
                    String.join(" ", args) + ": " + r.err());
        }
        assertEquals(List.of(), prompts);
    }

    @Test
    void dashCapitalWAsksBeforeConnectingAndLibpqLeavesTheFileAlone() {
        for (String[] args : commands("-W")) {
            prompts.clear();
            Cli.Run r = run(Map.of(), args);
            assertConnectionFailed(r, args);
            assertFalse(r.err().contains("password file"), String.join(" ", args) + ": " + r.err());
            assertEquals(List.of("Password: "), prompts, String.join(" ", args));
        }
    }

    @Test
    void pgpasswordKeepsLibpqFromTheFile() {
        for (String[] args : commands()) {
            Cli.Run r = run(Map.of("PGPASSWORD", "env"), args);
            assertConnectionFailed(r, args);
            assertFalse(r.err().contains("password file"), String.join(" ", args) + ": " + r.err());
        }
    }
}
