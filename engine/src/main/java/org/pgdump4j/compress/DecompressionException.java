package org.pgdump4j.compress;

import java.io.IOException;

/**
 * Compressed data a decompressor refuses, worded as pg_restore words it (e.g. {@code could not decompress data:
 * Frame requires too much memory for decoding}); readers lead their message with it and add where it happened.
 */
public final class DecompressionException extends IOException {
    public DecompressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
