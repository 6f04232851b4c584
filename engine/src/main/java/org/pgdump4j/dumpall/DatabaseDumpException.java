package org.pgdump4j.dumpall;

import java.util.Objects;
import org.pgdump4j.PgDumpException;

/**
 * One database's dump failed, which ends the run as pg_dumpall ends it: {@code pg_dump failed on database "x",
 * exiting}. The cause is that dump's own error, which pg_dumpall's pg_dump printed first under its own name.
 */
public final class DatabaseDumpException extends PgDumpException {
    private final String database;

    public DatabaseDumpException(String database, RuntimeException cause) {
        super("pg_dump failed on database \"" + database + "\", exiting", Objects.requireNonNull(cause, "cause"));
        this.database = database;
    }

    /** The database whose dump failed. */
    public String database() {
        return database;
    }
}
