package org.pgdump4j.dump.inserts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array for one statement's text; single-threaded, reused from row to row. */
public final class TextBuffer {
    byte[] bytes = new byte[8192];
    int length;

    public void add(byte b) {
        if (length == bytes.length) {
            grow(1);
        }
        bytes[length++] = b;
    }

    public void append(byte[] b, int off, int len) {
        if (length + len > bytes.length) {
            grow(len);
        }
        System.arraycopy(b, off, bytes, length, len);
        length += len;
    }

    public void append(byte[] b) {
        append(b, 0, b.length);
    }

    /** {@code s}, which is ASCII (SQL punctuation and key words): a byte per character, nothing allocated. */
    public void ascii(String s) {
        int n = s.length();
        if (length + n > bytes.length) {
            grow(n);
        }
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    public void clear() {
        length = 0;
    }

    /** The text so far, decoded as UTF-8 (tests). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void grow(int more) {
        long want = Math.max((long) bytes.length * 2, (long) length + more);
        if (want > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("an INSERT statement longer than 2 GB");
        }
        bytes = Arrays.copyOf(bytes, (int) want);
    }
}
