package org.pgdump4j.object.routine;

import java.util.List;
import java.util.Set;
import org.pgdump4j.ddl.ConfigDdl;
import org.pgdump4j.model.routine.ArgType;
import org.pgdump4j.model.routine.Routine;
import org.pgdump4j.model.routine.Signature;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpFunc writes for a function, procedure or window function, byte for byte. Pure. */
public final class RoutineDdl {
    private RoutineDdl() {
    }

    /** The TOC tag (format_function_signature without quotes): {@code name(integer, text)}. */
    public static String tag(Signature s) {
        return s.name() + "(" + argTypeList(s.argTypes()) + ")";
    }

    /** The name COMMENT and GRANT use: {@code "Name"(a integer)}, the identity arguments. */
    public static String identity(Signature s) {
        return Sql.ident(s.name()) + "(" + s.identityArguments() + ")";
    }

    static String argTypeList(List<ArgType> types) {
        StringBuilder sb = new StringBuilder();
        for (ArgType t : types) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(t.display());
        }
        return sb.toString();
    }

    public static String drop(Routine r) {
        return "DROP " + r.keyword() + " " + Sql.ident(r.schema()) + "." + identity(r.signature()) + ";\n";
    }

    public static String create(Routine r) {
        return create(r, true);
    }

    /**
     * @param dollarQuoting false for {@code --disable-dollar-quoting}: the body as a standard string literal
     */
    public static String create(Routine r, boolean dollarQuoting) {
        StringBuilder q = new StringBuilder(256);
        q.append("CREATE ").append(r.keyword()).append(' ').append(Sql.ident(r.schema())).append('.')
                .append(Sql.ident(r.signature().name())).append('(').append(r.signature().arguments()).append(')');
        if (!r.isProcedure() && r.result() != null) {
            q.append(" RETURNS ").append(r.result());
        }
        q.append("\n    LANGUAGE ").append(Sql.ident(r.language()));
        for (int i = 0; i < r.transformTypes().size(); i++) {
            q.append(i == 0 ? " TRANSFORM " : ", ").append("FOR TYPE ").append(r.transformTypes().get(i));
        }
        if (r.prokind() == 'w') {
            q.append(" WINDOW");
        }
        if (r.volatility() == 'i') {
            q.append(" IMMUTABLE");
        } else if (r.volatility() == 's') {
            q.append(" STABLE");
        }
        if (r.strict()) {
            q.append(" STRICT");
        }
        if (r.securityDefiner()) {
            q.append(" SECURITY DEFINER");
        }
        if (r.leakproof()) {
            q.append(" LEAKPROOF");
        }
        // COST and ROWS only when not the default (1 for C and internal functions, else 100; 1000 rows)
        if (!r.cost().equals("0")) {
            boolean compiled = r.language().equals("internal") || r.language().equals("c");
            if (!r.cost().equals(compiled ? "1" : "100")) {
                q.append(" COST ").append(r.cost());
            }
        }
        if (r.returnsSet() && !r.rows().equals("0") && !r.rows().equals("1000")) {
            q.append(" ROWS ").append(r.rows());
        }
        if (r.support() != null) {
            q.append(" SUPPORT ").append(r.support());
        }
        if (r.parallel() == 's') {
            q.append(" PARALLEL SAFE");
        } else if (r.parallel() == 'r') {
            q.append(" PARALLEL RESTRICTED");
        }
        for (String item : r.config()) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = item.substring(0, eq);
            String value = item.substring(eq + 1);
            q.append("\n    SET ").append(Sql.ident(name)).append(" TO ").append(ConfigDdl.value(name, value));
        }
        q.append("\n    ");
        appendBody(q, r.body(), dollarQuoting);
        q.append(";\n");
        String qualified = Sql.ident(r.schema()) + "." + identity(r.signature());
        for (String ext : r.extensions()) {
            q.append("\nALTER ").append(r.keyword()).append(' ').append(qualified).append(" DEPENDS ON EXTENSION ")
                    .append(Sql.ident(ext)).append(';');
        }
        return q.toString();
    }

    /**
     * The AS part: a SQL-standard body as is; C's file and symbol; other code dollar-quoted (a string literal with
     * {@code --disable-dollar-quoting}).
     */
    private static void appendBody(StringBuilder q, Routine.Body body, boolean dollarQuoting) {
        if (body instanceof Routine.SqlBody b) {
            q.append(b.text());
            return;
        }
        Routine.Source s = (Routine.Source) body;
        if (s.bin().isEmpty()) {
            if (dollarQuoting) {
                Sql.appendDollarQuoted(q.append("AS "), s.src(), null);
            } else {
                q.append("AS ").append(Sql.literal(s.src()));
            }
            return;
        }
        // with a file, dollar quotes only when the symbol needs them
        q.append("AS ").append(Sql.literal(s.bin()));
        if (!s.src().isEmpty()) {
            q.append(", ");
            if (!dollarQuoting || (s.src().indexOf('\'') < 0 && s.src().indexOf('\\') < 0)) {
                q.append(Sql.literal(s.src()));
            } else {
                Sql.appendDollarQuoted(q, s.src(), null);
            }
        }
    }
}
