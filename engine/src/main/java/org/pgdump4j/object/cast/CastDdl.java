package org.pgdump4j.object.cast;

import org.pgdump4j.model.RoutineRef;
import org.pgdump4j.model.cast.Cast;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpCast writes. */
public final class CastDdl {
    private CastDdl() {
    }

    /** {@code (source AS target)}: the tag's and the comment's name. */
    public static String label(Cast c) {
        return "(" + c.source() + " AS " + c.target() + ")";
    }

    public static String create(Cast c) {
        StringBuilder sb = new StringBuilder("CREATE CAST ").append(label(c)).append(' ');
        switch (c.method()) {
            case 'b' -> sb.append("WITHOUT FUNCTION");
            case 'i' -> sb.append("WITH INOUT");
            case 'f' -> {
                if (c.function() == null) {
                    throw new IllegalStateException("cast " + label(c) + " names no function");
                }
                sb.append("WITH FUNCTION ").append(signature(c.function()));
            }
            default -> throw new IllegalStateException("cast " + label(c) + " has castmethod " + c.method());
        }
        if (c.context() == 'a') {
            sb.append(" AS ASSIGNMENT");
        } else if (c.context() == 'i') {
            sb.append(" AS IMPLICIT");
        }
        return sb.append(";\n").toString();
    }

    public static String drop(Cast c) {
        return "DROP CAST " + label(c) + ";\n";
    }

    /** pg_dump's {@code schema.name(argtypes)}: the schema always written, as format_function_signature omits it. */
    public static String signature(RoutineRef f) {
        return Sql.ident(f.schema()) + "." + Sql.ident(f.name()) + "(" + f.args() + ")";
    }
}
