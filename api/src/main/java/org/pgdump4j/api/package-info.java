/**
 * The public API of pgdump4j: pg_dump and pg_restore as a library. Start at {@link org.pgdump4j.api.PgDump4j}.
 *
 * <p>This package (and the exception tree rooted at {@link org.pgdump4j.PgDumpException}) is what stays compatible
 * between releases; every other package is internal and may change at any time.
 *
 * <p>Connections: a {@code DataSource}'s connections and a caller's {@code Connection} are borrowed: each goes back
 * with its session state as it came (every setting the run changed put back, role, autocommit and read-only as
 * they were, no transaction left open; a connection whose state cannot be put back is aborted rather than returned
 * to its pool). Both reach one database, so what needs another (restore with {@code create()}) takes a libpq
 * connection string or a {@code jdbc:postgresql:} URL, whose connections are the library's own.
 *
 * <p>Outputs: the library never writes to the process's standard output; every run names its output.
 */
@NullMarked
package org.pgdump4j.api;

import org.jspecify.annotations.NullMarked;
