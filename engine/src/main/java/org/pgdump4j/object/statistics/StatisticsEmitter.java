package org.pgdump4j.object.statistics;

import org.pgdump4j.model.statistics.StatisticsObject;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_dump's dumpStatisticsExt: the STATISTICS entry (post-data), then its comment. No privileges. */
public final class StatisticsEmitter {
    private StatisticsEmitter() {
    }

    public static void emit(StatisticsObject s, EntrySink sink) {
        sink.definition(EntryKind.STATISTICS, s.name(), s.schema(), s.owner(), StatisticsDdl.create(s),
                StatisticsDdl.drop(s));
        sink.comment("STATISTICS", Sql.ident(s.name()), s.schema(), s.owner(), s.comment());
    }
}
