package org.pgdump4j.format.custom;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.archive.codec.DataOffset;

/**
 * Dump id → data offset for every TOC entry, in two primitive arrays sorted by id (12 bytes an entry; a HashMap
 * of boxed values takes about 80). Filled while the TOC is read, sorted at the first lookup (a listing makes none:
 * sorting 40,000 ids in cold code was a tenth of its parsing); later ids replace earlier.
 */
final class DataOffsets {
    private int[] ids = new int[64];
    /** The offset's position shifted left by 2, or'ed with its flag (1..3). */
    private long[] packed = new long[64];
    private int size;
    private boolean sealed;

    void put(int id, DataOffset offset) {
        if (sealed) {
            throw new IllegalStateException("offsets added after a lookup");
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            packed = Arrays.copyOf(packed, size * 2);
        }
        ids[size] = id;
        packed[size] = offset.position() << 2 | offset.flag();
        size++;
    }

    /** Sorts by id once (stable, so the last of duplicate ids wins a lookup); parallel workers look up too. */
    private synchronized void seal() {
        if (sealed) {
            return;
        }
        sealed = true;
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            order[i] = (long) ids[i] << 32 | i;
        }
        Arrays.sort(order);
        int[] sortedIds = new int[size];
        long[] sortedPacked = new long[size];
        for (int i = 0; i < size; i++) {
            int from = (int) order[i];
            sortedIds[i] = ids[from];
            sortedPacked[i] = packed[from];
        }
        ids = sortedIds;
        packed = sortedPacked;
    }

    @Nullable DataOffset get(int id) {
        seal();
        int at = Arrays.binarySearch(ids, 0, size, id);
        if (at < 0) {
            return null;
        }
        while (at + 1 < size && ids[at + 1] == id) {
            at++;
        }
        long p = packed[at];
        return new DataOffset((int) (p & 3), p >>> 2);
    }

    /** The positions of the offsets that are set, ascending (where one block ends the next begins). */
    long[] setPositions() {
        seal(); // not for the order: a seal on another thread must not swap the arrays under this loop
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            long p = packed[i];
            if (new DataOffset((int) (p & 3), p >>> 2).isSet()) {
                out[n++] = p >>> 2;
            }
        }
        long[] set = Arrays.copyOf(out, n);
        Arrays.sort(set);
        return set;
    }
}
