package org.pgdump4j.object.rule;

import org.pgdump4j.model.rule.Rule;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpRule writes for a rule that is not a view's definition. */
public final class RuleDdl {
    private RuleDdl() {
    }

    /** pg_get_ruledef's text verbatim, then the firing state when it is not the default. */
    public static String create(Rule r) {
        StringBuilder sb = new StringBuilder(r.definition()).append('\n');
        String state = switch (r.enabled()) {
            case 'O' -> null;
            case 'A' -> "ENABLE ALWAYS";
            case 'R' -> "ENABLE REPLICA";
            case 'D' -> "DISABLE";
            default -> throw new IllegalStateException("rule " + r.name() + " has ev_enabled " + r.enabled());
        };
        if (state != null) {
            sb.append("ALTER TABLE ").append(table(r)).append(' ').append(state).append(" RULE ")
                    .append(Sql.ident(r.name())).append(";\n");
        }
        return sb.toString();
    }

    public static String drop(Rule r) {
        return "DROP RULE " + Sql.ident(r.name()) + " ON " + table(r) + ";\n";
    }

    private static String table(Rule r) {
        return Sql.qualified(r.table().schema(), r.table().name());
    }
}
