package org.pgdump4j.compat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pgdump4j.testing.ReferenceClients;

/** Runs {@code pgdump4j} as its own process, on the test classpath, as a pipeline would run it. */
final class CliProcess {
    private CliProcess() {
    }

    static ReferenceClients.Result run(Map<String, String> env, String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
                "org.pgdump4j.cli.Main"));
        command.addAll(List.of(args));
        return ReferenceClients.run(java, command, env, null, Duration.ofMinutes(2));
    }
}
