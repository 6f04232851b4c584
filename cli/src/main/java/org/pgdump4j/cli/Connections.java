package org.pgdump4j.cli;

import org.pgdump4j.ConnectionException;
import org.pgdump4j.connect.ConnArgs;
import org.pgdump4j.connect.ConnInfo;
import org.pgdump4j.connect.ConnectionSource;

/** Turns a command line's connection options into a {@link ConnectionSource}, as libpq would resolve them. */
final class Connections {
    private Connections() {
    }

    /** Resolves {@code args} against the environment, service file and .pgpass of {@code context}. */
    static ConnectionSource open(ConnArgs args, CliContext context) {
        ConnInfo info = ConnInfo.resolve(args, context.env(), context.home());
        // TODO wire org.pgdump4j.connect.PgConnector when it lands
        throw new ConnectionException("connecting to \"" + info.dbname() + "\" is not wired yet");
    }
}
