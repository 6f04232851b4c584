package org.pgdump4j.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.sql.Sql;

/**
 * The {@code ALTER DATABASE d SET ...} and {@code ALTER ROLE r IN DATABASE d SET ...} commands pg_dump writes for
 * a {@code setconfig} item ({@code name=value}), as its makeAlterConfigCommand does, and the quoting of a setting's
 * value that functions' {@code SET} clauses share.
 */
public final class ConfigDdl {
    /**
     * The settings the server stores as a quoted list (GUC_LIST_QUOTE): pg_dump splits their value and writes each
     * element as a literal ({@code SET search_path TO 'a', '$user'}), because the list's quoting is not SQL's.
     */
    private static final Set<String> LIST_SETTINGS = Set.of("local_preload_libraries", "search_path",
            "session_preload_libraries", "shared_preload_libraries", "temp_tablespaces", "unix_socket_directories");

    private ConfigDdl() {
    }

    /**
     * @param type  {@code DATABASE} or {@code ROLE}
     * @param in    {@code IN DATABASE name} for a role's setting in one database ({@code inName}), else null
     * @return the command with its newline; "" for an item without {@code =}, which pg_dump skips
     */
    public static String alter(String type, String name, @Nullable String in, @Nullable String inName, String item) {
        int eq = item.indexOf('=');
        if (eq < 0) {
            return "";
        }
        String variable = item.substring(0, eq);
        String value = item.substring(eq + 1);
        StringBuilder sql = new StringBuilder("ALTER ").append(type).append(' ').append(Sql.ident(name)).append(' ');
        if (in != null && inName != null) {
            sql.append("IN ").append(in).append(' ').append(Sql.ident(inName)).append(' ');
        }
        sql.append("SET ").append(Sql.ident(variable)).append(" TO ");
        return sql.append(value(variable, value)).append(";\n").toString();
    }

    /**
     * A setting's value as pg_dump writes it after {@code SET name TO} (here, and in a function's {@code SET}
     * clauses): one literal, or a list setting's elements as literals ("" when its value does not parse).
     */
    public static String value(String variable, String value) {
        if (!LIST_SETTINGS.contains(variable.toLowerCase(Locale.ROOT))) {
            return Sql.literal(value);
        }
        List<String> elements = splitList(value);
        StringBuilder out = new StringBuilder();
        if (elements != null) {
            for (int i = 0; i < elements.size(); i++) {
                out.append(i > 0 ? ", " : "").append(Sql.literal(elements.get(i)));
            }
        }
        return out.toString();
    }

    /**
     * A stored list value split into its elements: comma-separated, whitespace around them skipped, an element in
     * double quotes taken as written ({@code ""} for a quote), others up to a comma or whitespace. Null when the
     * text is not such a list (pg_dump then writes no value).
     */
    static @Nullable List<String> splitList(String raw) {
        List<String> out = new ArrayList<>();
        int n = raw.length();
        int i = skipSpace(raw, 0);
        if (i == n) {
            return out;
        }
        while (true) {
            if (i == n) {
                return null; // a separator with nothing after it
            }
            StringBuilder element = new StringBuilder();
            if (raw.charAt(i) == '"') {
                i++;
                while (true) {
                    int q = raw.indexOf('"', i);
                    if (q < 0) {
                        return null;
                    }
                    element.append(raw, i, q);
                    if (q + 1 < n && raw.charAt(q + 1) == '"') {
                        element.append('"');
                        i = q + 2;
                    } else {
                        i = q + 1;
                        break;
                    }
                }
            } else {
                int start = i;
                while (i < n && raw.charAt(i) != ',' && !isSpace(raw.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return null;
                }
                element.append(raw, start, i);
            }
            out.add(element.toString());
            i = skipSpace(raw, i);
            if (i == n) {
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

    /** C isspace in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
