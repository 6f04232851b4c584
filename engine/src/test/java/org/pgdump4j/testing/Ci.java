package org.pgdump4j.testing;

import java.util.function.Function;
import org.opentest4j.TestAbortedException;

/**
 * The one rule for a test whose precondition (a reference client, the shared fixtures) is missing: in CI
 * ({@code PGDUMP4J_CI} set to anything but blanks, as {@code .ci/run} does) the test fails; elsewhere it is skipped
 * with a banner on stderr, so a skipped comparison is never mistaken for a passed one.
 */
public final class Ci {
    /** The environment variable that marks a CI run. */
    public static final String VARIABLE = "PGDUMP4J_CI";

    private Ci() {
    }

    /** True when this JVM runs in CI. */
    public static boolean on() {
        return on(System::getenv);
    }

    static boolean on(Function<String, String> env) {
        String value = env.apply(VARIABLE);
        return value != null && !value.isBlank();
    }

    /**
     * For a missing precondition: in CI returns the AssertionError to throw ({@code throw Ci.missing(...)});
     * otherwise prints {@code skipMessage} in a banner and throws {@link TestAbortedException} (the test is skipped).
     */
    public static AssertionError missing(String ciMessage, String skipMessage) {
        return missing(ciMessage, skipMessage, System::getenv);
    }

    static AssertionError missing(String ciMessage, String skipMessage, Function<String, String> env) {
        if (on(env)) {
            return new AssertionError(ciMessage);
        }
        System.err.println(banner(skipMessage));
        throw new TestAbortedException(skipMessage);
    }

    static String banner(String message) {
        return "\n**************** SKIPPED ****************\n" + message
                + "\n*****************************************\n";
    }
}
