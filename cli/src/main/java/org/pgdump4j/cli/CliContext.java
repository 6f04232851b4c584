package org.pgdump4j.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.pgdump4j.connect.PasswordPrompt;

/**
 * What the commands take from the process, passed in so tests can supply their own: the environment
 * ({@code PGDATABASE}, {@code PGHOST}..., {@code PGDUMP4J_DEBUG}), the home folder ({@code ~/.pgpass},
 * {@code ~/.pg_service.conf}), standard input (pg_restore without a file name) and the password prompt.
 */
record CliContext(Map<String, String> env, Path home, InputStream stdin, PasswordPrompt passwordPrompt) {
    /** Environment variable that turns on stack traces for every error. */
    static final String DEBUG_ENV = "PGDUMP4J_DEBUG";

    CliContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(passwordPrompt, "passwordPrompt");
    }

    /** The real process: {@link System#getenv()}, {@code user.home}, {@link System#in}, the console. */
    static CliContext system() {
        return new CliContext(System.getenv(), Path.of(System.getProperty("user.home")), System.in,
                PasswordPrompt.console());
    }

    /** True when {@code PGDUMP4J_DEBUG=1}. */
    boolean debugEnv() {
        return "1".equals(env.get(DEBUG_ENV));
    }
}
