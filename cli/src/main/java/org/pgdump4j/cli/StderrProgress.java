package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.pgdump4j.progress.ProgressListener;

/**
 * The CLI's {@link ProgressListener}: {@code -v} narration as {@code pg_dump: reading schemas}, and
 * warnings (always) as {@code pg_dump: warning: ...}, on stderr.
 */
final class StderrProgress implements ProgressListener {
    private final String program;
    private final PrintWriter err;
    private final boolean verbose;

    StderrProgress(String program, PrintWriter err, boolean verbose) {
        this.program = Objects.requireNonNull(program, "program");
        this.err = Objects.requireNonNull(err, "err");
        this.verbose = verbose;
    }

    @Override
    public void info(String message) {
        if (verbose) {
            synchronized (err) {
                err.println(program + ": " + message);
                err.flush();
            }
        }
    }

    @Override
    public void warning(String message) {
        synchronized (err) {
            // libpq's own warnings (password file checks) are printed by libpq as they are, without our prefix
            err.println(message.startsWith("WARNING: ") ? message : program + ": warning: " + message);
            err.flush();
        }
    }
}
