package org.pgdump4j.object.foreign;

import java.util.List;
import org.pgdump4j.model.foreign.ForeignDataWrapper;
import org.pgdump4j.model.foreign.ForeignServer;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpForeignDataWrapper, dumpForeignServer and dumpUserMappings write. */
public final class ForeignDdl {
    private ForeignDdl() {
    }

    public static String create(ForeignDataWrapper w) {
        StringBuilder sb = new StringBuilder("CREATE FOREIGN DATA WRAPPER ").append(Sql.ident(w.name()));
        if (w.handler() != null) {
            sb.append(" HANDLER ").append(w.handler());
        }
        if (w.validator() != null) {
            sb.append(" VALIDATOR ").append(w.validator());
        }
        return options(sb, w.options()).append(";\n").toString();
    }

    public static String drop(ForeignDataWrapper w) {
        return "DROP FOREIGN DATA WRAPPER " + Sql.ident(w.name()) + ";\n";
    }

    /** TYPE and VERSION only when not empty, as pg_dump tests them. */
    public static String create(ForeignServer s) {
        StringBuilder sb = new StringBuilder("CREATE SERVER ").append(Sql.ident(s.name()));
        if (s.type() != null && !s.type().isEmpty()) {
            sb.append(" TYPE ").append(Sql.literal(s.type()));
        }
        if (s.version() != null && !s.version().isEmpty()) {
            sb.append(" VERSION ").append(Sql.literal(s.version()));
        }
        sb.append(" FOREIGN DATA WRAPPER ").append(Sql.ident(s.wrapper()));
        return options(sb, s.options()).append(";\n").toString();
    }

    public static String drop(ForeignServer s) {
        return "DROP SERVER " + Sql.ident(s.name()) + ";\n";
    }

    /** pg_dump's tag: the user and server names unquoted. */
    public static String tag(ForeignServer s, ForeignServer.UserMapping m) {
        return "USER MAPPING " + m.user() + " SERVER " + s.name();
    }

    public static String create(ForeignServer s, ForeignServer.UserMapping m) {
        StringBuilder sb = new StringBuilder("CREATE USER MAPPING FOR ").append(Sql.ident(m.user()))
                .append(" SERVER ").append(Sql.ident(s.name()));
        return options(sb, m.options()).append(";\n").toString();
    }

    public static String drop(ForeignServer s, ForeignServer.UserMapping m) {
        return "DROP USER MAPPING FOR " + Sql.ident(m.user()) + " SERVER " + Sql.ident(s.name()) + ";\n";
    }

    /** {@code OPTIONS (} one item a line {@code )}, when there is any. */
    private static StringBuilder options(StringBuilder sb, List<String> options) {
        if (!options.isEmpty()) {
            sb.append(" OPTIONS (\n    ").append(String.join(",\n    ", options)).append("\n)");
        }
        return sb;
    }
}
