package org.pgdump4j.cli;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.connect.PasswordMode;

/** The "Connection options" every pg_dump-family program shares. Values are kept as typed. */
final class ConnectionOptions {
    @Nullable String dbname;
    @Nullable String host;
    @Nullable String port;
    @Nullable String username;
    @Nullable String role;
    private PasswordMode passwordMode = PasswordMode.DEFAULT;

    /** Declares and binds them (see {@link OptionBinder}). */
    void options(OptionBinder o) {
        dbname = o.string("-d --dbname");
        host = o.string("-h --host");
        port = o.string("-p --port");
        username = o.string("-U --username");
        role = o.string("--role");
        // -w and -W: the last one given wins, as in the C programs
        int never = o.last("-w --no-password");
        int prompt = o.last("-W --password");
        passwordMode = never > prompt ? PasswordMode.NEVER : prompt > never ? PasswordMode.PROMPT : PasswordMode.DEFAULT;
    }

    PasswordMode passwordMode() {
        return passwordMode;
    }
}
