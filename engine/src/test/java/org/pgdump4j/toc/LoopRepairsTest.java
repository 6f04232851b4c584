package org.pgdump4j.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.DbObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.MaterializedView;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.model.relation.View;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.toc.DumpSorter.Item;

/** pg_dump_sort.c's loop repairs on small item graphs: what each repair changes, and the loops none repairs. */
class LoopRepairsTest {
    private static final long PG_PROC = 1255;
    private static final long PG_TYPE = 1247;
    private static final Ownership OWN = new Ownership("alice", null, List.of());
    private static final ObjectId S = new ObjectId(ObjectId.PG_NAMESPACE, 10);
    private static final ObjectId T = new ObjectId(ObjectId.PG_CLASS, 20);
    private static final ObjectId K = new ObjectId(ObjectId.PG_CONSTRAINT, 21);
    private static final ObjectId C = new ObjectId(ObjectId.PG_CONSTRAINT, 22);
    private static final ObjectId I = new ObjectId(ObjectId.PG_CLASS, 23);
    private static final ObjectId V = new ObjectId(ObjectId.PG_CLASS, 30);
    private static final ObjectId T2 = new ObjectId(ObjectId.PG_CLASS, 31);
    private static final ObjectId F = new ObjectId(PG_PROC, 40);
    private static final ObjectId G = new ObjectId(PG_PROC, 41);
    private static final ObjectId H = new ObjectId(PG_PROC, 42);

    private final Map<ObjectId, DbObject> objects = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final LoopRepairs repairs = new LoopRepairs(objects, warnings::add);

    private static Item item(ObjectId key, ObjectKind kind, String name, ObjectId... deps) {
        return new Item(key, kind, "s", name, "", List.of((Object[]) deps));
    }

    private List<Object> sort(Item... items) {
        return repairs.sort(new ArrayList<>(List.of(items))).inOrder().stream().map(Item::key).toList();
    }

    private static Item data(ObjectId table, String name, ObjectId... references) {
        Set<Object> deps = new java.util.HashSet<>();
        for (ObjectId r : references) {
            deps.add(new TocBuilder.DataKey(r));
        }
        return new Item(new TocBuilder.DataKey(table), ObjectKind.TABLE_DATA, "s", name, "", List.copyOf(deps));
    }

    private static final String HINTS = "\nhint: You might not be able to restore the dump without using"
            + " --disable-triggers or temporarily dropping the constraints.\nhint: Consider using a full dump"
            + " instead of a --data-only dump to avoid this problem.";

    /**
     * Data-only: tables whose foreign keys reference each other. pg_dump starts at the table first in OID order (a)
     * and drops its dependency on the next (b), so a's rows come first; a table referencing itself warns alone.
     */
    @Test
    void tableDataLoopsWarnAndDropOneEdge() {
        List<Object> order = sort(data(T, "a", T2), data(T2, "b", T), data(V, "self", V));
        assertEquals(List.of(new TocBuilder.DataKey(T), new TocBuilder.DataKey(T2), new TocBuilder.DataKey(V)), order);
        assertEquals(List.of("there are circular foreign-key constraints on this table:\ndetail: self" + HINTS,
                "there are circular foreign-key constraints among these tables:\ndetail: a\ndetail: b" + HINTS),
                warnings);
    }

    /** A function grouping by a primary key, and one calling it: both follow the key; the fence holds the rest. */
    @Test
    void functionsNeedingAPostDataObjectArePostponed() {
        List<Object> order = sort(item(T, ObjectKind.TABLE, "t"), item(K, ObjectKind.CONSTRAINT, "t_pkey", T),
                item(I, ObjectKind.INDEX, "t_v", T), item(F, ObjectKind.FUNC, "f", K),
                item(G, ObjectKind.FUNC, "g", F), item(H, ObjectKind.FUNC, "h"));
        assertEquals(List.of(H, T, K, F, G, I), order);
        assertTrue(repairs.postponed(F));
        assertTrue(repairs.postponed(G));
        assertFalse(repairs.postponed(H));
    }

    /** pg_dump would release the table from the fence too, leaving it out of its section: refused, named. */
    @Test
    void aTableNeedingAPostponedFunctionIsRefused() {
        var e = assertThrows(DumpSorter.DependencyLoopException.class, () -> sort(item(T, ObjectKind.TABLE, "t"),
                item(K, ObjectKind.CONSTRAINT, "t_pkey", T), item(F, ObjectKind.FUNC, "f", K),
                item(T2, ObjectKind.TABLE, "t2", F)));
        assertTrue(e.getMessage().contains("TABLE s.t2"), e.getMessage());
        assertTrue(e.getMessage().contains("FUNC s.f"), e.getMessage());
    }

    /** repairTableConstraintMultiLoop: a CHECK calling a function that reads its table is written separately. */
    @Test
    void aCheckInALoopThroughItsTableIsWrittenSeparately() {
        objects.put(C, new Constraint(C, T, new QualifiedName("s", "t"), "alice", "t_check", 'c', "CHECK (f())",
                true, null, null, false, null, Components.ALL, false));
        List<Object> order = sort(item(T, ObjectKind.TABLE, "t", C),
                new Item(C, ObjectKind.CONSTRAINT, "s", "t_check", "t", List.of(F), true),
                item(F, ObjectKind.FUNC, "f", T));
        assertEquals(List.of(T, F, C), order);
        assertTrue(repairs.separateCheck(C));
    }

    /** repairViewRuleMultiLoop: a view grouping by a primary key becomes a placeholder plus a post-data rule. */
    @Test
    void aViewNeedingAPostDataObjectIsSplit() {
        objects.put(S, new Schema(S, "s", OWN, null, true, true, Components.ALL));
        objects.put(V, new View(V, new QualifiedName("s", "v"), OWN, " SELECT 1;", List.of(), null, List.of(), null,
                50, Components.ALL));
        List<Object> order = sort(new Item(S, ObjectKind.NAMESPACE, null, "s", "", List.of()),
                item(T, ObjectKind.TABLE, "t", S), item(K, ObjectKind.CONSTRAINT, "t_pkey", T),
                item(V, ObjectKind.TABLE, "v", S, T, K));
        assertEquals(List.of(S, T, V, K, new LoopRepairs.ViewRuleKey(V)), order);
        assertTrue(repairs.splitView(V));
    }

    /**
     * repairMatViewBoundaryMultiLoop: a materialized view grouping by a primary key, and one reading it, both
     * follow the key (tried before the function repair); a plain one keeps to the fence.
     */
    @Test
    void materializedViewsNeedingAPostDataObjectArePostponed() {
        objects.put(V, matview(V, "mv"));
        objects.put(T2, matview(T2, "mv2"));
        objects.put(I, matview(I, "plain"));
        List<Object> order = sort(item(T, ObjectKind.TABLE, "t"), item(K, ObjectKind.CONSTRAINT, "t_pkey", T),
                item(V, ObjectKind.TABLE, "mv", T, K), item(T2, ObjectKind.TABLE, "mv2", V),
                item(I, ObjectKind.TABLE, "plain"));
        assertEquals(List.of(I, T, K, V, T2), order);
        assertTrue(repairs.postponed(V));
        assertTrue(repairs.postponed(T2));
        assertFalse(repairs.postponed(I));
    }

    private static MaterializedView matview(ObjectId id, String name) {
        return new MaterializedView(id, new QualifiedName("s", name), OWN, "", "heap", List.of(), " SELECT 1;",
                List.of(), null, true, List.of(), TableFeatures.NONE, List.of(), Components.ALL);
    }

    /** Two types needing each other: no repair applies, the dump is refused naming both. */
    @Test
    void anUnknownLoopIsAnErrorNamingItsObjects() {
        ObjectId a = new ObjectId(PG_TYPE, 60);
        ObjectId b = new ObjectId(PG_TYPE, 61);
        var e = assertThrows(DumpSorter.DependencyLoopException.class,
                () -> sort(item(a, ObjectKind.TYPE, "a", b), item(b, ObjectKind.TYPE, "b", a)));
        assertTrue(e.getMessage().startsWith("could not resolve dependency loop among these items: "), e.getMessage());
        assertTrue(e.getMessage().contains("TYPE s.a") && e.getMessage().contains("TYPE s.b"), e.getMessage());
    }
}
