package org.pgdump4j.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.toc.DumpSorter.Item;

class DumpSorterTest {
    @Test
    void ordersByPriorityThenNameUnlessADependencyObjects() {
        Item table = new Item("t", ObjectKind.TABLE, "s", "t", "", List.of());
        Item index = new Item("i", ObjectKind.INDEX, "s", "i", "", List.of("t"));
        Item view = new Item("v", ObjectKind.TABLE, "s", "a_view", "", List.of("t"));
        Item schema = new Item("s", ObjectKind.NAMESPACE, null, "s", "", List.of());
        assertEquals(List.of("s", "t", "v", "i"),
                DumpSorter.sort(List.of(index, view, table, schema)).stream().map(Item::key).toList());
    }

    /** Same kind, schema, name and tie-break (e.g. two casts' pg_dump names): the lower OID first, as pg_dump. */
    @Test
    void equalNamesFallBackToTheOid() {
        Item later = new Item(new ObjectId(2605, 20000), ObjectKind.CAST, null, "integer", "", List.of());
        Item earlier = new Item(new ObjectId(2605, 17000), ObjectKind.CAST, null, "integer", "", List.of());
        assertEquals(List.of(earlier.key(), later.key()),
                DumpSorter.sort(List.of(later, earlier)).stream().map(Item::key).toList());
    }

    /**
     * STATISTICS DATA all rank between the data and the post-data fence, but an index's is fenced into post-data
     * (pg_dump's addBoundaryDependencies by section): it lands right after its index, the tables' with the data,
     * and the index statistics follow the tables' even when no index is in the sort (--statistics-only).
     */
    @Test
    void indexStatisticsAreFencedIntoPostDataThoughRankedWithTheData() {
        Item table = new Item("t", ObjectKind.TABLE, "s", "t", "", List.of());
        Item data = new Item("d", ObjectKind.TABLE_DATA, "s", "t", "", List.of("t"));
        Item index = new Item("i", ObjectKind.INDEX, "s", "a_index", "", List.of("t"));
        Item other = new Item("j", ObjectKind.INDEX, "s", "z_index", "", List.of("t"));
        Item tableStats = new Item("ts", ObjectKind.REL_STATS, "s", "t", "", List.of("t"), false, false, false);
        Item indexStats = new Item("is", ObjectKind.REL_STATS, "s", "a_index", "", List.of("i"), false, false, true);
        assertEquals(List.of("t", "d", "ts", "i", "is", "j"), DumpSorter.sort(List.of(other, indexStats, index,
                tableStats, data, table)).stream().map(Item::key).toList());
        Item alone = new Item("is", ObjectKind.REL_STATS, "s", "a_index", "", List.of(), false, false, true);
        Item tableAlone = new Item("ts", ObjectKind.REL_STATS, "s", "t", "", List.of(), false, false, false);
        assertEquals(List.of("ts", "is"), DumpSorter.sort(List.of(alone, tableAlone)).stream().map(Item::key)
                .toList());
    }

    /** A CHECK constraint written inside its table sorts with its table, not behind the post-data fence. */
    @Test
    void anInlineItemIsNotFenced() {
        Item check = new Item("c", ObjectKind.CONSTRAINT, "s", "t_check", "t", List.of(), true);
        Item table = new Item("t", ObjectKind.TABLE, "s", "t", "", List.of("c"));
        Item index = new Item("i", ObjectKind.INDEX, "s", "i", "", List.of("t"));
        assertEquals(List.of("c", "t", "i"),
                DumpSorter.sort(List.of(index, table, check)).stream().map(Item::key).toList());
        Item fenced = new Item("c", ObjectKind.CONSTRAINT, "s", "t_check", "t", List.of());
        assertThrows(DumpSorter.DependencyLoopException.class, () -> DumpSorter.sort(List.of(index, table, fenced)));
    }

    /** A view needing a primary key (GROUP BY on it) loops through the post-data boundary: refused, named. */
    @Test
    void refusesALoopItCannotRepairNamingItsMembers() {
        Item table = new Item("t", ObjectKind.TABLE, "s", "t", "", List.of());
        Item pkey = new Item("k", ObjectKind.CONSTRAINT, "s", "t_pkey", "t", List.of("t"));
        Item view = new Item("v", ObjectKind.TABLE, "s", "v", "", List.of("t", "k"));
        var e = assertThrows(DumpSorter.DependencyLoopException.class,
                () -> DumpSorter.sort(List.of(table, pkey, view)));
        assertEquals("could not resolve dependency loop among these items: ", e.getMessage().substring(0, 53));
        for (String member : List.of("TABLE s.v", "CONSTRAINT s.t_pkey", "POST-DATA BOUNDARY")) {
            assertEquals(true, e.getMessage().contains(member), e.getMessage());
        }
    }
}
