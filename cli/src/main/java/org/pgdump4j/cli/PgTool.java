package org.pgdump4j.cli;

/**
 * A subcommand that stands in for one of PostgreSQL's programs (pg_dump, pg_restore, pg_dumpall): its
 * messages are prefixed with that program's name, and it parses its options as that program does.
 */
interface PgTool {
    /** The real program's name, the prefix of every message: {@code "pg_dump"}. */
    String programName();

    /** The real program's getopt table. */
    GetoptTable getoptTable();

    /** True when the user asked for stack traces ({@code -v -v}). */
    default boolean debug() {
        return false;
    }
}
