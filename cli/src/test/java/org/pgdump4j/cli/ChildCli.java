package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI in a child JVM (this test's class path), as the launcher runs it: a real process with its own
 * environment and heap.
 */
final class ChildCli {
    /** The launcher's JVM options (see {@code ./pgdump4j}) but the heap ceiling, which each caller gives. */
    static final List<String> LAUNCHER_OPTIONS = List.of("-Xms16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** What the child did; {@code stdout} is the file its standard output went to. */
    record Result(int exitCode, Path stdout, String stderr, long millis) {
        String stdoutText() throws IOException {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        }
    }

    private ChildCli() {
    }

    /**
     * @param env        replaces the child's {@code PG*} variables and {@code HOME} (the rest of the environment is
     *                   inherited)
     * @param jvmOptions e.g. {@code -Xmx40m}
     * @param stdout     where standard output goes
     */
    static Result run(Map<String, String> env, List<String> jvmOptions, List<String> args, Path stdout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.equals("HOME"));
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Path err = Files.createTempFile("child-cli", ".err");
        pb.redirectOutput(stdout.toFile()).redirectError(err.toFile());
        try {
            long start = System.nanoTime();
            Process p = pb.start();
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child JVM did not finish: " + args);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Result(p.exitValue(), stdout, Files.readString(err, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
