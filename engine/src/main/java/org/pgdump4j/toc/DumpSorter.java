package org.pgdump4j.toc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
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
            Set<Object> deps, boolean inline, boolean postponed, boolean postData) {
        Item {
            deps = Set.copyOf(deps);
        }

        Item(Object key, ObjectKind kind, @Nullable String schema, String name, String tiebreak, Set<Object> deps,
                boolean inline, boolean postponed) {
            this(key, kind, schema, name, tiebreak, deps, inline, postponed, false);
        }

        Item(Object key, ObjectKind kind, @Nullable String schema, String name, String tiebreak, Set<Object> deps,
                boolean inline) {
            this(key, kind, schema, name, tiebreak, deps, inline, false);
        }

        Item(Object key, ObjectKind kind, @Nullable String schema, String name, String tiebreak, Set<Object> deps) {
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

    static List<Item> sort(List<Item> input) {
        List<Item> items = new ArrayList<>(input);
        items.sort(Comparator.comparingInt((Item i) -> i.kind().priority())
                .thenComparing(DumpSorter::compareSchema)
                .thenComparing(i -> i.name(), DumpSorter::strcmp)
                .thenComparingInt(i -> i.kind().ordinal())
                .thenComparing(Item::tiebreak, DumpSorter::strcmp)
                .thenComparingLong(DumpSorter::oid));
        return topoSort(withBoundaries(items)).stream()
                .filter(i -> !(i.key() instanceof Boundary)).toList();
    }

    private enum Boundary { PRE, POST }

    /**
     * Pre-data objects come before the pre-data fence, data between the fences, post-data after; the post-data
     * fence follows the pre-data one even when there is no data (-s), so a pre-data object that needs a
     * post-data one is a loop, not a silently misplaced entry. The fences are placed in the pre-sorted list;
     * their edges are added by rank in {@link #topoSort} (copying every item's dependency set to add one cost
     * more than the sort itself on large catalogs).
     */
    private static List<Item> withBoundaries(List<Item> items) {
        Item pre = new Item(Boundary.PRE, ObjectKind.PRE_DATA_BOUNDARY, null, "PRE-DATA BOUNDARY", "", Set.of());
        Item post = new Item(Boundary.POST, ObjectKind.POST_DATA_BOUNDARY, null, "POST-DATA BOUNDARY", "", Set.of());
        List<Item> out = new ArrayList<>(items.size() + 2);
        boolean preAdded = false;
        boolean postAdded = false;
        for (Item i : items) {
            if (!preAdded && i.kind().priority() > ObjectKind.PRE_DATA_BOUNDARY.priority()) {
                out.add(pre);
                preAdded = true;
            }
            if (!postAdded && i.kind().priority() > ObjectKind.POST_DATA_BOUNDARY.priority()) {
                out.add(post);
                postAdded = true;
            }
            out.add(i);
        }
        if (!preAdded) {
            out.add(pre);
        }
        if (!postAdded) {
            out.add(post);
        }
        return out;
    }

    private static List<Item> topoSort(List<Item> items) {
        int n = items.size();
        Map<Object, Integer> index = new HashMap<>(n * 4 / 3 + 1);
        int pre = -1;
        int post = -1;
        for (int i = 0; i < n; i++) {
            Object key = items.get(i).key();
            index.put(key, i);
            if (key == Boundary.PRE) {
                pre = i;
            } else if (key == Boundary.POST) {
                post = i;
            }
        }
        int preRank = ObjectKind.PRE_DATA_BOUNDARY.priority();
        int postRank = ObjectKind.POST_DATA_BOUNDARY.priority();
        List<Integer> preDeps = new ArrayList<>();
        List<Integer> postDeps = new ArrayList<>(List.of(pre));
        int[] dependents = new int[n];
        List<int[]> depsOf = new ArrayList<>(n);
        int[] buffer = new int[16];
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            int rank = item.kind().priority();
            if (buffer.length < item.deps().size() + 1) {
                buffer = new int[item.deps().size() + 1];
            }
            int count = 0;
            for (Object d : item.deps()) {
                Integer j = index.get(d);
                if (j != null && j != i) {
                    buffer[count++] = j;
                }
            }
            if (i == pre || i == post) {
                depsOf.add(null); // filled below, once every rank is known
                continue;
            }
            if (item.inline() || item.postponed()) {
                // no fence: its place follows the object written around it, or what it needs
            } else if (item.postData()) {
                buffer[count++] = post;
            } else if (rank < preRank) {
                preDeps.add(i);
            } else if (rank < postRank) {
                buffer[count++] = pre;
                postDeps.add(i);
            } else {
                buffer[count++] = post;
            }
            depsOf.add(Arrays.copyOf(buffer, count));
        }
        depsOf.set(pre, preDeps.stream().mapToInt(Integer::intValue).toArray());
        depsOf.set(post, postDeps.stream().mapToInt(Integer::intValue).toArray());
        for (int[] deps : depsOf) {
            for (int d : deps) {
                dependents[d]++;
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>(Comparator.reverseOrder());
        for (int i = 0; i < n; i++) {
            if (dependents[i] == 0) {
                ready.add(i);
            }
        }
        Item[] ordered = new Item[n];
        boolean[] placed = new boolean[n];
        int next = n;
        while (next > 0) {
            if (ready.isEmpty()) {
                throw new DependencyLoopException(loop(items, depsOf, placed));
            }
            int j = ready.poll();
            if (placed[j]) {
                continue;
            }
            placed[j] = true;
            ordered[--next] = items.get(j);
            for (int d : depsOf.get(j)) {
                if (--dependents[d] == 0 && !placed[d]) {
                    ready.add(d);
                }
            }
        }
        return Arrays.asList(ordered);
    }

    /**
     * A loop among the unplaced items: each of them still has an unplaced dependent, so walking from one to a
     * dependent must come back to an item already seen.
     */
    private static List<Item> loop(List<Item> items, List<int[]> depsOf, boolean[] placed) {
        int n = items.size();
        int[] dependentOf = new int[n];
        Arrays.fill(dependentOf, -1);
        for (int i = 0; i < n; i++) {
            if (!placed[i]) {
                for (int d : depsOf.get(i)) {
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
