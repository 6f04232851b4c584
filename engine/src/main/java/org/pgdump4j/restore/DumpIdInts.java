package org.pgdump4j.restore;

/**
 * Dump id → int over primitive arrays, for TOCs of a million entries (a {@code HashMap<Integer, Integer>} takes about
 * 60 bytes an entry). pg_dump numbers entries densely from 1, so ids up to a few times the TOC's size index an
 * array directly (sequential, cache-friendly); other ids go to a small open-addressing table. Ids are positive (the
 * TOC reader refuses others).
 */
final class DumpIdInts {
    /** Marks a direct slot as used, so that 0 stays a storable value. */
    private static final long PRESENT = 1L << 32;

    private final long[] direct;
    private int[] keys = new int[16];
    private int[] values = new int[16];
    private int hashed;

    /** @param entries how many entries the TOC has (sizes the direct array) */
    DumpIdInts(int entries) {
        direct = new long[(int) Math.min(Integer.MAX_VALUE - 8, 2L * entries + 1024)];
    }

    void put(int id, int value) {
        if (id < direct.length) {
            direct[id] = PRESENT | (value & 0xffffffffL);
            return;
        }
        if (2 * (hashed + 1) > keys.length) {
            grow();
        }
        int at = slot(keys, id);
        if (keys[at] == 0) {
            keys[at] = id;
            hashed++;
        }
        values[at] = value;
    }

    /** The value for {@code id}, or {@code absent}. */
    int get(int id, int absent) {
        if (id < direct.length) {
            long v = direct[id];
            return v == 0 ? absent : (int) v;
        }
        int at = slot(keys, id);
        return keys[at] == 0 ? absent : values[at];
    }

    private static int slot(int[] keys, int id) {
        int mask = keys.length - 1;
        int h = id * 0x9E3779B9;
        int at = (h ^ h >>> 16) & mask;
        while (keys[at] != 0 && keys[at] != id) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int at = slot(keys, oldKeys[i]);
                keys[at] = oldKeys[i];
                values[at] = oldValues[i];
            }
        }
    }
}
