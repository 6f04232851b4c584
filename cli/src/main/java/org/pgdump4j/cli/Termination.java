package org.pgdump4j.cli;

import java.io.PrintWriter;
import sun.misc.Signal;

/**
 * pg_dump's answer to SIGINT and SIGTERM: {@code pg_dump: terminated by user} on stderr and exit status 1 (the
 * JVM's own would be a silent 130 or 143). The exit runs the shutdown hooks, which delete the partial output
 * ({@link org.pgdump4j.io.PartialFiles}). Errors the interrupted work may still raise are not printed: the
 * signal is the reason the run ends. {@code sun.misc.Signal} is the JDK's supported way to catch a signal
 * (module jdk.unsupported); javac warns about it.
 */
final class Termination {
    private static volatile boolean terminating;

    private Termination() {
    }

    /** Installs the handler for SIGINT and SIGTERM (a signal the shell set to be ignored stays ignored). */
    static void install(String program, PrintWriter err) {
        // on a terminal, a progress line may be showing: the message starts on a clean line
        String erase = ProgressLine.stderrIsTerminal(System.getenv()) ? "\r\033[K" : "";
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                terminating = true;
                err.println(erase + program + ": terminated by user");
                err.flush();
                System.exit(ExitCodes.ERROR);
            });
        }
    }

    /** True once a signal is ending the run. */
    static boolean inProgress() {
        return terminating;
    }
}
