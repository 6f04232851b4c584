package org.pgdump4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The real pg_dump archives in {@code shared/fixtures/archives}, found in one way for every module: the system
 * property {@code pgdump4j.fixtures}, the environment variable {@code PGDUMP4J_FIXTURES}, a {@code shared} folder
 * beside the checkout or above the working directory, then {@code /work/shared}. Without them tests are skipped
 * with a message, except in CI ({@code PGDUMP4J_CI}), where that is a failure (see {@link Ci}).
 */
public final class SharedFixtures {
    static final String PROPERTY = "pgdump4j.fixtures";
    static final String VARIABLE = "PGDUMP4J_FIXTURES";

    private SharedFixtures() {
    }

    /** The fixture folder, if it can be found. */
    public static Optional<Path> find() {
        return find(System.getProperty(PROPERTY, ""), System::getenv, Path.of("").toAbsolutePath());
    }

    /**
     * The folder named by {@code property} or the environment, else the first {@code shared/fixtures/archives} above
     * {@code cwd}, else {@code /work/shared}'s. A folder named explicitly must exist: a wrong setting would otherwise
     * fall through to another copy of the fixtures unnoticed.
     */
    static Optional<Path> find(String property, Function<String, String> env, Path cwd) {
        if (property != null && !property.isEmpty()) {
            return Optional.of(named("-D" + PROPERTY, property));
        }
        String variable = env.apply(VARIABLE);
        if (variable != null && !variable.isEmpty()) {
            return Optional.of(named(VARIABLE, variable));
        }
        List<Path> candidates = new ArrayList<>();
        for (Path p = cwd; p != null; p = p.getParent()) {
            candidates.add(p.resolve("shared/fixtures/archives"));
        }
        candidates.add(Path.of("/work/shared/fixtures/archives"));
        return candidates.stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).findFirst();
    }

    private static Path named(String setting, String value) {
        Path dir = Path.of(value);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError(setting + "=" + value + " is not a folder");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** The fixture folder; skips the test (fails it in CI) when it is missing. */
    public static Path require() {
        return require(find(), System::getenv);
    }

    static Path require(Optional<Path> found, Function<String, String> env) {
        if (found.isPresent()) {
            return found.get();
        }
        String message = "shared/fixtures/archives not found: set -D" + PROPERTY + " or " + VARIABLE;
        throw Ci.missing(message, message + "; skipping a test that reads the real pg_dump archives", env);
    }
}
