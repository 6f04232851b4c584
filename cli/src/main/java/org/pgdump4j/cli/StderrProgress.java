package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.restore.RestoreListener;

/**
 * The CLI's progress listener: {@code -v} narration as {@code pg_dump: reading schemas}, warnings (always) as
 * {@code pg_dump: warning: ...}, and the statement errors a restore ignores as {@code pg_restore: error: ...}, on
 * stderr. With a {@link ProgressLine} (a terminal, no {@code -v}), the progress display too, erased before each of
 * those lines and at the end ({@link #finish()}).
 */
final class StderrProgress implements RestoreListener {
    private final String program;
    private final PrintWriter err;
    private final boolean verbose;
    private final @Nullable ProgressLine line;

    StderrProgress(String program, PrintWriter err, boolean verbose) {
        this(program, err, verbose, null);
    }

    StderrProgress(String program, PrintWriter err, boolean verbose, @Nullable ProgressLine line) {
        this.program = Objects.requireNonNull(program, "program");
        this.err = Objects.requireNonNull(err, "err");
        this.verbose = verbose;
        this.line = line;
    }

    /**
     * The CLI's listener for a run: a progress line when stderr is a terminal ({@code context}'s {@code TERM}) and
     * {@code -v} is not given.
     */
    static StderrProgress forRun(String program, PrintWriter err, boolean verbose, CliContext context) {
        boolean display = !verbose && ProgressLine.stderrIsTerminal(context.env());
        return new StderrProgress(program, err, verbose, display ? new ProgressLine(program, err, System::nanoTime)
                : null);
    }

    @Override
    public void event(ProgressEvent event) {
        if (line != null) {
            synchronized (err) {
                line.event(event);
            }
        }
    }

    /** The run is over: the progress line is erased, so what follows (an error) starts on a clean line. */
    void finish() {
        if (line != null) {
            synchronized (err) {
                line.clear();
            }
        }
    }

    private void clearLine() {
        if (line != null) {
            line.clear();
        }
    }

    @Override
    public void info(String message) {
        if (verbose) {
            synchronized (err) {
                clearLine();
                err.println(program + ": " + message);
                err.flush();
            }
        }
    }

    @Override
    public void warning(String message) {
        synchronized (err) {
            clearLine();
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
            clearLine();
            err.println(program + ": error: " + message);
            err.flush();
        }
    }
}
