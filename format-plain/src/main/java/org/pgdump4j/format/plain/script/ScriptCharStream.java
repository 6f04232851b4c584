package org.pgdump4j.format.plain.script;

import java.io.IOException;
import org.antlr.v4.runtime.UnbufferedCharStream;

/**
 * ANTLR's {@link UnbufferedCharStream} made fit for scripts of many gigabytes:
 * <ul>
 *   <li>the buffer (the text of the token being matched) is capped, so a hostile script cannot make it grow
 *       without bound ({@link TokenTooLongException});</li>
 *   <li>char indexes are rebased between tokens, so they never overflow {@code int} after 2<sup>31</sup>
 *       characters (ANTLR uses them only within one token);</li>
 *   <li>a buffer grown for one long line shrinks back afterwards;</li>
 *   <li>characters come straight from {@link ScriptDecoder#read()}, not through a synchronized reader;</li>
 *   <li>text can be put back in front of the characters not yet lexed ({@link #insert}).</li>
 * </ul>
 * Single-threaded.
 */
final class ScriptCharStream extends UnbufferedCharStream {
    private static final int INITIAL = 4096;
    private static final int SHRINK_ABOVE = 1 << 16;
    private static final int REBASE_ABOVE = 1 << 30;

    private final int maxBuffered;
    private final int rebaseAbove;

    ScriptCharStream(ScriptDecoder decoder, int maxBuffered) {
        this(decoder, maxBuffered, REBASE_ABOVE);
    }

    /** For tests: rebase indexes already above {@code rebaseAbove}. */
    ScriptCharStream(ScriptDecoder decoder, int maxBuffered, int rebaseAbove) {
        super(decoder, INITIAL);
        this.maxBuffered = maxBuffered;
        this.rebaseAbove = rebaseAbove;
    }

    /** The capacity of the buffer, in characters. */
    int bufferCapacity() {
        return data.length;
    }

    @Override
    protected int nextChar() throws IOException {
        // 'input' rather than 'decoder': the super constructor already reads the first character
        return ((ScriptDecoder) input).read();
    }

    @Override
    protected void add(int c) {
        // maxBuffered is still 0 while the super constructor reads the first character
        if (maxBuffered > 0 && n >= maxBuffered) {
            throw new TokenTooLongException(maxBuffered);
        }
        super.add(c);
    }

    @Override
    public void release(int marker) {
        super.release(marker);
        if (numMarkers == 0) {
            if (currentCharIndex > rebaseAbove) {
                // buffer start becomes index 0; nothing outside the current token holds an index
                currentCharIndex = p;
            }
            // super.release moved the looked-ahead characters to data[0..n): p is 0 now
            if (data.length > SHRINK_ABOVE && n < SHRINK_ABOVE / 4) {
                int[] small = new int[Math.max(INITIAL, Integer.highestOneBit(Math.max(n, 1)) << 1)];
                System.arraycopy(data, 0, small, 0, n);
                data = small;
            }
        }
    }

    /**
     * Puts {@code text} in front of the next character, between two tokens: the lexer reads it next (psql's rest of
     * a {@code COPY ... FROM stdin} line, run after the data).
     */
    void insert(String text) {
        if (numMarkers != 0) {
            throw new IllegalStateException("insert inside a token");
        }
        int[] inserted = text.codePoints().toArray();
        int ahead = n - p;
        if (maxBuffered > 0 && inserted.length + ahead > maxBuffered) {
            throw new TokenTooLongException(maxBuffered);
        }
        int[] next = new int[Math.max(data.length, inserted.length + ahead)];
        System.arraycopy(inserted, 0, next, 0, inserted.length);
        System.arraycopy(data, p, next, inserted.length, ahead);
        data = next;
        n = inserted.length + ahead;
        p = 0;
    }

    /** The buffer would have to grow past the limit: one token (a line, at most) is too long. */
    static final class TokenTooLongException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int limit;

        TokenTooLongException(int limit) {
            super("line longer than " + limit + " characters", null, false, false);
            this.limit = limit;
        }
    }
}
