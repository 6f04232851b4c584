package org.pgdump4j.cli;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.connect.PasswordMode;
import picocli.CommandLine.Option;

/** The "Connection options" every pg_dump-family program shares. Values are kept as typed. */
final class ConnectionOptions {
    @Option(names = {"-d", "--dbname"}, paramLabel = "DBNAME")
    @Nullable String dbname;

    @Option(names = {"-h", "--host"}, paramLabel = "HOSTNAME")
    @Nullable String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT")
    @Nullable String port;

    @Option(names = {"-U", "--username"}, paramLabel = "NAME")
    @Nullable String username;

    @Option(names = "--role", paramLabel = "ROLENAME")
    @Nullable String role;

    private PasswordMode passwordMode = PasswordMode.DEFAULT;

    /** -w and -W: the last one given wins, as in the C programs. */
    @Option(names = {"-w", "--no-password"})
    void noPassword(boolean given) {
        if (given) {
            passwordMode = PasswordMode.NEVER;
        }
    }

    @Option(names = {"-W", "--password"})
    void password(boolean given) {
        if (given) {
            passwordMode = PasswordMode.PROMPT;
        }
    }

    PasswordMode passwordMode() {
        return passwordMode;
    }
}
