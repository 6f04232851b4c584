package org.pgdump4j.cli;

import java.io.InputStream;
import java.util.Objects;
import org.pgdump4j.RestoreException;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.progress.ProgressListener;

/** Runs a plain SQL script into the database of a {@link RestoreCommand.RestoreRequest}. */
final class ScriptRestore {
    private ScriptRestore() {
    }

    /**
     * Runs {@code script} and returns how many statements failed and were skipped (always 0 with
     * exit-on-error, where the first failure throws).
     */
    static long run(RestoreCommand.RestoreRequest request, InputStream script, CliContext context,
                    ProgressListener progress) {
        ConnectionSource source = Connections.open(Objects.requireNonNull(request.connection(), "connection"),
                context);
        // TODO wire org.pgdump4j.format.plain.script.ScriptRunner when it lands
        throw new RestoreException("running scripts is not wired yet (" + source.dbname() + ")");
    }
}
