package org.pgdump4j.object.transform;

import org.pgdump4j.model.transform.Transform;
import org.pgdump4j.object.cast.CastDdl;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpTransform writes. */
public final class TransformDdl {
    private TransformDdl() {
    }

    /** {@code FOR type LANGUAGE lang}: the tag's and the comment's name after "TRANSFORM". */
    public static String label(Transform t) {
        return "FOR " + t.type() + " LANGUAGE " + Sql.ident(t.language());
    }

    public static String create(Transform t) {
        if (t.fromSql() == null && t.toSql() == null) {
            throw new IllegalStateException("transform " + label(t) + " has neither FROM SQL nor TO SQL function");
        }
        StringBuilder sb = new StringBuilder("CREATE TRANSFORM ").append(label(t)).append(" (");
        if (t.fromSql() != null) {
            sb.append("FROM SQL WITH FUNCTION ").append(CastDdl.signature(t.fromSql()));
        }
        if (t.toSql() != null) {
            if (t.fromSql() != null) {
                sb.append(", ");
            }
            sb.append("TO SQL WITH FUNCTION ").append(CastDdl.signature(t.toSql()));
        }
        return sb.append(");\n").toString();
    }

    public static String drop(Transform t) {
        return "DROP TRANSFORM " + label(t) + ";\n";
    }
}
