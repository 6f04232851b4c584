package org.pgdump4j.connect;

/** How a pg_dump-family program may ask for a password (its {@code -w}/{@code -W} options). */
public enum PasswordMode {
    /** No option: prompt only after the server asked for a password and none was known (libpq's default). */
    DEFAULT,
    /** {@code -w} ({@code --no-password}): never prompt; a server asking for a password is an error. */
    NEVER,
    /** {@code -W} ({@code --password}): prompt before the first connection attempt. */
    PROMPT
}
