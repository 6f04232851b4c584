package org.pgdump4j.object.relstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.relstats.AttributeStats;
import org.pgdump4j.model.relstats.RelStats;
import org.pgdump4j.model.relstats.StatColumn;

/** pg_dump 18's dumpRelationStats text, from records (texts taken from real pg_dump 18.6 output). */
class RelStatsDdlTest {
    private static RelStats stats(int version, RelStats.Counters c, List<AttributeStats> attributes) {
        return new RelStats(RelStats.idOf(16386), ObjectId.relation(16386), "St ats", "t", false, version, c,
                attributes, Components.ALL);
    }

    @Test
    void relationCountersWithRelallfrozenFromAnEighteenSource() {
        RelStats s = stats(180001, new RelStats.Counters(0, "0", 0, 0), List.of());
        assertEquals("""
                SELECT * FROM pg_catalog.pg_restore_relation_stats(
                	'version', '180001'::integer,
                	'schemaname', 'St ats',
                	'relname', 't',
                	'relpages', '0'::integer,
                	'reltuples', '0'::real,
                	'relallvisible', '0'::integer,
                	'relallfrozen', '0'::integer
                );
                """, RelStatsDdl.create(s));
    }

    @Test
    void anOlderSourceHasNoRelallfrozenArgument() {
        RelStats s = stats(100023, new RelStats.Counters(7, "-1", 3, null), List.of());
        assertEquals("""
                SELECT * FROM pg_catalog.pg_restore_relation_stats(
                	'version', '100023'::integer,
                	'schemaname', 'St ats',
                	'relname', 't',
                	'relpages', '7'::integer,
                	'reltuples', '-1'::real,
                	'relallvisible', '3'::integer
                );
                """, RelStatsDdl.create(s));
    }

    @Test
    void aColumnsStatisticsQuoteTheServersTextAndLeaveNullsOut() {
        Map<StatColumn, String> v = new LinkedHashMap<>();
        v.put(StatColumn.CORRELATION, "0.1411533"); // out of order on purpose: the arguments follow pg_dump's order
        v.put(StatColumn.NULL_FRAC, "0");
        v.put(StatColumn.AVG_WIDTH, "6");
        v.put(StatColumn.N_DISTINCT, "7");
        v.put(StatColumn.MOST_COMMON_VALS, "{\"n1'q\\\"\",\"n2'q\\\\\"}");
        v.put(StatColumn.MOST_COMMON_FREQS, "{0.144,0.142}");
        RelStats s = stats(180001, new RelStats.Counters(1, "500", 0, 0),
                List.of(new AttributeStats("Odd 'col'", 0, true, v)));
        assertEquals("""
                SELECT * FROM pg_catalog.pg_restore_relation_stats(
                	'version', '180001'::integer,
                	'schemaname', 'St ats',
                	'relname', 't',
                	'relpages', '1'::integer,
                	'reltuples', '500'::real,
                	'relallvisible', '0'::integer,
                	'relallfrozen', '0'::integer
                );
                SELECT * FROM pg_catalog.pg_restore_attribute_stats(
                	'version', '180001'::integer,
                	'schemaname', 'St ats',
                	'relname', 't',
                	'attname', 'Odd ''col''',
                	'inherited', 't'::boolean,
                	'null_frac', '0'::real,
                	'avg_width', '6'::integer,
                	'n_distinct', '7'::real,
                	'most_common_vals', '{"n1''q\\"","n2''q\\\\"}'::text,
                	'most_common_freqs', '{0.144,0.142}'::real[],
                	'correlation', '0.1411533'::real
                );
                """, RelStatsDdl.create(s));
    }

    @Test
    void anIndexColumnGoesByNumberAndRangeAndElementStatisticsHaveTheirTypes() {
        Map<StatColumn, String> v = new LinkedHashMap<>();
        v.put(StatColumn.RANGE_BOUNDS_HISTOGRAM, "{\"[1,2)\",\"[5,6)\"}");
        v.put(StatColumn.RANGE_EMPTY_FRAC, "0.25");
        v.put(StatColumn.RANGE_LENGTH_HISTOGRAM, "{1,2}");
        v.put(StatColumn.ELEM_COUNT_HISTOGRAM, "{2,2}");
        v.put(StatColumn.MOST_COMMON_ELEM_FREQS, "{0.5,0.5,0}");
        v.put(StatColumn.MOST_COMMON_ELEMS, "{a0}");
        v.put(StatColumn.HISTOGRAM_BOUNDS, "{2,10}");
        RelStats s = new RelStats(RelStats.idOf(16394), ObjectId.relation(16394), "s", "t_expr", true, 170005,
                new RelStats.Counters(2, "500", 0, null), List.of(new AttributeStats(null, 3, false, v)),
                Components.ALL);
        assertEquals("""
                SELECT * FROM pg_catalog.pg_restore_relation_stats(
                	'version', '170005'::integer,
                	'schemaname', 's',
                	'relname', 't_expr',
                	'relpages', '2'::integer,
                	'reltuples', '500'::real,
                	'relallvisible', '0'::integer
                );
                SELECT * FROM pg_catalog.pg_restore_attribute_stats(
                	'version', '170005'::integer,
                	'schemaname', 's',
                	'relname', 't_expr',
                	'attnum', '3'::smallint,
                	'inherited', 'f'::boolean,
                	'histogram_bounds', '{2,10}'::text,
                	'most_common_elems', '{a0}'::text,
                	'most_common_elem_freqs', '{0.5,0.5,0}'::real[],
                	'elem_count_histogram', '{2,2}'::real[],
                	'range_length_histogram', '{1,2}'::text,
                	'range_empty_frac', '0.25'::real,
                	'range_bounds_histogram', '{"[1,2)","[5,6)"}'::text
                );
                """, RelStatsDdl.create(s));
    }

    @Test
    void anAttributeGoesByNameOrByNumber() {
        assertThrows(IllegalArgumentException.class, () -> new AttributeStats("a", 1, false, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new AttributeStats(null, 0, false, Map.of()));
    }
}
