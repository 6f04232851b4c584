package org.pgdump4j.object.relation;

import java.util.List;
import org.pgdump4j.ddl.RelationDdl;
import org.pgdump4j.model.relation.MaterializedView;
import org.pgdump4j.sql.Sql;

/** pg_dump's dumpTableSchema for a materialized view, and refreshMatViewData's REFRESH. */
public final class MaterializedViewDdl {
    private MaterializedViewDdl() {
    }

    /**
     * Always created empty: its rows come from the REFRESH entry, after the data. Its DEPENDS ON EXTENSION marks
     * follow, with no newline after the last (pg_dump's append_depends_on_extension), so that the first column
     * setting is glued to it as in pg_dump's text.
     */
    public static String create(MaterializedView m) {
        StringBuilder q = new StringBuilder("CREATE MATERIALIZED VIEW ").append(qualified(m));
        List<String> toast = m.features().toastOptions();
        if (!m.options().isEmpty() || !toast.isEmpty()) {
            q.append("\nWITH (").append(RelationDdl.reloptions(m.options(), ""))
                    .append(m.options().isEmpty() || toast.isEmpty() ? "" : ", ")
                    .append(RelationDdl.reloptions(toast, "toast.")).append(')');
        }
        q.append(" AS\n").append(m.definition()).append("\n  WITH NO DATA;\n");
        for (String ext : m.extensions()) {
            q.append("\nALTER MATERIALIZED VIEW ").append(qualified(m)).append(" DEPENDS ON EXTENSION ")
                    .append(Sql.ident(ext)).append(';');
        }
        return q.append(TableFeatureDdl.after(m.name(), m.features(), false, true)).toString();
    }

    public static String drop(MaterializedView m) {
        return "DROP MATERIALIZED VIEW " + qualified(m) + ";\n";
    }

    public static String refresh(MaterializedView m) {
        return "REFRESH MATERIALIZED VIEW " + qualified(m) + ";\n";
    }

    private static String qualified(MaterializedView m) {
        return Sql.qualified(m.name().schema(), m.name().name());
    }
}
