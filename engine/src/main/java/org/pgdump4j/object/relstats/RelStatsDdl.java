package org.pgdump4j.object.relstats;

import java.util.Map;
import org.pgdump4j.model.relstats.AttributeStats;
import org.pgdump4j.model.relstats.RelStats;
import org.pgdump4j.model.relstats.StatColumn;
import org.pgdump4j.sql.Sql;

/**
 * pg_dump 18's dumpRelationStats text: a {@code pg_restore_relation_stats} call with the relation's counters, then
 * one {@code pg_restore_attribute_stats} call per pg_stats row. Every value is a string literal cast to the
 * argument's type, as the source printed it; a NULL statistic is left out.
 */
public final class RelStatsDdl {
    private RelStatsDdl() {
    }

    public static String create(RelStats s) {
        StringBuilder sb = new StringBuilder(256 + 512 * s.attributes().size());
        sb.append("SELECT * FROM pg_catalog.pg_restore_relation_stats(\n");
        head(sb, s);
        RelStats.Counters c = s.counters();
        arg(sb, "relpages", Integer.toString(c.relpages()), "integer");
        arg(sb, "reltuples", c.reltuples(), "real");
        arg(sb, "relallvisible", Integer.toString(c.relallvisible()), "integer");
        if (c.relallfrozen() != null) {
            arg(sb, "relallfrozen", Integer.toString(c.relallfrozen()), "integer");
        }
        sb.append("\n);\n");
        for (AttributeStats a : s.attributes()) {
            sb.append("SELECT * FROM pg_catalog.pg_restore_attribute_stats(\n");
            head(sb, s);
            if (a.attname() != null) {
                sb.append(",\n\t'attname', ");
                Sql.appendLiteral(sb, a.attname(), true);
            } else {
                arg(sb, "attnum", Integer.toString(a.attnum()), "smallint");
            }
            arg(sb, "inherited", a.inherited() ? "t" : "f", "boolean");
            for (Map.Entry<StatColumn, String> v : a.values().entrySet()) {
                arg(sb, v.getKey().column(), v.getValue(), v.getKey().type());
            }
            sb.append("\n);\n");
        }
        return sb.toString();
    }

    private static void head(StringBuilder sb, RelStats s) {
        sb.append("\t'version', '").append(s.sourceVersion()).append("'::integer,\n\t'schemaname', ");
        Sql.appendLiteral(sb, s.schema(), true);
        sb.append(",\n\t'relname', ");
        Sql.appendLiteral(sb, s.name(), true);
    }

    private static void arg(StringBuilder sb, String name, String value, String type) {
        sb.append(",\n\t'").append(name).append("', ");
        Sql.appendLiteral(sb, value, true);
        sb.append("::").append(type);
    }
}
