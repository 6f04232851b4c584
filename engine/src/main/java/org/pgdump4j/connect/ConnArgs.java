package org.pgdump4j.connect;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The connection options of a pg_dump-family command line, before libpq's resolution ({@link ConnInfo#resolve}).
 * Null or empty strings mean "not given".
 *
 * @param dbname the positional database name or {@code -d}: a plain name, a {@code key=value ...} conninfo string
 *     or a {@code postgresql://} / {@code postgres://} URI (whose keywords then override {@code -h}/{@code -p}/{@code -U})
 * @param host {@code -h}: host names, addresses or socket directories, comma-separated
 * @param port {@code -p}: a port, or one per host, comma-separated
 * @param user {@code -U}
 * @param passwordMode {@code -w} ({@link PasswordMode#NEVER}), {@code -W} ({@link PasswordMode#PROMPT}) or neither
 * @param programName {@code "pg_dump"}, {@code "pg_restore"}, ...: the fallback application_name
 * @param useDbnameEnv whether {@code PGDATABASE} may supply the database name (false for pg_restore)
 */
public record ConnArgs(@Nullable String dbname, @Nullable String host, @Nullable String port, @Nullable String user,
                       PasswordMode passwordMode, String programName, boolean useDbnameEnv) {
    public ConnArgs {
        Objects.requireNonNull(passwordMode, "passwordMode");
        Objects.requireNonNull(programName, "programName");
    }

    /** Arguments of {@code pg_dump} (which reads {@code PGDATABASE}). */
    public static ConnArgs pgDump(@Nullable String dbname, @Nullable String host, @Nullable String port,
                                  @Nullable String user, PasswordMode passwordMode) {
        return new ConnArgs(dbname, host, port, user, passwordMode, "pg_dump", true);
    }

    /** Arguments of {@code pg_restore} (which does not read {@code PGDATABASE}). */
    public static ConnArgs pgRestore(@Nullable String dbname, @Nullable String host, @Nullable String port,
                                     @Nullable String user, PasswordMode passwordMode) {
        return new ConnArgs(dbname, host, port, user, passwordMode, "pg_restore", false);
    }
}
