package org.pgdump4j.monitor;

/**
 * Internal: a table's data stream that knows how many rows it has given so far (a COPY's CopyData messages, decoded
 * binary tuples, the COPY's completion tag at its end), so {@link RunMonitor} need not scan its bytes for newlines.
 */
public interface CountedRows {
    /** Rows read so far; exact once the stream has ended. */
    long rowsSoFar();
}
