package org.pgdump4j.toc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.MaterializedView;
import org.pgdump4j.model.DbObject;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.relation.View;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.model.type.ShellType;
import org.pgdump4j.toc.DumpSorter.Item;

/**
 * pg_dump_sort.c's dependency loop repairs, one method each, and the sort that applies them: sort, and on a loop
 * try each repair in pg_dump's order; a loop no repair breaks fails the dump, naming its objects. The repairs
 * change the sort items and record what the emitter must then write differently (a view as a placeholder plus a
 * rule, a CHECK written separately, a shell type written). One instance per dump.
 */
final class LoopRepairs {
    /** A view's ON SELECT rule, split off the view to break a dependency loop. */
    record ViewRuleKey(ObjectId view) {
    }

    private final Map<ObjectId, DbObject> objects;
    /** Views written as placeholders, their definition in a RULE entry (see repairViewRuleMultiLoop). */
    private final Set<ObjectId> splitViews = new HashSet<>();
    /** CHECK constraints written separately to break a loop (see repairTableConstraintMultiLoop). */
    private final Set<ObjectId> separateChecks = new HashSet<>();
    /** Shell types the sort gave components to (see repairTypeFuncLoops). */
    private final Map<ObjectId, Components> forcedShells = new HashMap<>();
    /**
     * Functions and materialized views whose definition the sort moved into post-data (see
     * repairFunctionBoundaryMultiLoop and repairMatViewBoundaryMultiLoop).
     */
    private final Set<ObjectId> postponed = new HashSet<>();

    private final Consumer<String> warnings;

    /**
     * @param objects  the dumped objects by id (the repairs look at what a loop's items are)
     * @param warnings gets the warnings pg_dump prints for the loops it breaks
     */
    LoopRepairs(Map<ObjectId, DbObject> objects, Consumer<String> warnings) {
        this.objects = objects;
        this.warnings = warnings;
    }

    boolean splitView(ObjectId view) {
        return splitViews.contains(view);
    }

    boolean separateCheck(ObjectId constraint) {
        return separateChecks.contains(constraint);
    }

    /** The components an object is written with: its own, unless a repair forced a shell type's. */
    Components components(FamilyObject o) {
        return forcedShells.getOrDefault(o.id(), o.components());
    }

    /**
     * Sorts, repairing each loop the sort meets as pg_dump_sort.c's repairDependencyLoop does, trying its repairs in
     * its order: a view split into a placeholder and its rule; a materialized view, then a function, needing a
     * post-data object postponed into post-data; a table's CHECK constraint written separately. (The two-object loops pg_dump repairs by dropping
     * the implicit edge never arise here: our items carry no such edge. The type/function, column default and
     * domain constraint repairs are made before the sort, as they always apply.) Any other loop fails the dump,
     * naming its objects. Changes {@code items}; the result is over the list so changed.
     */
    DumpSorter.Sorted sort(List<Item> items) {
        repairTypeFuncLoops(items);
        for (Item i : List.copyOf(items)) {
            if (i.kind() == ObjectKind.TABLE_DATA && i.deps().contains(i.key())) {
                repairTableDataLoop(items, List.of(i)); // the sort ignores an item's dependency on itself
            }
        }
        while (true) {
            try {
                return DumpSorter.sortIndexed(items);
            } catch (DumpSorter.DependencyLoopException e) {
                List<Item> loop = e.loop();
                if (!repairViewRuleMultiLoop(items, loop) && !repairMatViewBoundaryMultiLoop(items, loop)
                        && !repairFunctionBoundaryMultiLoop(items, loop)
                        && !repairTableConstraintMultiLoop(items, loop) && !repairTableDataLoop(items, loop)) {
                    throw e;
                }
            }
        }
    }

    /**
     * pg_dump_sort.c's repair for a loop of tables' rows only: in a data-only dump a table's rows follow the rows of
     * the tables its foreign keys reference, so foreign keys that reference each other (or their own table) make a
     * loop. pg_dump warns, naming the tables, and drops the first table's dependency on the next. It walks the loop
     * along dependencies from the table first in its dump order (table OID order); ours comes the other way round.
     */
    private boolean repairTableDataLoop(List<Item> items, List<Item> loop) {
        if (loop.stream().anyMatch(i -> i.kind() != ObjectKind.TABLE_DATA || !(i.key() instanceof TocBuilder.DataKey))) {
            return false;
        }
        List<Item> walk = new ArrayList<>(loop);
        Collections.reverse(walk);
        int start = 0;
        for (int k = 1; k < walk.size(); k++) {
            if (oid(walk.get(k)) < oid(walk.get(start))) {
                start = k;
            }
        }
        Collections.rotate(walk, -start);
        StringBuilder w = new StringBuilder(walk.size() == 1
                ? "there are circular foreign-key constraints on this table:"
                : "there are circular foreign-key constraints among these tables:");
        walk.forEach(i -> w.append("\ndetail: ").append(i.name()));
        w.append("\nhint: You might not be able to restore the dump without using --disable-triggers or temporarily"
                + " dropping the constraints.");
        w.append("\nhint: Consider using a full dump instead of a --data-only dump to avoid this problem.");
        warnings.accept(w.toString());
        Item first = walk.get(0);
        List<Object> deps = new ArrayList<>(first.deps());
        deps.remove(walk.get(walk.size() > 1 ? 1 : 0).key());
        replace(items, new Item(first.key(), first.kind(), first.schema(), first.name(), first.tiebreak(), deps,
                first.inline(), first.postponed()));
        return true;
    }

    private static long oid(Item dataItem) {
        return ((TocBuilder.DataKey) dataItem.key()).of().oid();
    }

    /** Whether the sort moved a function's or materialized view's definition into post-data (postponed_def). */
    boolean postponed(ObjectId object) {
        return postponed.contains(object);
    }

    /**
     * pg_dump_sort.c's repairMatViewBoundaryMultiLoop: a loop through a materialized view and the pre-data fence
     * (its query groups by a table's primary key, a post-data constraint) is broken by releasing the object the
     * fence needs in the loop; a materialized view released so is written in post-data. pg_dump releases that
     * object whatever it is; anything but a materialized view would land out of its section, so that loop is left
     * to the next repair (and refused if none applies).
     */
    private boolean repairMatViewBoundaryMultiLoop(List<Item> items, List<Item> loop) {
        return releaseFromFence(items, loop, this::isMatView);
    }

    private boolean isMatView(Item i) {
        return i.kind() == ObjectKind.TABLE && i.key() instanceof ObjectId id
                && objects.get(id) instanceof MaterializedView;
    }

    /**
     * pg_dump_sort.c's repairFunctionBoundaryMultiLoop: a loop through a function and the pre-data fence (a
     * {@code BEGIN ATOMIC} body grouping by a table's primary key needs that post-data constraint) is broken by
     * releasing the function from the fence: it follows what it needs, its entry filed under post-data. pg_dump
     * releases whatever object the fence needs in the loop, a function or not; anything but a function would land
     * out of its section (a column default calling such a function, say), so that loop is refused instead.
     */
    private boolean repairFunctionBoundaryMultiLoop(List<Item> items, List<Item> loop) {
        return releaseFromFence(items, loop, i -> i.kind() == ObjectKind.FUNC && i.key() instanceof ObjectId);
    }

    /**
     * The two boundary repairs: in a loop of more than two items holding one that {@code kind} accepts, the item the
     * pre-data fence needs in the loop is released from the fence (postponed into post-data) if {@code kind} accepts
     * it; otherwise the loop is left to the next repair.
     */
    private boolean releaseFromFence(List<Item> items, List<Item> loop, Predicate<Item> kind) {
        int n = loop.size();
        if (n <= 2 || loop.stream().noneMatch(kind)) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (loop.get(j).kind() != ObjectKind.PRE_DATA_BOUNDARY) {
                continue;
            }
            Item next = loop.get((j + n - 1) % n); // each item of the loop depends on the one before it
            if (!kind.test(next)) {
                return false;
            }
            postponed.add((ObjectId) next.key());
            replace(items, new Item(next.key(), next.kind(), next.schema(), next.name(), next.tiebreak(),
                    next.deps(), next.inline(), true));
            return true;
        }
        return false;
    }

    /**
     * pg_dump_sort.c's repairTableConstraintMultiLoop: a loop through a table and one of its CHECK constraints
     * (the check calls a function that reads the table) is broken by writing the constraint separately, after
     * the table, in post-data.
     */
    private boolean repairTableConstraintMultiLoop(List<Item> items, List<Item> loop) {
        for (Item c : loop) {
            if (!c.inline() || !(objects.get(c.key()) instanceof Constraint k)
                    || loop.stream().noneMatch(i -> i.key().equals(k.table()))) {
                continue;
            }
            separateChecks.add(k.id());
            List<Object> checkDeps = new ArrayList<>(c.deps());
            if (!checkDeps.contains(k.table())) {
                checkDeps.add(k.table());
            }
            replace(items, new Item(c.key(), c.kind(), c.schema(), c.name(), c.tiebreak(), checkDeps));
            Item table = find(items, k.table());
            List<Object> tableDeps = new ArrayList<>(table.deps());
            tableDeps.remove(k.id());
            replace(items, new Item(table.key(), table.kind(), table.schema(), table.name(), table.tiebreak(),
                    tableDeps));
            return true;
        }
        return false;
    }

    /**
     * pg_dump_sort.c's repairViewRuleMultiLoop: a loop through a view (its ON SELECT rule needs an object that
     * needs the view, or a post-data one) is broken by writing the view with placeholder columns and no
     * dependencies but its schema, its real definition following as a RULE entry in post-data.
     */
    private boolean repairViewRuleMultiLoop(List<Item> items, List<Item> loop) {
        View v = loop.stream().map(i -> objects.get(i.key())).filter(o -> o instanceof View)
                .map(o -> (View) o).filter(o -> !splitViews.contains(o.id())).findFirst().orElse(null);
        if (v == null) {
            return false;
        }
        splitViews.add(v.id());
        Item view = find(items, v.id());
        List<Object> schemaOnly = new ArrayList<>();
        for (Object d : view.deps()) {
            if (objects.get(d) instanceof Schema) {
                schemaOnly.add(d);
            }
        }
        List<Object> ruleDeps = new ArrayList<>(view.deps());
        if (!ruleDeps.contains(v.id())) {
            ruleDeps.add(v.id());
        }
        replace(items, new Item(v.id(), view.kind(), view.schema(), view.name(), view.tiebreak(), schemaOnly));
        items.add(new Item(new ViewRuleKey(v.id()), ObjectKind.RULE, view.schema(), "_RETURN", view.name(),
                ruleDeps));
        return true;
    }

    /**
     * pg_dump_sort.c's repairTypeFuncLoop, for every loop it would meet: a type and a function that depend on each
     * other (a base type and its I/O functions, a range type and its canonical function). The function depends on
     * the type's shell instead, and the shell is written with the function's components and its definition.
     */
    private void repairTypeFuncLoops(List<Item> items) {
        Map<Object, Item> byKey = new HashMap<>();
        items.forEach(i -> byKey.put(i.key(), i));
        for (int n = 0; n < items.size(); n++) {
            Item f = items.get(n);
            if (f.kind() != ObjectKind.FUNC) {
                continue;
            }
            List<Object> deps = null;
            for (Object d : f.deps()) {
                Item type = byKey.get(d);
                if (type == null || type.kind() != ObjectKind.TYPE || !type.deps().contains(f.key())) {
                    continue;
                }
                deps = deps == null ? new ArrayList<>(f.deps()) : deps;
                deps.remove(d);
                ObjectId shell = ShellType.idFor((ObjectId) d);
                if (objects.containsKey(shell)) {
                    if (!deps.contains(shell)) {
                        deps.add(shell);
                    }
                    Components fc = ((FamilyObject) objects.get((ObjectId) f.key())).components();
                    if (!fc.isEmpty()) {
                        forcedShells.put(shell, new Components(fc.bits() | Components.DEFINITION));
                    }
                }
            }
            if (deps != null) {
                items.set(n, new Item(f.key(), f.kind(), f.schema(), f.name(), f.tiebreak(), deps));
            }
        }
    }

    private static Item find(List<Item> items, Object key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
    }

    private static void replace(List<Item> items, Item item) {
        for (int at = 0; at < items.size(); at++) {
            if (items.get(at).key().equals(item.key())) {
                items.set(at, item);
                return;
            }
        }
        throw new IllegalStateException("no sort item " + item.key());
    }
}
