package org.pgdump4j.toc;

import java.util.Arrays;
import java.util.List;

/**
 * A sort item's dependencies while the TOC builder collects them: a handful per object, so an array searched
 * linearly (a hash set per item was much of the TOC build's garbage on large catalogs). Keys are compared by
 * {@code equals}; adding one already there does nothing.
 */
final class Keys {
    private Object[] keys = new Object[8];
    private int size;

    static Keys of(Object key) {
        Keys k = new Keys();
        k.add(key);
        return k;
    }

    void add(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key;
    }

    void addAll(Keys other) {
        for (int i = 0; i < other.size; i++) {
            add(other.keys[i]);
        }
    }

    void remove(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                System.arraycopy(keys, i + 1, keys, i, size - i - 1);
                keys[--size] = null;
                return;
            }
        }
    }

    /** The keys, for an item (which copies them). */
    List<Object> list() {
        return Arrays.asList(keys).subList(0, size);
    }
}
