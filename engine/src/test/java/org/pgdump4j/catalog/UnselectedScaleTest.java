package org.pgdump4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Unselected;

/** Which relations stay unselected is found in linear time: a catalog of many tables must not cost n². */
class UnselectedScaleTest {
    private static final int RELATIONS = 200_000;

    @Test
    void twoHundredThousandRelationsInLinearTime() {
        Ownership own = new Ownership("postgres", null, List.of("postgres=arwdDxtm/postgres"));
        List<RelationHead> heads = new ArrayList<>();
        for (int i = 0; i < RELATIONS; i++) {
            heads.add(new RelationHead(100_000 + i, new QualifiedName("app", "t" + i), 'r', own, 'p', "", "heap",
                    List.of(), false));
        }
        // Every second relation is dumped: a quadratic membership test does 10^10 record comparisons here.
        List<RelationHead> chosen = new ArrayList<>();
        for (int i = 0; i < RELATIONS; i += 2) {
            chosen.add(heads.get(i));
        }
        List<Unselected> out = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> CatalogReader.unselected(heads, chosen));

        assertEquals(RELATIONS / 2, out.size());
        assertEquals(new Unselected(ObjectId.relation(100_001), "app", "t1"), out.get(0));
        assertEquals(new Unselected(ObjectId.relation(100_000 + RELATIONS - 1), "app", "t" + (RELATIONS - 1)),
                out.get(out.size() - 1));
    }
}
