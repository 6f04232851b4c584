package org.pgdump4j.cli;

import org.pgdump4j.connect.ConnArgs;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.connect.PgConnector;
import org.pgdump4j.progress.ProgressListener;

/** Turns a command line's connection options into a {@link ConnectionSource}, as libpq would resolve them. */
final class Connections {
    private Connections() {
    }

    /**
     * Resolves {@code args} against the environment, service file and password file of {@code context}, and
     * passes the connector's warnings (an insecure password file, options PgJDBC cannot honour) to
     * {@code progress}. Nothing is connected yet.
     *
     * @throws org.pgdump4j.ConnectionException when the parameters do not resolve
     */
    static ConnectionSource open(ConnArgs args, CliContext context, ProgressListener progress) {
        PgConnector connector = PgConnector.fromArgs(args, context.env(), context.home(), context.passwordPrompt());
        connector.warnings().forEach(progress::warning);
        return connector;
    }
}
