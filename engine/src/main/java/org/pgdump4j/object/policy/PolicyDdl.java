package org.pgdump4j.object.policy;

import org.pgdump4j.model.policy.Policy;
import org.pgdump4j.model.policy.RowSecurity;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpPolicy writes. */
public final class PolicyDdl {
    private PolicyDdl() {
    }

    /** CREATE POLICY; no FOR clause for every command, no TO for PUBLIC alone. */
    public static String create(Policy p) {
        StringBuilder q = new StringBuilder("CREATE POLICY ").append(Sql.ident(p.name())).append(" ON ")
                .append(table(p)).append(p.permissive() ? "" : " AS RESTRICTIVE").append(command(p));
        if (p.roles() != null) {
            q.append(" TO ").append(p.roles());
        }
        if (p.using() != null) {
            q.append(" USING (").append(p.using()).append(')');
        }
        if (p.withCheck() != null) {
            q.append(" WITH CHECK (").append(p.withCheck()).append(')');
        }
        return q.append(";\n").toString();
    }

    public static String drop(Policy p) {
        return "DROP POLICY " + Sql.ident(p.name()) + " ON " + table(p) + ";\n";
    }

    /** pg_dump writes it without a final newline, and no DROP. */
    public static String enable(RowSecurity r) {
        return "ALTER TABLE " + Sql.qualified(r.table().schema(), r.table().name()) + " ENABLE ROW LEVEL SECURITY;";
    }

    private static String command(Policy p) {
        return switch (p.command()) {
            case '*' -> "";
            case 'r' -> " FOR SELECT";
            case 'a' -> " FOR INSERT";
            case 'w' -> " FOR UPDATE";
            case 'd' -> " FOR DELETE";
            default -> throw new IllegalStateException("policy " + p.name() + " has polcmd " + p.command());
        };
    }

    private static String table(Policy p) {
        return Sql.qualified(p.table().schema(), p.table().name());
    }
}
