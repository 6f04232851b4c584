package org.pgdump4j.object.seclabel;

import java.util.List;
import java.util.function.IntFunction;
import org.pgdump4j.model.seclabel.SecurityLabel;
import org.pgdump4j.sql.Sql;

/** pg_dump's SECURITY LABEL text (dumpSecLabel, dumpTableSecLabel, emitShSecLabels). */
public final class SecurityLabelDdl {
    private SecurityLabelDdl() {
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
