package org.pgdump4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The ranks pg_dump 18's pg_dump_sort.c gives (docs/pg-dump-inventory.md, 3.1) and pg_dump.h's 48 types. */
class ObjectKindTest {
    @Test
    void ranksAreThoseOfPgDumpSort() {
        assertEquals(48, ObjectKind.values().length);
        assertEquals(1, ObjectKind.NAMESPACE.priority());
        assertEquals(2, ObjectKind.PROCLANG.priority());
        assertEquals(6, ObjectKind.SHELL_TYPE.priority());
        assertEquals(12, ObjectKind.OPCLASS.priority());
        assertEquals(20, ObjectKind.TABLE.priority());
        assertEquals(23, ObjectKind.ATTRDEF.priority());
        assertEquals(24, ObjectKind.PRE_DATA_BOUNDARY.priority());
        assertEquals(29, ObjectKind.REL_STATS.priority());
        assertEquals(30, ObjectKind.POST_DATA_BOUNDARY.priority());
        assertEquals(37, ObjectKind.FK_CONSTRAINT.priority());
        assertEquals(44, ObjectKind.DEFAULT_ACL.priority());
        assertEquals(45, ObjectKind.EVENT_TRIGGER.priority());
        assertEquals(46, ObjectKind.REFRESH_MATVIEW.priority());
    }
}
