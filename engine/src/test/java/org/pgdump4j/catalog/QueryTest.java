package org.pgdump4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QueryTest {
    private static final String TEMPLATE = "SELECT {kind} AS kind, {kind} AS again, {extra} FROM pg_catalog.pg_proc p";

    @Test
    void slotsAreFilledByFeature() {
        assertEquals("SELECT p.prokind AS kind, p.prokind AS again, 1 FROM pg_catalog.pg_proc p",
                Query.of(TEMPLATE).slot("kind", true, "p.prokind", "'f'").slot("extra", "1").sql());
        assertEquals("SELECT 'f' AS kind, 'f' AS again, $1 FROM pg_catalog.pg_proc p",
                Query.of(TEMPLATE).slot("kind", false, "p.prokind", "'f'").slot("extra", "$1").sql());
    }

    @Test
    void anUnfilledSlotFails() {
        var e = assertThrows(IllegalStateException.class, () -> Query.of(TEMPLATE).slot("kind", "1").sql());
        assertEquals("query slot {extra} not filled", e.getMessage());
    }

    @Test
    void aFillWithoutSlotOrFilledTwiceFails() {
        assertThrows(IllegalStateException.class,
                () -> Query.of(TEMPLATE).slot("kind", "1").slot("extra", "1").slot("typo", "1").sql());
        assertThrows(IllegalStateException.class, () -> Query.of(TEMPLATE).slot("kind", "1").slot("kind", "2"));
    }

    @Test
    void bracesInsideTheSqlThatAreNotSlotsStay() {
        assertEquals("SELECT '{1,2}'::int[]", Query.of("SELECT '{1,2}'::int[]").sql());
    }
}
