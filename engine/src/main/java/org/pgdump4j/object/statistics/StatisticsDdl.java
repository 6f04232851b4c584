package org.pgdump4j.object.statistics;

import org.pgdump4j.model.statistics.StatisticsObject;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpStatisticsExt writes. */
public final class StatisticsDdl {
    private StatisticsDdl() {
    }

    /** pg_get_statisticsobjdef's text, then {@code ALTER STATISTICS ... SET STATISTICS n} when a target is set. */
    public static String create(StatisticsObject s) {
        StringBuilder sb = new StringBuilder(s.definition()).append(";\n");
        if (s.target() != null) {
            sb.append("ALTER STATISTICS ").append(Sql.qualified(s.schema(), s.name())).append(" SET STATISTICS ")
                    .append(s.target()).append(";\n");
        }
        return sb.toString();
    }

    public static String drop(StatisticsObject s) {
        return "DROP STATISTICS " + Sql.qualified(s.schema(), s.name()) + ";\n";
    }
}
