package org.pgdump4j.cli;

import java.sql.Connection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.connect.ConnArgs;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.connect.PgConnector;
import org.pgdump4j.progress.ProgressListener;

/** Turns a command line's connection options into a {@link ConnectionSource}, as libpq would resolve them. */
final class Connections {
    private Connections() {
    }

    /**
     * Resolves {@code args} against the environment, service file and password file of {@code context}. Nothing
     * is connected yet: the connector's warnings (an insecure password file, options PgJDBC cannot honour) go to
     * {@code progress} where libpq prints them, as a connection is opened (after pg_restore's "connecting to
     * database for restore"): once for a dump, whose extra connections pg_dump does not have, and on every
     * connection for a restore, whose connections are pg_restore's own (-C's second one, parallel workers). The
     * warning that a session's time zone may not be pg_dump's comes once, when found.
     *
     * @throws org.pgdump4j.ConnectionException when the parameters do not resolve
     */
    static ConnectionSource open(ConnArgs args, CliContext context, ProgressListener progress, boolean everyOpen) {
        PgConnector connector = PgConnector.fromArgs(args, context.env(), context.home(), context.passwordPrompt());
        connector.onZoneWarning(progress::warning);
        return new WarnOnOpen(connector, progress, everyOpen);
    }

    private static final class WarnOnOpen implements ConnectionSource {
        private final PgConnector source;
        private final ProgressListener progress;
        private final boolean everyOpen;
        /** The connector's warnings, asked at the first connection: after -W's prompt, which decides them. */
        private @Nullable List<String> warnings;

        WarnOnOpen(PgConnector source, ProgressListener progress, boolean everyOpen) {
            this.source = source;
            this.progress = progress;
            this.everyOpen = everyOpen;
        }

        private synchronized void warn() {
            boolean first = warnings == null;
            if (first) {
                warnings = source.warnings();
            }
            if (everyOpen || first) {
                warnings.forEach(progress::warning);
            }
        }

        @Override
        public Connection open() {
            warn();
            return source.open();
        }

        @Override
        public Connection open(String dbname) {
            warn();
            return source.open(dbname);
        }

        @Override
        public String dbname() {
            return source.dbname();
        }

        @Override
        public @Nullable String clientEncoding() {
            return source.clientEncoding();
        }
    }
}
