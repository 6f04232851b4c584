package org.pgdump4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The real PostgreSQL client programs (pg_dump, pg_restore, pg_dumpall, psql) that compat tests compare against.
 * Their folder comes from environment variable {@code PG_REFERENCE_BIN_<major>}; install them by hand with
 * {@code shared/tools/pg-reference-clients MAJOR}, which prints the folder. When a folder is missing, tests are
 * skipped with a loud message, except in CI ({@code PGDUMP4J_CI} set), where they fail.
 */
public final class ReferenceClients {
    /** How long {@link #run(Path, List, Map)} lets a program run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private ReferenceClients() {
    }

    /** What a client program did: exit code, its stdout bytes and its stderr text. */
    public record Result(int exitCode, byte[] stdout, String stderr) {
        /** stdout decoded as UTF-8. */
        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** This result, or an AssertionError with the command's stderr when the exit code is not 0. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("exit code " + exitCode + ", stderr:\n" + stderr);
            }
            return this;
        }
    }

    /** The bin folder of the reference clients of {@code major}, if {@code PG_REFERENCE_BIN_<major>} is set. */
    public static Optional<Path> bin(int major) {
        return bin(major, System::getenv);
    }

    static Optional<Path> bin(int major, Function<String, String> env) {
        String value = env.apply(variable(major));
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(value);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError(variable(major) + "=" + value + " is not a folder");
        }
        return Optional.of(dir);
    }

    /**
     * The bin folder of the reference clients of {@code major}. When it is not configured: in CI
     * ({@code PGDUMP4J_CI} set) the test fails, otherwise it is aborted (skipped) with a loud message on stderr.
     */
    public static Path require(int major) {
        return require(major, System::getenv);
    }

    static Path require(int major, Function<String, String> env) {
        Optional<Path> dir = bin(major, env);
        if (dir.isPresent()) {
            return dir.get();
        }
        String message = variable(major) + " is not set: skipping a test that needs the real PostgreSQL " + major
                + " clients; install them with shared/tools/pg-reference-clients " + major
                + " and export " + variable(major) + "=<the folder it prints>";
        throw Ci.missing(variable(major) + " is not set: .ci/run must install the reference clients", message, env);
    }

    /** The program {@code name} (e.g. {@code "pg_dump"}) of the reference clients of {@code major}; see {@link #require(int)}. */
    public static Path require(int major, String name) {
        Path exe = require(major).resolve(name);
        if (!Files.isExecutable(exe)) {
            throw new AssertionError(exe + " is not an executable program; check " + variable(major));
        }
        return exe;
    }

    /** {@link #run(Path, List, Map, byte[], Duration)} without stdin and with {@link #DEFAULT_TIMEOUT}. */
    public static Result run(Path exe, List<String> args, Map<String, String> env) {
        return run(exe, args, env, null, DEFAULT_TIMEOUT);
    }

    /**
     * The environment a client program runs in: this JVM's without the {@code PG*} and locale variables, with
     * {@code LC_ALL=C} and {@code PGPASSFILE=/dev/null}, then {@code env} on top.
     */
    public static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("LC_") || k.equals("LANG")
                || k.equals("LANGUAGE"));
        environment.put("LC_ALL", "C");
        environment.put("PGPASSFILE", "/dev/null");
        environment.putAll(env);
        return environment;
    }

    /**
     * Runs a client program and waits for it. The caller's {@code PG*} variables and locale are not passed on (no
     * password or service leaks in; {@code PGPASSFILE} is {@code /dev/null}, messages are in English); {@code env}
     * is added on top, so connect with e.g. {@link TestDb#libpqEnvironment()}, and give a password through
     * {@code PGPASSWORD} in {@code env}, never in {@code args}.
     *
     * @param stdin bytes for the program's stdin, or null for none
     * @throws AssertionError when the program does not finish within {@code timeout} (it is killed)
     */
    public static Result run(Path exe, List<String> args, Map<String, String> env, byte[] stdin, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> environment = pb.environment();
        environment.clear();
        environment.putAll(environment(env));
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + exe, e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outPump = pump(process.getInputStream(), out, exe + " stdout");
        Thread errPump = pump(process.getErrorStream(), err, exe + " stderr");
        Thread inPump = stdin == null ? null : feed(process.getOutputStream(), stdin, exe + " stdin");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                errPump.join(2000);
                throw new AssertionError(exe.getFileName() + " " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " s and was killed; stderr:\n" + err.toString(StandardCharsets.UTF_8));
            }
            outPump.join();
            errPump.join();
            if (inPump != null) {
                inPump.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for " + exe, e);
        }
        return new Result(process.exitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static String variable(int major) {
        return "PG_REFERENCE_BIN_" + major;
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink, String name) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(sink);
            } catch (IOException e) {
                // the process was killed: keep what was read
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Thread feed(OutputStream processIn, byte[] data, String name) {
        Thread t = new Thread(() -> {
            try (processIn) {
                processIn.write(data);
            } catch (IOException e) {
                // the program exited without reading all of its input: its exit code tells the story
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
