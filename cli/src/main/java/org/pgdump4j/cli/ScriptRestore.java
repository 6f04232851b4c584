package org.pgdump4j.cli;

import java.io.InputStream;
import java.util.Objects;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.format.plain.script.RunResult;
import org.pgdump4j.format.plain.script.RunnerOptions;
import org.pgdump4j.format.plain.script.ScriptRunner;
import org.pgdump4j.progress.ProgressListener;

/** Runs a plain SQL script into the database of a {@link RestoreCommand.RestoreRequest}. */
final class ScriptRestore {
    private ScriptRestore() {
    }

    /**
     * Runs {@code script} and returns how many statements failed and were skipped (always 0 with
     * exit-on-error, where the first failure throws a {@link org.pgdump4j.RestoreException}).
     */
    static long run(RestoreCommand.RestoreRequest request, InputStream script, CliContext context,
                    ProgressListener progress) {
        ConnectionSource source = Connections.open(
                Objects.requireNonNull(request.connection(), "connection"), context, progress, true);
        RunnerOptions options = new RunnerOptions(request.exitOnError(), request.singleTransaction());
        RunResult result = new ScriptRunner(source, options, progress).run(script);
        progress.info("restored " + result.statements() + " statements and " + result.copyRows() + " rows");
        return result.errors();
    }
}
