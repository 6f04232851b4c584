package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.pgdump4j.restore.RestoreListener;

/**
 * The CLI's progress listener: {@code -v} narration as {@code pg_dump: reading schemas}, warnings (always) as
 * {@code pg_dump: warning: ...}, and the statement errors a restore ignores as {@code pg_restore: error: ...}, on
 * stderr.
 */
final class StderrProgress implements RestoreListener {
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
            if (message.startsWith("WARNING: ")) {
                err.println(message);
            } else {
                // "detail: ..." and "hint: ..." lines after the first, as pg_dump prints them
                String[] lines = message.split("\n");
                err.println(program + ": warning: " + lines[0]);
                for (int i = 1; i < lines.length; i++) {
                    err.println(program + ": " + lines[i]);
                }
            }
            err.flush();
        }
    }

    @Override
    public void error(String message) {
        synchronized (err) {
            err.println(program + ": error: " + message);
            err.flush();
        }
    }
}
