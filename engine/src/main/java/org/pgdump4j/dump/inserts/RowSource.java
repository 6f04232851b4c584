package org.pgdump4j.dump.inserts;

import java.io.IOException;

/**
 * The rows of a text {@code COPY ... TO stdout}, one at a time: after {@link #next()} returns true,
 * {@code buf()[off(), off() + len())} holds the row with its newline, until the following call.
 */
public interface RowSource {
    boolean next() throws IOException;

    byte[] buf();

    int off();

    int len();

    /** Ends the COPY, early if it has not finished. */
    void close() throws IOException;
}
