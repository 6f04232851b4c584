package org.pgdump4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real pg_dump archives in {@code shared/fixtures/archives}, found in one way for every module: the system
 * property {@code pgdump4j.fixtures}, the environment variable {@code PGDUMP4J_FIXTURES}, a {@code shared} folder
 * beside the checkout or above the working directory, then {@code /work/shared}. Without them tests are skipped
 * with a message, except in CI ({@code PGDUMP4J_CI}), where that is a failure.
 */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    /** The fixture folder, if it can be found. */
    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("pgdump4j.fixtures", "");
        if (!prop.isEmpty()) {
            candidates.add(Path.of(prop));
        }
        String env = System.getenv("PGDUMP4J_FIXTURES");
        if (env != null && !env.isEmpty()) {
            candidates.add(Path.of(env));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p.resolve("shared/fixtures/archives"));
        }
        candidates.add(Path.of("/work/shared/fixtures/archives"));
        return candidates.stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).findFirst();
    }

    /** The fixture folder; skips the test (fails it in CI) when it is missing. */
    public static Path require() {
        Optional<Path> dir = find();
        if (dir.isPresent()) {
            return dir.get();
        }
        String message = "shared/fixtures/archives not found: set -Dpgdump4j.fixtures or PGDUMP4J_FIXTURES";
        if (System.getenv("PGDUMP4J_CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        throw new AssertionError(message);
    }
}
