package org.pgdump4j.object.seclabel;

import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.CatalogReadException;
import org.pgdump4j.ddl.RelationDdl;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.seclabel.SecurityLabel;
import org.pgdump4j.sql.Sql;

/** pg_dump's SECURITY LABEL text (dumpSecLabel, dumpTableSecLabel, emitShSecLabels). */
public final class SecurityLabelDdl {
    private SecurityLabelDdl() {
    }

    /**
     * pg_dump's dumpSecLabel: an object's own labels (column number 0) on {@code <type> [<namespace>.]<name>}; ""
     * when it has none.
     *
     * @param name the object's name as SQL writes it
     */
    public static String object(List<SecurityLabel> labels, String type, @Nullable String namespace, String name) {
        List<SecurityLabel> own = labels.stream().filter(l -> l.subId() == 0).toList();
        return statements(own, type + " " + (namespace == null ? "" : Sql.ident(namespace) + ".") + name);
    }

    /** pg_dump's dumpTableSecLabel: a relation's labels on {@code <type> s.t}, its columns' on {@code COLUMN s.t.c}. */
    public static String relation(List<SecurityLabel> labels, String type, QualifiedName name, List<Column> columns) {
        if (labels.isEmpty()) {
            return ""; // the common case: no name to quote for every table
        }
        String q = RelationDdl.qualified(name);
        return statements(labels,
                sub -> sub == 0 ? type + " " + q : "COLUMN " + q + "." + Sql.ident(column(columns, sub, name)));
    }

    /** pg_dump's getAttrName: a user column's name, a system column's, else pg_dump's fatal error. */
    private static String column(List<Column> columns, int num, QualifiedName table) {
        for (Column c : columns) {
            if (c.num() == num) {
                return c.name();
            }
        }
        return switch (num) {
            case -1 -> "ctid";
            case -2 -> "oid";   // a system column before PostgreSQL 12
            case -3 -> "xmin";
            case -4 -> "cmin";
            case -5 -> "xmax";
            case -6 -> "cmax";
            case -7 -> "tableoid";
            default -> throw new CatalogReadException(
                    "invalid column number " + num + " for table \"" + table.name() + "\"");
        };
    }

    /** {@code SECURITY LABEL FOR provider ON target IS 'label';}, one line per label. */
    public static String statements(List<SecurityLabel> labels, String target) {
        return statements(labels, sub -> target);
    }

    /**
     * The same with each label's target chosen by its column number (a relation's: itself for 0, {@code COLUMN
     * t.c} for its columns).
     */
    public static String statements(List<SecurityLabel> labels, IntFunction<String> target) {
        StringBuilder sb = new StringBuilder();
        for (SecurityLabel l : labels) {
            sb.append("SECURITY LABEL FOR ").append(Sql.ident(l.provider())).append(" ON ")
                    .append(target.apply(l.subId())).append(" IS ");
            Sql.appendLiteral(sb, l.label(), true).append(";\n");
        }
        return sb.toString();
    }
}
