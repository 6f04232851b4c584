package org.pgdump4j.object.routine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.routine.ArgType;
import org.pgdump4j.model.routine.Routine;
import org.pgdump4j.model.routine.Signature;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpFunc writes for a function, procedure or window function, byte for byte. Pure. */
public final class RoutineDdl {
    /** dumputils.c's variable_is_guc_list_quote: settings whose value is a list of quoted elements. */
    private static final Set<String> LIST_SETTINGS = Set.of("local_preload_libraries", "search_path",
            "session_preload_libraries", "shared_preload_libraries", "temp_tablespaces", "unix_socket_directories");

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
            q.append("\n    SET ").append(Sql.ident(name)).append(" TO ");
            if (LIST_SETTINGS.contains(name.toLowerCase(Locale.ROOT))) {
                List<String> elements = splitGucList(value);
                if (elements != null) {
                    for (int i = 0; i < elements.size(); i++) {
                        q.append(i == 0 ? "" : ", ").append(Sql.literal(elements.get(i)));
                    }
                }
            } else {
                q.append(Sql.literal(value));
            }
        }
        q.append("\n    ");
        appendBody(q, r.body());
        q.append(";\n");
        String qualified = Sql.ident(r.schema()) + "." + identity(r.signature());
        for (String ext : r.extensions()) {
            q.append("\nALTER ").append(r.keyword()).append(' ').append(qualified).append(" DEPENDS ON EXTENSION ")
                    .append(Sql.ident(ext)).append(';');
        }
        return q.toString();
    }

    /** The AS part: a SQL-standard body as is; C's file and symbol; other code dollar-quoted. */
    private static void appendBody(StringBuilder q, Routine.Body body) {
        if (body instanceof Routine.SqlBody b) {
            q.append(b.text());
            return;
        }
        Routine.Source s = (Routine.Source) body;
        if (s.bin().isEmpty()) {
            Sql.appendDollarQuoted(q.append("AS "), s.src(), null);
            return;
        }
        // with a file, dollar quotes only when the symbol needs them
        q.append("AS ").append(Sql.literal(s.bin()));
        if (!s.src().isEmpty()) {
            q.append(", ");
            if (s.src().indexOf('\'') < 0 && s.src().indexOf('\\') < 0) {
                q.append(Sql.literal(s.src()));
            } else {
                Sql.appendDollarQuoted(q, s.src(), null);
            }
        }
    }

    /**
     * dumputils.c's SplitGUCList: a list setting's value, as the server flattened it, back into its elements
     * (double-quoted ones unquoted, {@code ""} collapsed; unquoted ones kept as they are); null when it does not
     * parse, where pg_dump writes no value.
     */
    static @Nullable List<String> splitGucList(String raw) {
        List<String> out = new ArrayList<>();
        int i = skipSpace(raw, 0);
        if (i == raw.length()) {
            return out;
        }
        while (true) {
            if (i == raw.length()) {
                return null; // a separator with no name after it
            }
            StringBuilder name = new StringBuilder();
            if (raw.charAt(i) == '"') {
                i++;
                while (true) {
                    int end = raw.indexOf('"', i);
                    if (end < 0) {
                        return null;
                    }
                    name.append(raw, i, end);
                    if (end + 1 < raw.length() && raw.charAt(end + 1) == '"') {
                        name.append('"');
                        i = end + 2;
                    } else {
                        i = end + 1;
                        break;
                    }
                }
            } else {
                int start = i;
                while (i < raw.length() && raw.charAt(i) != ',' && !isSpace(raw.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    return null;
                }
                name.append(raw, start, i);
            }
            i = skipSpace(raw, i);
            out.add(name.toString());
            if (i == raw.length()) {
                return out;
            }
            if (raw.charAt(i) != ',') {
                return null;
            }
            i = skipSpace(raw, i + 1);
        }
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** C's isspace in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
