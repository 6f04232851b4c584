package org.pgdump4j.object.relstats;

import org.pgdump4j.model.relstats.RelStats;
import org.pgdump4j.toc.EntrySink;

/** pg_dump 18's dumpRelationStats: one STATISTICS DATA entry, in the data section for a table, post-data for an index. */
public final class RelStatsEmitter {
    private RelStatsEmitter() {
    }

    public static void emit(RelStats s, EntrySink sink) {
        sink.statistics(s.name(), s.schema(), s.postData(), RelStatsDdl.create(s));
    }
}
