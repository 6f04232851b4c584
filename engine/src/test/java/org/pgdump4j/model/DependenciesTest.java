package org.pgdump4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependenciesTest {
    private static final ObjectId TABLE = ObjectId.relation(16400);
    private static final ObjectId ROW_TYPE = new ObjectId(1247, 16402);
    private static final ObjectId SCHEMA = new ObjectId(ObjectId.PG_NAMESPACE, 2200);
    private static final ObjectId RULE = new ObjectId(ObjectId.PG_REWRITE, 16500);
    private static final ObjectId VIEW = ObjectId.relation(16498);

    @Test
    void rowsAreFoldedDeduplicatedAndSelfReferencesDropped() {
        Dependencies.Builder b = new Dependencies.Builder();
        b.fold(ROW_TYPE, TABLE);
        b.fold(RULE, VIEW);
        add(b, TABLE, SCHEMA);
        add(b, TABLE, SCHEMA); // pg_depend: one row per column, per deptype
        add(b, ROW_TYPE, TABLE); // folded onto itself: gone
        add(b, RULE, ROW_TYPE); // the view's rule reads the table
        add(b, RULE, VIEW);
        Dependencies d = b.build();
        assertEquals(Set.of(SCHEMA), d.of(TABLE));
        assertEquals(Set.of(TABLE), d.of(VIEW));
        assertEquals(Set.of(), d.of(SCHEMA));
        assertEquals(-1, d.vertex(RULE));
        assertEquals(-1, d.vertex(new ObjectId(1247, 99999)));
        assertEquals(Set.of(), Dependencies.NONE.of(TABLE));
    }

    @Test
    void reachesFollowsDependenciesButNotTheDirectOne() {
        ObjectId seq = ObjectId.relation(16401);
        ObjectId def = new ObjectId(ObjectId.PG_ATTRDEF, 16403);
        Dependencies d = Dependencies.of(Map.of(def, Set.of(seq, TABLE), seq, Set.of(TABLE, SCHEMA)));
        assertTrue(d.reaches(def, TABLE)); // through the sequence
        assertFalse(Dependencies.of(Map.of(def, Set.of(TABLE))).reaches(def, TABLE));
        assertFalse(d.reaches(TABLE, def));
        assertFalse(d.reaches(def, VIEW));
    }

    /** The arrays hold what a map of sets holds, for a graph large enough to grow its tables (OIDs up to 2^32). */
    @Test
    void largeGraphsMatchAMapOfSets() {
        Random r = new Random(8);
        Map<ObjectId, Set<ObjectId>> expected = new HashMap<>();
        Dependencies.Builder b = new Dependencies.Builder();
        for (int i = 0; i < 50_000; i++) {
            ObjectId from = new ObjectId(r.nextBoolean() ? 1259 : 1247, 16384 + r.nextInt(5_000));
            ObjectId to = new ObjectId(r.nextBoolean() ? 1259 : 2615, r.nextInt(6_000) + 0xFFFF_0000L);
            add(b, from, to);
            expected.computeIfAbsent(from, k -> new HashSet<>()).add(to);
        }
        Dependencies d = b.build();
        expected.forEach((from, to) -> assertEquals(to, d.of(from)));
    }

    private static void add(Dependencies.Builder b, ObjectId from, ObjectId to) {
        b.add(from.classOid(), from.oid(), to.classOid(), to.oid());
    }
}
