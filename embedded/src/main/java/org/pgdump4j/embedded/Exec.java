package org.pgdump4j.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the server's own programs ({@code initdb}, {@code pg_ctl}) with a time limit. When the JVM runs as root they
 * run as {@code nobody} through {@code setpriv}, because {@code initdb} and {@code postgres} refuse to run as root.
 * Output goes to a file, not a pipe: a grandchild that keeps the pipe open (the postmaster) can never hang us.
 */
final class Exec {
    /** The output of one finished program: exit code and combined stdout/stderr. */
    record Result(int exitCode, String output) {
        String tail(int lines) {
            return Exec.tail(output, lines);
        }
    }

    private final boolean dropPrivileges;

    private Exec(boolean dropPrivileges) {
        this.dropPrivileges = dropPrivileges;
    }

    /** A runner for this JVM: dropping to nobody if and only if we are root. */
    static Exec forCurrentUser() {
        boolean root = OsUser.isRoot();
        if (root && !Files.isExecutable(Path.of(OsUser.SETPRIV))) {
            throw new EmbeddedPostgresException("running as root, but " + OsUser.SETPRIV
                    + " is missing: it is needed to run initdb and postgres as user \"" + OsUser.UNPRIVILEGED_USER
                    + "\" (install util-linux, or run the tests as a normal user)");
        }
        return new Exec(root);
    }

    boolean dropsPrivileges() {
        return dropPrivileges;
    }

    /**
     * Runs {@code command} in {@code dir} and waits at most {@code timeout}; on timeout the process tree is killed and
     * an exception names the program.
     */
    Result run(List<String> command, Path dir, Duration timeout) {
        if (!Files.isExecutable(Path.of(command.get(0)))) {
            throw new EmbeddedPostgresException("could not run " + command.get(0) + ": no such executable program");
        }
        List<String> full = new ArrayList<>();
        if (dropPrivileges) {
            full.addAll(List.of(OsUser.SETPRIV, "--reuid=" + OsUser.UNPRIVILEGED_USER,
                    "--regid=" + OsUser.unprivilegedGroup(), "--clear-groups"));
        }
        full.addAll(command);
        String program = Path.of(command.get(0)).getFileName().toString();
        Path out = null;
        try {
            out = Files.createTempFile("pgdump4j-" + program + "-", ".out");
            ProcessBuilder pb = new ProcessBuilder(full)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            cleanEnvironment(pb.environment());
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new EmbeddedPostgresException(program + " did not finish within " + describe(timeout)
                        + " and was killed; its output:\n" + tail(readQuietly(out), 30));
            }
            return new Result(process.exitValue(), readQuietly(out));
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while waiting for " + program, e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /**
     * Server programs must not see the caller's libpq settings (PGDATA, PGPORT, PGPASSWORD...) nor its locale; the
     * cluster runs in UTC so timestamptz output is the same on every machine.
     */
    static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("LC_") || k.equals("LANG")
                || k.equals("LANGUAGE") || k.equals("TZ"));
        env.put("LC_ALL", "C");
        env.put("TZ", "UTC");
    }

    static String describe(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException e2) {
                return "(could not read " + file + ": " + e2.getMessage() + ")";
            }
        }
    }

    static String tail(String text, int lines) {
        String[] all = text.strip().split("\n", -1);
        int from = Math.max(0, all.length - lines);
        StringBuilder sb = new StringBuilder();
        if (from > 0) {
            sb.append(String.format(Locale.ROOT, "  [... %d earlier lines]%n", from));
        }
        for (int i = from; i < all.length; i++) {
            sb.append("  ").append(all[i]).append('\n');
        }
        return sb.toString();
    }
}
