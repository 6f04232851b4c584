package org.pgdump4j.connect;

import java.io.Console;
import org.jspecify.annotations.Nullable;

/**
 * Asks the user for a password. The connector calls it at most once per {@link PgConnector} and remembers the
 * answer for later connections, as pg_dump does.
 */
@FunctionalInterface
public interface PasswordPrompt {
    /**
     * The password typed in answer to {@code prompt} (libpq's {@code "Password: "}), or null when none can be read
     * (no terminal, end of input).
     */
    @Nullable String readPassword(String prompt);

    /** Reads from {@link System#console()} without echo; null when the JVM has no console. */
    static PasswordPrompt console() {
        return prompt -> {
            Console console = System.console();
            if (console == null) {
                return null;
            }
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed);
        };
    }

    /** Never answers: for {@link PasswordMode#NEVER} and for callers without a user. */
    static PasswordPrompt none() {
        return prompt -> null;
    }
}
