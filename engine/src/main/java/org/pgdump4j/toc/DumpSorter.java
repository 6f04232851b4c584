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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Orders dumpable objects as pg_dump_sort.c does: a pre-sort by type priority, schema and name (byte order, as
 * strcmp), then a topological sort that emits from the back, always taking the latest ready object, so the
 * pre-sort order is disturbed as little as the dependencies allow. Single-threaded, stateless.
 */
final class DumpSorter {
    /** pg_dump_sort.c's dbObjectTypePriority ranks for the kinds we dump. */
    enum Priority {
        NAMESPACE(1), TABLE(20), ATTRDEF(23), PRE_DATA_BOUNDARY(24), TABLE_DATA(25), SEQUENCE_SET(26),
        LARGE_OBJECT(27), LARGE_OBJECT_DATA(28),
        POST_DATA_BOUNDARY(30), CONSTRAINT(31), INDEX(32), FK_CONSTRAINT(37);

        final int rank;

        Priority(int rank) {
            this.rank = rank;
        }
    }

    /**
     * @param key      identity of the object (dependencies name these keys)
     * @param subtype  pg_dump's object type enum order inside one priority (table, view, sequence share one)
     * @param tiebreak a last name to compare, e.g. the table of a constraint
     */
    record Item(Object key, Priority priority, int subtype, @Nullable String schema, String name, String tiebreak,
            Set<Object> deps) {
        Item {
            deps = Set.copyOf(deps);
        }
    }

    private DumpSorter() {
    }

    static List<Item> sort(List<Item> input, Consumer<String> warn) {
        List<Item> items = new ArrayList<>(input);
        items.sort(Comparator.comparingInt((Item i) -> i.priority().rank)
                .thenComparing(DumpSorter::compareSchema)
                .thenComparing(i -> i.name(), DumpSorter::strcmp)
                .thenComparingInt(Item::subtype)
                .thenComparing(Item::tiebreak, DumpSorter::strcmp));
        return topoSort(withBoundaries(items), warn).stream()
                .filter(i -> !(i.key() instanceof Boundary)).toList();
    }

    private enum Boundary { PRE, POST }

    /** Pre-data objects come before the pre-data fence, data between the fences, post-data after. */
    private static List<Item> withBoundaries(List<Item> items) {
        List<Object> preData = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            if (i.priority().rank < Priority.PRE_DATA_BOUNDARY.rank) {
                preData.add(i.key());
            } else if (i.priority().rank < Priority.POST_DATA_BOUNDARY.rank) {
                data.add(i.key());
            }
        }
        Item pre = new Item(Boundary.PRE, Priority.PRE_DATA_BOUNDARY, 0, null, "PRE-DATA BOUNDARY", "",
                Set.copyOf(preData));
        Item post = new Item(Boundary.POST, Priority.POST_DATA_BOUNDARY, 0, null, "POST-DATA BOUNDARY", "",
                Set.copyOf(data));
        boolean preAdded = false;
        boolean postAdded = false;
        for (Item i : items) {
            if (!preAdded && i.priority().rank > Priority.PRE_DATA_BOUNDARY.rank) {
                out.add(pre);
                preAdded = true;
            }
            if (!postAdded && i.priority().rank > Priority.POST_DATA_BOUNDARY.rank) {
                out.add(post);
                postAdded = true;
            }
            int rank = i.priority().rank;
            if (rank > Priority.POST_DATA_BOUNDARY.rank) {
                out.add(withDep(i, Boundary.POST));
            } else if (rank > Priority.PRE_DATA_BOUNDARY.rank) {
                out.add(withDep(i, Boundary.PRE));
            } else {
                out.add(i);
            }
        }
        if (!preAdded) {
            out.add(pre);
        }
        if (!postAdded) {
            out.add(post);
        }
        return out;
    }

    private static Item withDep(Item i, Object dep) {
        Set<Object> deps = new java.util.HashSet<>(i.deps());
        deps.add(dep);
        return new Item(i.key(), i.priority(), i.subtype(), i.schema(), i.name(), i.tiebreak(), deps);
    }

    private static List<Item> topoSort(List<Item> items, Consumer<String> warn) {
        int n = items.size();
        Map<Object, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(items.get(i).key(), i);
        }
        int[] dependents = new int[n];
        List<int[]> depsOf = new ArrayList<>(n);
        for (Item item : items) {
            int[] deps = item.deps().stream().map(index::get).filter(j -> j != null && j != index.get(item.key()))
                    .mapToInt(Integer::intValue).toArray();
            depsOf.add(deps);
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
                // A loop we do not know how to repair: break it at the latest object, as pg_dump does at last.
                int victim = n - 1;
                while (placed[victim] || dependents[victim] == 0 && ready.contains(victim)) {
                    victim--;
                }
                warn.accept("could not resolve dependency loop; breaking it at " + items.get(victim).name());
                dependents[victim] = 0;
                ready.add(victim);
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
