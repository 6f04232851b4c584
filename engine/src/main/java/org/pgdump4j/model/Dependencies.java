package org.pgdump4j.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * pg_depend folded onto model objects, as a graph over dense ints (pg_dump_sort.c's arrays of dump ids): every
 * object that depends or is depended on is a vertex, its dependencies one slice of a shared int array. A catalog
 * of 10,000 tables has about 120,000 such rows; held as objects (an id per row, a set per object) they were a
 * fifth of the dump's client time in hash lookups and much of its garbage. Lookups by {@link ObjectId} go through
 * one open-addressing table of packed ids, without allocating. Immutable once built.
 */
public final class Dependencies {
    public static final Dependencies NONE = new Builder().build();

    /** Packed id (catalog OID in the high half, OID in the low half) of each vertex. */
    private final long[] ids;
    /** Vertex {@code v}'s dependencies are {@code targets[starts[v] .. starts[v + 1])}. */
    private final int[] starts;
    private final int[] targets;
    /** Open addressing over packed ids: slot -> vertex + 1, 0 for an empty slot. */
    private final int[] table;

    private Dependencies(long[] ids, int[] starts, int[] targets, int[] table) {
        this.ids = ids;
        this.starts = starts;
        this.targets = targets;
        this.table = table;
    }

    /** For tests and small catalogs: the graph of a map from each object to what it depends on. */
    public static Dependencies of(Map<ObjectId, ? extends Collection<ObjectId>> map) {
        Builder b = new Builder();
        map.forEach((from, tos) -> tos.forEach(to -> b.add(from.classOid(), from.oid(), to.classOid(), to.oid())));
        return b.build();
    }

    /** The number of vertices: objects that depend on or are depended on by another. */
    public int vertices() {
        return ids.length;
    }

    /** The vertex of {@code id}, or -1 when nothing depends on it and it depends on nothing. */
    public int vertex(ObjectId id) {
        return find(pack(id.classOid(), id.oid()));
    }

    public ObjectId id(int vertex) {
        long p = ids[vertex];
        return new ObjectId(p >>> 32, p & 0xFFFF_FFFFL);
    }

    /** Where vertex {@code v}'s dependencies start in {@link #target(int)}'s index. */
    public int start(int v) {
        return starts[v];
    }

    /** Where vertex {@code v}'s dependencies end (exclusive). */
    public int end(int v) {
        return starts[v + 1];
    }

    /** The vertex at position {@code i} of the dependency array. */
    public int target(int i) {
        return targets[i];
    }

    /** What {@code id} depends on, as ids (allocates: for tests and rare paths). */
    public Set<ObjectId> of(ObjectId id) {
        int v = vertex(id);
        Set<ObjectId> out = new LinkedHashSet<>();
        if (v >= 0) {
            for (int i = starts[v]; i < starts[v + 1]; i++) {
                out.add(id(targets[i]));
            }
        }
        return out;
    }

    /**
     * Whether {@code start}'s dependencies lead to {@code target} (not counting a direct one). For many questions,
     * {@link #walker()} once.
     */
    public boolean reaches(ObjectId start, ObjectId target) {
        return walker().reaches(start, target);
    }

    /** Answers {@link #reaches} repeatedly without allocating per question. Not thread-safe. */
    public Walker walker() {
        return new Walker();
    }

    /**
     * Walks the vertices, as pg_dump_sort.c's loop repairs need to know ahead of the sort whether an object's
     * dependencies lead back to another (the TOC builder asks once per column default): the vertices seen are
     * marked with the walk's number, so no walk clears or allocates an array of all vertices.
     */
    public final class Walker {
        private final int[] seenIn = new int[ids.length];
        private int walk;
        private int[] todo = new int[16];

        private Walker() {
        }

        /** Whether {@code start}'s dependencies lead to {@code target} (not counting a direct one). */
        public boolean reaches(ObjectId start, ObjectId target) {
            int from = vertex(start);
            int to = vertex(target);
            if (from < 0 || to < 0) {
                return false;
            }
            walk++;
            int n = 0;
            for (int i = starts[from]; i < starts[from + 1]; i++) {
                if (targets[i] != to) {
                    todo = push(todo, n++, targets[i]);
                }
            }
            while (n > 0) {
                int v = todo[--n];
                if (v == to) {
                    return true;
                }
                if (seenIn[v] != walk) {
                    seenIn[v] = walk;
                    for (int i = starts[v]; i < starts[v + 1]; i++) {
                        todo = push(todo, n++, targets[i]);
                    }
                }
            }
            return false;
        }
    }

    private static int[] push(int[] stack, int at, int value) {
        int[] s = at < stack.length ? stack : Arrays.copyOf(stack, stack.length * 2);
        s[at] = value;
        return s;
    }

    private static long pack(long classOid, long oid) {
        return classOid << 32 | (oid & 0xFFFF_FFFFL);
    }

    private static int slot(long packed, int mask) {
        long h = packed * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & mask;
    }

    private int find(long packed) {
        int mask = table.length - 1;
        for (int s = slot(packed, mask); ; s = (s + 1) & mask) {
            int v = table[s] - 1;
            if (v < 0) {
                return -1;
            }
            if (ids[v] == packed) {
                return v;
            }
        }
    }

    /**
     * Collects rows (object, referenced object) as packed longs, then lays them out by object with duplicates and
     * self-references dropped, each id first replaced by the object it {@linkplain #fold folds onto}. Not
     * thread-safe.
     */
    public static final class Builder {
        private long[] from = new long[1024];
        private long[] to = new long[1024];
        private int rows;
        private long[] foldKeys = new long[64];
        private long[] foldValues = new long[64];
        private int folds;

        /** Rows that name {@code id}, on either side, stand for {@code onto} (a view's rule for the view...). */
        public void fold(ObjectId id, ObjectId onto) {
            if (folds * 2 >= foldKeys.length) {
                long[] keys = foldKeys;
                long[] values = foldValues;
                foldKeys = new long[keys.length * 2];
                foldValues = new long[keys.length * 2];
                folds = 0;
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i] != 0) {
                        putFold(keys[i], values[i]);
                    }
                }
            }
            putFold(pack(id.classOid(), id.oid()), pack(onto.classOid(), onto.oid()));
        }

        private void putFold(long key, long value) {
            int mask = foldKeys.length - 1;
            int s = slot(key, mask);
            while (foldKeys[s] != 0 && foldKeys[s] != key) {
                s = (s + 1) & mask;
            }
            if (foldKeys[s] == 0) {
                folds++;
            }
            foldKeys[s] = key; // no object has catalog OID 0 and OID 0: 0 marks an empty slot
            foldValues[s] = value;
        }

        private long folded(long key) {
            if (folds == 0) {
                return key;
            }
            int mask = foldKeys.length - 1;
            for (int s = slot(key, mask); foldKeys[s] != 0; s = (s + 1) & mask) {
                if (foldKeys[s] == key) {
                    return foldValues[s];
                }
            }
            return key;
        }

        public void add(long fromClass, long fromOid, long toClass, long toOid) {
            if (rows == from.length) {
                from = Arrays.copyOf(from, rows * 2);
                to = Arrays.copyOf(to, rows * 2);
            }
            from[rows] = pack(fromClass, fromOid);
            to[rows] = pack(toClass, toOid);
            rows++;
        }

        public Dependencies build() {
            int capacity = Integer.highestOneBit(Math.max(16, rows * 2)) * 2; // at most 2 ids per row, half full
            int[] table = new int[capacity];
            long[] ids = new long[Math.max(16, rows * 2)];
            int[] count = new int[ids.length + 1];
            int[] f = new int[rows];
            int[] t = new int[rows];
            int[] vertices = {0};
            for (int r = 0; r < rows; r++) {
                f[r] = intern(folded(from[r]), table, ids, vertices);
                t[r] = intern(folded(to[r]), table, ids, vertices);
                if (f[r] != t[r]) {
                    count[f[r]]++;
                }
            }
            int n = vertices[0];
            int[] starts = new int[n + 1];
            for (int v = 0; v < n; v++) {
                starts[v + 1] = starts[v] + count[v];
            }
            int[] fill = Arrays.copyOf(starts, n);
            int[] targets = new int[starts[n]];
            for (int r = 0; r < rows; r++) {
                if (f[r] != t[r]) {
                    targets[fill[f[r]]++] = t[r];
                }
            }
            // one row per pair, as pg_depend may list a pair several times (one row per column, per deptype)
            int[] compactStarts = new int[n + 1];
            int out = 0;
            for (int v = 0; v < n; v++) {
                int s = starts[v];
                int e = starts[v + 1];
                Arrays.sort(targets, s, e);
                compactStarts[v] = out;
                for (int i = s; i < e; i++) {
                    if (i == s || targets[i] != targets[i - 1]) {
                        targets[out++] = targets[i];
                    }
                }
            }
            compactStarts[n] = out;
            return new Dependencies(Arrays.copyOf(ids, n), compactStarts, Arrays.copyOf(targets, out), table);
        }

        private static int intern(long packed, int[] table, long[] ids, int[] vertices) {
            int mask = table.length - 1;
            for (int s = slot(packed, mask); ; s = (s + 1) & mask) {
                int v = table[s] - 1;
                if (v < 0) {
                    v = vertices[0]++;
                    ids[v] = packed;
                    table[s] = v + 1;
                    return v;
                }
                if (ids[v] == packed) {
                    return v;
                }
            }
        }
    }
}
