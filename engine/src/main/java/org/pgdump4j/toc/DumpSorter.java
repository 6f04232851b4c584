package org.pgdump4j.toc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * Orders dumpable objects as pg_dump_sort.c does: a pre-sort by type priority, schema and name (byte order, as
 * strcmp), the type's tie-break and the OID, then a topological sort that emits from the back, always taking the
 * latest ready object, so the pre-sort order is disturbed as little as the dependencies allow. Single-threaded,
 * stateless.
 */
final class DumpSorter {
    /**
     * @param key      identity of the object (dependencies name these keys)
     * @param kind     pg_dump's object type: its sort priority, then its enum order among equal names
     * @param tiebreak a last name to compare, e.g. the table of a constraint
     * @param inline   written inside another object's entry (a table's CHECK constraint): sorted by its kind but
     *                 not fenced into its section, as pg_dump fences constraints only when dumped separately
     * @param postponed pg_dump's postponed_def (a function needing a post-data object): the pre-data fence no
     *                 longer holds it, so it follows what it needs into post-data
     * @param postData fenced into post-data whatever its rank (an index's STATISTICS DATA, which pg_dump ranks with
     *                 the tables' but fences by its section)
     */
    record Item(Object key, ObjectKind kind, @Nullable String schema, String name, String tiebreak,
            List<Object> deps, boolean inline, boolean postponed, boolean postData) {
        /** {@code deps}: each key once (a list: an item has a handful, and a set per item cost more than the sort). */
        Item {
            deps = List.copyOf(deps);
        }

        Item(Object key, ObjectKind kind, @Nullable String schema, String name, String tiebreak, List<Object> deps,
                boolean inline, boolean postponed) {
            this(key, kind, schema, name, tiebreak, deps, inline, postponed, false);
        }

        Item(Object key, ObjectKind kind, @Nullable String schema, String name, String tiebreak, List<Object> deps,
                boolean inline) {
            this(key, kind, schema, name, tiebreak, deps, inline, false);
        }

        Item(Object key, ObjectKind kind, @Nullable String schema, String name, String tiebreak, List<Object> deps) {
            this(key, kind, schema, name, tiebreak, deps, false, false);
        }
    }

    private DumpSorter() {
    }

    /**
     * Objects whose dependencies form a loop that none of pg_dump_sort.c's repairs implemented here breaks. pg_dump
     * would break it at an arbitrary place with a warning; an arbitrary break can make a dump that does not
     * restore, so the dump is refused instead, naming the loop.
     */
    static final class DependencyLoopException extends PgDumpException {
        private final transient List<Item> loop;

        DependencyLoopException(List<Item> loop) {
            super("could not resolve dependency loop among these items: " + loop.stream()
                    .map(i -> i.key() instanceof Boundary ? i.name()
                            : i.kind() + " " + (i.schema() == null ? "" : i.schema() + ".") + i.name())
                    .collect(java.util.stream.Collectors.joining(", "))
                    + "; pgdump4j does not repair such a loop yet");
            this.loop = List.copyOf(loop);
        }

        /** The objects of the loop, each depending on the one before it. */
        List<Item> loop() {
            return loop;
        }
    }

    /**
     * The sort's outcome over the list it was given.
     *
     * @param items the items sorted, in the order given
     * @param order their places in {@code items}, in dump order
     * @param deps  each item's dependencies as places in {@code items} (keys that are no item left out)
     */
    record Sorted(List<Item> items, int[] order, int[][] deps) {
        int[] deps(int at) {
            return deps[at];
        }

        List<Item> inOrder() {
            List<Item> out = new ArrayList<>(order.length);
            for (int at : order) {
                out.add(items.get(at));
            }
            return out;
        }
    }

    static List<Item> sort(List<Item> input) {
        return sortIndexed(input).inOrder();
    }

    /**
     * Resolves every item's dependencies to places once (the only lookups by key), pre-sorts, and sorts
     * topologically over ints, as pg_dump_sort.c works on arrays of dump ids.
     */
    static Sorted sortIndexed(List<Item> input) {
        int n = input.size();
        Map<Object, Integer> index = new HashMap<>(n * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
            index.put(input.get(i).key(), i);
        }
        int[][] deps = new int[n][];
        int[] buffer = new int[16];
        for (int i = 0; i < n; i++) {
            List<Object> keys = input.get(i).deps();
            if (buffer.length < keys.size()) {
                buffer = new int[keys.size()];
            }
            int count = 0;
            for (int k = 0, size = keys.size(); k < size; k++) {
                Integer j = index.get(keys.get(k));
                if (j != null && j != i) {
                    buffer[count++] = j;
                }
            }
            deps[i] = count == 0 ? NONE : Arrays.copyOf(buffer, count);
        }
        Integer[] presorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            presorted[i] = i;
        }
        Arrays.sort(presorted, (a, b) -> compare(input.get(a), input.get(b)));
        int[] placedAt = topoSort(input, presorted, deps);
        return new Sorted(input, placedAt, deps);
    }

    private static final int[] NONE = new int[0];

    /** pg_dump_sort.c's DOTypeNameCompare, in one method (a chain of comparators cost twice as much). */
    private static int compare(Item a, Item b) {
        int c = Integer.compare(a.kind().priority(), b.kind().priority());
        if (c == 0) {
            c = compareSchema(a, b);
        }
        if (c == 0) {
            c = strcmp(a.name(), b.name());
        }
        if (c == 0) {
            c = Integer.compare(a.kind().ordinal(), b.kind().ordinal());
        }
        if (c == 0) {
            c = strcmp(a.tiebreak(), b.tiebreak());
        }
        return c != 0 ? c : Long.compare(oid(a), oid(b));
    }

    private enum Boundary { PRE, POST }

    /**
     * The topological sort over pre-sorted places {@code 0..n+1}: the items in pre-sort order with the two fences
     * among them. Pre-data objects come before the pre-data fence, data between the fences, post-data after; the
     * post-data fence follows the pre-data one even when there is no data (-s), so a pre-data object that needs a
     * post-data one is a loop, not a silently misplaced entry. Returns the items' places in {@code input}, in
     * dump order.
     */
    private static int[] topoSort(List<Item> input, Integer[] presorted, int[][] inputDeps) {
        int n = input.size() + 2;
        int preRank = ObjectKind.PRE_DATA_BOUNDARY.priority();
        int postRank = ObjectKind.POST_DATA_BOUNDARY.priority();
        // the pre-sorted list: input places, -1 and -2 for the fences
        int[] inputAt = new int[n];
        int[] sortedAt = new int[n - 2];
        int pre = -1;
        int post = -1;
        int m = 0;
        for (Integer i : presorted) {
            int rank = input.get(i).kind().priority();
            if (pre < 0 && rank > preRank) {
                pre = m;
                inputAt[m++] = -1;
            }
            if (post < 0 && rank > postRank) {
                post = m;
                inputAt[m++] = -2;
            }
            sortedAt[i] = m;
            inputAt[m++] = i;
        }
        if (pre < 0) {
            pre = m;
            inputAt[m++] = -1;
        }
        if (post < 0) {
            post = m;
            inputAt[m++] = -2;
        }
        int[][] depsOf = new int[n][];
        int[] preDeps = new int[n];
        int preCount = 0;
        int[] postDeps = new int[n];
        int postCount = 0;
        postDeps[postCount++] = pre;
        for (int s = 0; s < n; s++) {
            int i = inputAt[s];
            if (i < 0) {
                continue; // a fence: filled below, once every rank is known
            }
            Item item = input.get(i);
            int[] d = inputDeps[i];
            int[] out = new int[d.length + 1];
            int count = 0;
            for (int j : d) {
                out[count++] = sortedAt[j];
            }
            int rank = item.kind().priority();
            if (item.inline() || item.postponed()) {
                // no fence: its place follows the object written around it, or what it needs
            } else if (item.postData()) {
                out[count++] = post;
            } else if (rank < preRank) {
                preDeps[preCount++] = s;
            } else if (rank < postRank) {
                out[count++] = pre;
                postDeps[postCount++] = s;
            } else {
                out[count++] = post;
            }
            depsOf[s] = count == out.length ? out : Arrays.copyOf(out, count);
        }
        depsOf[pre] = Arrays.copyOf(preDeps, preCount);
        depsOf[post] = Arrays.copyOf(postDeps, postCount);
        int[] dependents = new int[n];
        for (int[] deps : depsOf) {
            for (int d : deps) {
                dependents[d]++;
            }
        }
        ReadyHeap ready = new ReadyHeap(n);
        for (int s = 0; s < n; s++) {
            if (dependents[s] == 0) {
                ready.add(s);
            }
        }
        int[] ordered = new int[n - 2];
        boolean[] placed = new boolean[n];
        int next = n;
        int out = n - 2;
        while (next > 0) {
            if (ready.isEmpty()) {
                throw new DependencyLoopException(loop(presortedItems(input, inputAt, pre, post), depsOf, placed));
            }
            int j = ready.poll();
            if (placed[j]) {
                continue;
            }
            placed[j] = true;
            next--;
            if (inputAt[j] >= 0) {
                ordered[--out] = inputAt[j];
            }
            for (int d : depsOf[j]) {
                if (--dependents[d] == 0 && !placed[d]) {
                    ready.add(d);
                }
            }
        }
        return ordered;
    }

    /** The pre-sorted list as items, the fences included: to name a loop. */
    private static List<Item> presortedItems(List<Item> input, int[] inputAt, int pre, int post) {
        List<Item> out = new ArrayList<>(inputAt.length);
        for (int at : inputAt) {
            out.add(at >= 0 ? input.get(at) : at == -1
                    ? new Item(Boundary.PRE, ObjectKind.PRE_DATA_BOUNDARY, null, "PRE-DATA BOUNDARY", "", List.of())
                    : new Item(Boundary.POST, ObjectKind.POST_DATA_BOUNDARY, null, "POST-DATA BOUNDARY", "",
                            List.of()));
        }
        return out;
    }

    /** The ready items, latest in the pre-sort first: a max-heap of ints (a queue of boxed ones cost more). */
    private static final class ReadyHeap {
        private final int[] heap;
        private int size;

        ReadyHeap(int capacity) {
            heap = new int[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(int value) {
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (heap[parent] >= value) {
                    break;
                }
                heap[at] = heap[parent];
                at = parent;
            }
            heap[at] = value;
        }

        int poll() {
            int top = heap[0];
            int last = heap[--size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1] > heap[child]) {
                    child++;
                }
                if (heap[child] <= last) {
                    break;
                }
                heap[at] = heap[child];
                at = child;
            }
            heap[at] = last;
            return top;
        }
    }

    /**
     * A loop among the unplaced items: each of them still has an unplaced dependent, so walking from one to a
     * dependent must come back to an item already seen.
     */
    private static List<Item> loop(List<Item> items, int[][] depsOf, boolean[] placed) {
        int n = items.size();
        int[] dependentOf = new int[n];
        Arrays.fill(dependentOf, -1);
        for (int i = 0; i < n; i++) {
            if (!placed[i]) {
                for (int d : depsOf[i]) {
                    dependentOf[d] = i;
                }
            }
        }
        int at = 0;
        while (placed[at]) {
            at++;
        }
        int[] seenAt = new int[n];
        Arrays.fill(seenAt, -1);
        List<Integer> path = new ArrayList<>();
        while (seenAt[at] < 0) {
            seenAt[at] = path.size();
            path.add(at);
            at = dependentOf[at];
        }
        List<Item> loop = new ArrayList<>();
        for (int k = seenAt[at]; k < path.size(); k++) {
            loop.add(items.get(path.get(k)));
        }
        return loop;
    }

    /** pg_dump's last resort: the catalog OID (objects without one, such as data entries, compare equal). */
    private static long oid(Item i) {
        return i.key() instanceof ObjectId id ? id.oid() : 0;
    }

    private static int compareSchema(Item a, Item b) {
        if (a.schema() != null && b.schema() != null) {
            return strcmp(a.schema(), b.schema());
        }
        return a.schema() != null ? -1 : b.schema() != null ? 1 : 0;
    }

    /**
     * C strcmp over UTF-8 bytes, which differs from String.compareTo beyond the BMP. UTF-8 keeps the order of code
     * points, and below the surrogates a char is a code point, so the first differing chars decide without encoding
     * (the sort compares each name about log n times: encoding them all was most of its allocation).
     */
    static int strcmp(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x < Character.MIN_SURROGATE && y < Character.MIN_SURROGATE) {
                    return x - y;
                }
                int from = i > 0 && Character.isHighSurrogate(a.charAt(i - 1)) ? i - 1 : i;  // keep pairs whole
                return Arrays.compareUnsigned(a.substring(from).getBytes(StandardCharsets.UTF_8),
                        b.substring(from).getBytes(StandardCharsets.UTF_8));
            }
        }
        return a.length() - b.length();
    }
}
