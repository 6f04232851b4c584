package org.pgdump4j.object.policy;

import java.util.ArrayList;
import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.policy.Policy;
import org.pgdump4j.model.policy.RowSecurity;

/**
 * pg_dump's getPolicies: for the tables (plain and partitioned) whose definitions are dumped, row-level security
 * when enabled (relrowsecurity) and their policies. An extension's member table gets neither (pg_dump 18 dumps
 * only a member's privileges). pg_get_expr runs on the locked tables only. Nothing is read with --no-policies.
 * FORCE ROW LEVEL SECURITY is no entry of its own: the table's (object.relation) writes it.
 */
public final class PolicyReader implements FamilyReader {
    private static final String ROW_SECURITY = """
            SELECT c.oid, c.relname, n.nspname, pg_catalog.pg_get_userbyid(c.relowner) AS relowner
              FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.oid = ANY(?) AND c.relkind IN ('r', 'p') AND c.relrowsecurity
            """;

    // the roles' text as pg_dump builds it (its order is the server's: pg_dump has no ORDER BY either)
    private static final String POLICIES = """
            SELECT pol.tableoid, pol.oid, pol.polname, pol.polcmd, pol.polpermissive,
                   CASE WHEN pol.polroles = '{0}' THEN NULL ELSE
                       pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(rolname)
                                                          FROM pg_catalog.pg_roles
                                                         WHERE oid = ANY(pol.polroles)), ', ') END AS polroles,
                   pg_catalog.pg_get_expr(pol.polqual, pol.polrelid) AS polqual,
                   pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid) AS polwithcheck,
                   c.relname, n.nspname, pg_catalog.pg_get_userbyid(c.relowner) AS relowner, d.description
              FROM pg_catalog.pg_policy pol
              JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_catalog.pg_description d
                     ON d.objoid = pol.oid AND d.classoid = pol.tableoid AND d.objsubid = 0
             WHERE pol.polrelid = ANY(?) AND c.relkind IN ('r', 'p')
             ORDER BY pol.polrelid, pol.polname
            """;

    @Override
    public List<FamilyObject> read(ReadContext ctx) {
        long[] tables = ctx.definedRelations();
        if (!ctx.policies() || tables.length == 0) {
            return List.of();
        }
        List<FamilyObject> out = new ArrayList<>(ctx.jdbc().query("row security", ROW_SECURITY,
                rs -> new RowSecurity(ObjectId.relation(rs.getLong("oid")),
                        new QualifiedName(rs.getString("nspname"), rs.getString("relname")),
                        rs.getString("relowner"), Components.ALL), tables));
        out.addAll(ctx.jdbc().query("policies", POLICIES, rs -> new Policy(
                new ObjectId(rs.getLong("tableoid"), rs.getLong("oid")),
                new QualifiedName(rs.getString("nspname"), rs.getString("relname")), rs.getString("relowner"),
                rs.getString("polname"), Jdbc.charOf(rs, "polcmd"), rs.getBoolean("polpermissive"),
                rs.getString("polroles"), rs.getString("polqual"), rs.getString("polwithcheck"),
                rs.getString("description"), Components.ALL), tables));
        return out;
    }
}
