package org.pgdump4j.format.plain.script;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of the statement being collected, in blocks of about {@value #BLOCK} characters. A {@link StringBuilder}
 * grown to a 50 MB statement would hold up to twice that while it doubles, and a third copy once turned into a
 * String; the blocks are joined into the String in one exact-size copy ({@link String#join}), so building a
 * statement of N characters needs about 2N at the peak and N afterwards. Single-threaded.
 */
final class StatementText {
    private static final int BLOCK = 1 << 16;

    private final List<String> blocks = new ArrayList<>();
    private StringBuilder tail = new StringBuilder();
    private long length;

    void append(CharSequence text) {
        tail.append(text);
        length += text.length();
        if (tail.length() >= BLOCK) {
            blocks.add(tail.toString());
            tail.setLength(0);
            if (tail.capacity() > 4 * BLOCK) {
                tail = new StringBuilder();   // a long token made it grow: do not keep that
            }
        }
    }

    long length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    /** The whole text; the blocks are dropped, so call {@link #clear} next. */
    String build() {
        if (blocks.isEmpty()) {
            return tail.toString();
        }
        blocks.add(tail.toString());
        String text = String.join("", blocks);
        blocks.clear();
        return text;
    }

    void clear() {
        blocks.clear();
        if (tail.capacity() > 4 * BLOCK) {
            tail = new StringBuilder();
        } else {
            tail.setLength(0);
        }
        length = 0;
    }
}
