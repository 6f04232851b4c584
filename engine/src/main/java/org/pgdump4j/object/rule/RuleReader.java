package org.pgdump4j.object.rule;

import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.rule.Rule;

/**
 * pg_dump's getRules, for the rules dumped on their own: those of relations whose definitions are dumped (a rule
 * follows its table), but not a view's or materialized view's ON SELECT rule, which is the view's definition and
 * the relations' business. pg_get_ruledef runs on the locked relations only.
 */
public final class RuleReader implements FamilyReader {
    private static final String SQL = """
            SELECT r.tableoid, r.oid, r.rulename, r.ev_enabled, pg_catalog.pg_get_ruledef(r.oid) AS ruledef,
                   c.relname, n.nspname, pg_catalog.pg_get_userbyid(c.relowner) AS relowner, d.description
              FROM pg_catalog.pg_rewrite r
              JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = r.oid AND d.classoid = r.tableoid AND d.objsubid = 0
             WHERE r.ev_class = ANY(?) AND NOT (r.ev_type = '1' AND r.is_instead AND c.relkind IN ('v', 'm'))
             ORDER BY r.oid
            """;

    @Override
    public List<Rule> read(ReadContext ctx) {
        long[] relations = ctx.definedRelations();
        if (relations.length == 0) {
            return List.of();
        }
        return ctx.jdbc().query("rules", SQL, rs -> new Rule(new ObjectId(rs.getLong("tableoid"), rs.getLong("oid")),
                new QualifiedName(rs.getString("nspname"), rs.getString("relname")), rs.getString("relowner"),
                rs.getString("rulename"), rs.getString("ruledef"), Jdbc.charOf(rs, "ev_enabled"),
                rs.getString("description"), Components.ALL), relations);
    }
}
