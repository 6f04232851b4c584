package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pgdump4j.testing.Ci;
import org.pgdump4j.testing.ReferenceClients;

/**
 * {@code pgdump4j} as its own JVM on the test classpath, as a pipeline runs it: for what an in-process run cannot
 * show (signals, the process's own standard output, the system calls it makes).
 */
final class CliChild {
    private CliChild() {
    }

    /** {@code java -cp <test classpath> org.pgdump4j.cli.Main} and then {@code args}. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs to the end (two minutes at most). */
    static ReferenceClients.Result run(Map<String, String> env, String... args) {
        List<String> command = command(args);
        return ReferenceClients.run(Path.of(command.get(0)), command.subList(1, command.size()), env, null,
                Duration.ofMinutes(2));
    }

    /** A system program the test needs ({@code strace}, {@code mkfifo}): in CI a missing one fails the test. */
    static Path tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw Ci.missing(name + " is not installed (bin/test-tools installs it)",
                name + " is not installed: skipping a test that needs it (apt-get install " + name + ")");
    }

    /** Device nodes need root: in CI (which runs as root) anyone else fails the test, elsewhere it is skipped. */
    static void requireRoot(String why) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw Ci.missing(why + " needs root, and CI runs as root", why + " needs root: skipping");
        }
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    /**
     * A character device node {@code major,minor} at {@code p} (1,3 is null, 1,7 is full): a twin of a /dev device
     * that a test may let old code replace. mknod needs root: otherwise the test is skipped.
     */
    static Path characterDevice(Path p, int major, int minor) {
        requireRoot("mknod");
        exec(tool("mknod").toString(), p.toString(), "c", Integer.toString(major), Integer.toString(minor));
        assertCharacterDevice(p);
        return p;
    }

    static void assertCharacterDevice(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            assertEquals(S_IFCHR, mode & S_IFMT, p + " is no longer a character device");
        } catch (IOException e) {
            throw new AssertionError(p + ": " + e, e);
        }
    }

    /** Runs a system program and waits for it; a failure fails the test. */
    static void exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
