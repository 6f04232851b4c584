package org.pgdump4j.object.operator;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.operator.AccessMethod;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpAccessMethod writes: pure text, no server. */
public final class AccessMethodDdl {
    private AccessMethodDdl() {
    }

    /** The CREATE statement, or null for a type pg_dump does not know (it warns and writes nothing). */
    public static @Nullable String create(AccessMethod am) {
        String type = switch (am.type()) {
            case 'i' -> "INDEX";
            case 't' -> "TABLE";
            default -> null;
        };
        return type == null ? null
                : "CREATE ACCESS METHOD " + Sql.ident(am.name()) + " TYPE " + type + " HANDLER " + am.handler() + ";\n";
    }

    public static String drop(AccessMethod am) {
        return "DROP ACCESS METHOD " + Sql.ident(am.name()) + ";\n";
    }
}
