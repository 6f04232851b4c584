package org.pgdump4j.object.type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.type.DomainConstraint;
import org.pgdump4j.model.type.ShellType;
import org.pgdump4j.model.type.TypeBody;
import org.pgdump4j.model.type.UserType;

/**
 * pg_dump's getTypes (with getDomainConstraints), then the details its dumpXxxType functions read, one query per
 * kind for every type whose definition is dumped. Table row types, arrays and multiranges are left out (pg_dump's
 * DUMMY_TYPEs: catalog.DependencyReader folds references to them), so a catalog of many tables pays nothing for
 * their types.
 */
public final class TypeReader implements FamilyReader {
    private static final long PG_CONSTRAINT = ObjectId.PG_CONSTRAINT;

    private static final String TYPES = """
            SELECT t.oid, t.typname, n.nspname, t.typnamespace, t.typtype, t.typisdefined, t.typrelid,
                   pg_catalog.pg_get_userbyid(t.typowner) AS owner, t.typacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault('T'::"char", t.typowner)::pg_catalog.text[] AS defacl,
                   (SELECT pip.initprivs::pg_catalog.text[] FROM pg_catalog.pg_init_privs pip
                     WHERE pip.objoid = t.oid AND pip.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass
                       AND pip.objsubid = 0) AS initprivs,
                   (SELECT d.description FROM pg_catalog.pg_description d
                     WHERE d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass
                       AND d.objsubid = 0) AS comment
              FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
              LEFT JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
              LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem AND e.typarray = t.oid
             WHERE t.typtype <> 'm' AND (t.typrelid = 0 OR c.relkind = 'c') AND e.oid IS NULL
             ORDER BY t.oid
            """;

    private static final String ENUM_LABELS = """
            SELECT e.enumtypid, e.enumlabel FROM pg_catalog.pg_enum e
             WHERE e.enumtypid = ANY(?) ORDER BY e.enumtypid, e.enumsortorder
            """;

    // a column's COLLATE only when it is not its type's default; dropped columns are skipped (not binary upgrade)
    private static final String ATTRIBUTES = """
            SELECT ct.oid AS typoid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS atttypdefn,
                   cn.nspname AS collnsp, co.collname,
                   (SELECT d.description FROM pg_catalog.pg_description d
                     WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = ct.typrelid
                       AND d.objsubid = a.attnum) AS comment
              FROM pg_catalog.pg_type ct
              JOIN pg_catalog.pg_attribute a ON a.attrelid = ct.typrelid
              LEFT JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
              LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation AND a.attcollation <> at.typcollation
              LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
             WHERE ct.oid = ANY(?) AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY ct.oid, a.attnum
            """;

    private static final String RANGES = """
            SELECT r.rngtypid, pg_catalog.format_type(r.rngsubtype, NULL) AS subtype, {multirange} AS multirange,
                   opc.opcname, opcn.nspname AS opcnsp, opc.opcdefault, cn.nspname AS collnsp, co.collname,
                   r.rngcanonical::pg_catalog.oid <> 0 AS hascanonical, r.rngcanonical::pg_catalog.text AS canonical,
                   r.rngsubdiff::pg_catalog.oid <> 0 AS hassubdiff, r.rngsubdiff::pg_catalog.text AS subdiff
              FROM pg_catalog.pg_range r
              JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
              JOIN pg_catalog.pg_opclass opc ON opc.oid = r.rngsubopc
              JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace
              LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation AND r.rngcollation <> st.typcollation
              LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
             WHERE r.rngtypid = ANY(?)
            """;

    private static final String DOMAINS = """
            SELECT t.oid, t.typnotnull, pg_catalog.format_type(t.typbasetype, t.typtypmod) AS typdefn,
                   pg_catalog.pg_get_expr(t.typdefaultbin, 'pg_catalog.pg_type'::pg_catalog.regclass) AS typdefaultbin,
                   t.typdefault, cn.nspname AS collnsp, co.collname
              FROM pg_catalog.pg_type t
              LEFT JOIN pg_catalog.pg_type u ON u.oid = t.typbasetype
              LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation AND t.typcollation <> u.typcollation
              LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
             WHERE t.oid = ANY(?)
            """;

    // CHECK constraints by name (getDomainConstraints); servers 17+ also keep NOT NULL as a constraint ('n')
    private static final String DOMAIN_CONSTRAINTS = """
            SELECT c.contypid, c.oid, c.conname, c.contype, pg_catalog.pg_get_constraintdef(c.oid) AS condef,
                   c.convalidated,
                   (SELECT d.description FROM pg_catalog.pg_description d
                     WHERE d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
                       AND d.objsubid = 0) AS comment
              FROM pg_catalog.pg_constraint c
             WHERE c.contypid = ANY(?) AND c.contype IN ('c', 'n')
             ORDER BY c.contypid, c.conname
            """;

    // regproc columns print as names (qualified when not visible: pg_dump's search_path is empty)
    private static final String BASES = """
            SELECT t.oid, t.typlen, t.typinput::pg_catalog.text AS typinput, t.typoutput::pg_catalog.text AS typoutput,
                   NULLIF(t.typreceive::pg_catalog.oid, 0) IS NOT NULL AS hasreceive, t.typreceive::pg_catalog.text AS typreceive,
                   NULLIF(t.typsend::pg_catalog.oid, 0) IS NOT NULL AS hassend, t.typsend::pg_catalog.text AS typsend,
                   NULLIF(t.typmodin::pg_catalog.oid, 0) IS NOT NULL AS hasmodin, t.typmodin::pg_catalog.text AS typmodin,
                   NULLIF(t.typmodout::pg_catalog.oid, 0) IS NOT NULL AS hasmodout, t.typmodout::pg_catalog.text AS typmodout,
                   NULLIF(t.typanalyze::pg_catalog.oid, 0) IS NOT NULL AS hasanalyze, t.typanalyze::pg_catalog.text AS typanalyze,
                   {subscript},
                   t.typcategory, t.typispreferred, t.typdelim, t.typbyval, t.typalign, t.typstorage,
                   (t.typcollation <> 0) AS typcollatable,
                   pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS typdefaultbin, t.typdefault,
                   CASE WHEN t.typelem <> 0 THEN pg_catalog.format_type(t.typelem, NULL) END AS element
              FROM pg_catalog.pg_type t
             WHERE t.oid = ANY(?)
            """;

    /** A pg_type row of the first query, before its details are read. */
    private record Head(ObjectId id, String schema, String name, char typtype, boolean defined, long relid,
            Ownership ownership, @Nullable String comment, Components components) {
    }

    @Override
    public List<FamilyObject> read(ReadContext ctx) {
        Jdbc jdbc = ctx.jdbc();
        List<Head> heads = jdbc.query("types", TYPES, rs -> {
            ObjectId id = new ObjectId(UserType.PG_TYPE, rs.getLong("oid"));
            long nsp = rs.getLong("typnamespace");
            char typtype = Jdbc.charOf(rs, "typtype");
            boolean defined = rs.getBoolean("typisdefined");
            Ownership ownership = new Ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"), Jdbc.baseline(rs));
            Components components;
            if (nsp != ReadContext.PG_CATALOG) {
                components = ctx.inSchema(nsp, id);
            } else if (typtype == 'p' && defined) {
                // pg_dump's dumpType has no case for a defined pseudo-type: it only warns, writing no privileges
                components = Components.NONE;
            } else {
                components = ctx.catalogObject(id, ownership.changed());
            }
            return new Head(id, rs.getString("nspname"), rs.getString("typname"), typtype, defined,
                    rs.getLong("typrelid"), ownership, rs.getString("comment"), components);
        });
        Map<Character, List<Long>> byKind = new HashMap<>();
        for (Head h : heads) {
            if (h.components().has(Components.DEFINITION)) {
                byKind.computeIfAbsent(h.typtype(), k -> new ArrayList<>()).add(h.id().oid());
            }
        }
        Map<Long, TypeBody> bodies = new HashMap<>();
        List<FamilyObject> out = new ArrayList<>(heads.size());
        readEnums(jdbc, oids(byKind, 'e'), bodies);
        readComposites(jdbc, oids(byKind, 'c'), bodies);
        readRanges(jdbc, ctx, oids(byKind, 'r'), bodies);
        readBases(jdbc, ctx, oids(byKind, 'b'), bodies);
        Map<Long, Head> byOid = new HashMap<>();
        heads.forEach(h -> byOid.put(h.id().oid(), h));
        readDomains(jdbc, oids(byKind, 'd'), bodies, byOid, out);
        for (Head h : heads) {
            TypeBody body = bodies.get(h.id().oid());
            if (body == null) {
                body = h.typtype() == 'p' && !h.defined() && h.components().has(Components.DEFINITION)
                        ? new TypeBody.Undefined() : new TypeBody.NotRead();
            }
            out.add(new UserType(h.id(), h.schema(), h.name(), h.ownership(), h.comment(), h.components(), body));
            if (body instanceof TypeBody.Base || body instanceof TypeBody.Range) {
                out.add(new ShellType(h.id(), h.schema(), h.name(), h.ownership().owner()));
            }
        }
        return out;
    }

    private static long[] oids(Map<Character, List<Long>> byKind, char kind) {
        return Jdbc.oids(byKind.getOrDefault(kind, List.of()));
    }

    private static void readEnums(Jdbc jdbc, long[] oids, Map<Long, TypeBody> bodies) {
        if (oids.length == 0) {
            return;
        }
        Map<Long, List<String>> labels = new HashMap<>();
        for (long oid : oids) {
            labels.put(oid, new ArrayList<>());
        }
        jdbc.forEach("enum labels", ENUM_LABELS, rs -> labels.get(rs.getLong(1)).add(rs.getString(2)), oids);
        labels.forEach((oid, l) -> bodies.put(oid, new TypeBody.Enumerated(l)));
    }

    private static void readComposites(Jdbc jdbc, long[] oids, Map<Long, TypeBody> bodies) {
        if (oids.length == 0) {
            return;
        }
        Map<Long, List<TypeBody.Attribute>> atts = new HashMap<>();
        for (long oid : oids) {
            atts.put(oid, new ArrayList<>());
        }
        jdbc.forEach("composite type attributes", ATTRIBUTES, rs -> atts.get(rs.getLong("typoid")).add(
                new TypeBody.Attribute(rs.getString("attname"), rs.getString("atttypdefn"),
                        collation(rs.getString("collnsp"), rs.getString("collname")), rs.getString("comment"))),
                oids);
        atts.forEach((oid, a) -> bodies.put(oid, new TypeBody.Composite(a)));
    }

    private static void readRanges(Jdbc jdbc, ReadContext ctx, long[] oids, Map<Long, TypeBody> bodies) {
        if (oids.length == 0) {
            return;
        }
        String sql = Query.of(RANGES).slot("multirange", ctx.features().hasMultiranges(),
                "pg_catalog.format_type(r.rngmultitypid, NULL)", "NULL::pg_catalog.text").sql();
        jdbc.forEach("range types", sql, rs -> bodies.put(rs.getLong("rngtypid"), new TypeBody.Range(
                rs.getString("subtype"), rs.getString("multirange"),
                rs.getBoolean("opcdefault") ? null : org.pgdump4j.sql.Sql.qualified(rs.getString("opcnsp"),
                        rs.getString("opcname")),
                collation(rs.getString("collnsp"), rs.getString("collname")),
                rs.getBoolean("hascanonical") ? rs.getString("canonical") : null,
                rs.getBoolean("hassubdiff") ? rs.getString("subdiff") : null)), oids);
    }

    private static void readBases(Jdbc jdbc, ReadContext ctx, long[] oids, Map<Long, TypeBody> bodies) {
        if (oids.length == 0) {
            return;
        }
        String sql = Query.of(BASES).slot("subscript", ctx.features().hasTypeSubscript(),
                "NULLIF(t.typsubscript::pg_catalog.oid, 0) IS NOT NULL AS hassubscript, "
                        + "t.typsubscript::pg_catalog.text AS typsubscript",
                "false AS hassubscript, NULL::pg_catalog.text AS typsubscript").sql();
        jdbc.forEach("base types", sql, rs -> bodies.put(rs.getLong("oid"), new TypeBody.Base(rs.getInt("typlen"),
                rs.getString("typinput"), rs.getString("typoutput"), proc(rs, "receive"), proc(rs, "send"),
                proc(rs, "modin"), proc(rs, "modout"), proc(rs, "analyze"), proc(rs, "subscript"),
                rs.getBoolean("typcollatable"), defaultValue(rs), rs.getString("element"),
                Jdbc.charOf(rs, "typcategory"), rs.getBoolean("typispreferred"), Jdbc.charOf(rs, "typdelim"),
                Jdbc.charOf(rs, "typalign"), Jdbc.charOf(rs, "typstorage"), rs.getBoolean("typbyval"))), oids);
    }

    private static @Nullable String proc(java.sql.ResultSet rs, String what) throws java.sql.SQLException {
        if (!rs.getBoolean("has" + what)) {
            return null;
        }
        return rs.getString(switch (what) {
            case "modin" -> "typmodin";
            case "modout" -> "typmodout";
            default -> "typ" + what;
        });
    }

    private void readDomains(Jdbc jdbc, long[] oids, Map<Long, TypeBody> bodies, Map<Long, Head> heads,
            List<FamilyObject> out) {
        if (oids.length == 0) {
            return;
        }
        Map<Long, List<TypeBody.DomainCheck>> checks = new HashMap<>();
        Map<Long, TypeBody.NotNull> notNulls = new HashMap<>();
        jdbc.forEach("domain constraints", DOMAIN_CONSTRAINTS, rs -> {
            long domain = rs.getLong("contypid");
            ObjectId id = new ObjectId(PG_CONSTRAINT, rs.getLong("oid"));
            String name = rs.getString("conname");
            if (Jdbc.charOf(rs, "contype") == 'n') {
                notNulls.put(domain, new TypeBody.NotNull(name, rs.getString("comment")));
                return;
            }
            TypeBody.DomainCheck c = new TypeBody.DomainCheck(id, name, rs.getString("condef"),
                    rs.getBoolean("convalidated"), rs.getString("comment"));
            checks.computeIfAbsent(domain, k -> new ArrayList<>()).add(c);
            Head h = heads.get(domain);
            out.add(new DomainConstraint(id, h.id(), h.schema(), h.name(), name, c.definition(), c.validated(),
                    h.ownership().owner(), c.comment(), h.components()));
        }, oids);
        jdbc.forEach("domains", DOMAINS, rs -> {
            long oid = rs.getLong("oid");
            TypeBody.NotNull notNull = notNulls.get(oid);
            if (notNull == null && rs.getBoolean("typnotnull")) {
                notNull = new TypeBody.NotNull(null, null);
            }
            bodies.put(oid, new TypeBody.Domain(rs.getString("typdefn"),
                    collation(rs.getString("collnsp"), rs.getString("collname")), notNull, defaultValue(rs),
                    checks.getOrDefault(oid, List.of())));
        }, oids);
    }

    /** The expression when there is one, else the text default as a literal (pg_dump's typdefault_is_literal). */
    private static @Nullable String defaultValue(java.sql.ResultSet rs) throws java.sql.SQLException {
        String bin = rs.getString("typdefaultbin");
        if (bin != null) {
            return bin;
        }
        String text = rs.getString("typdefault");
        return text == null ? null : org.pgdump4j.sql.Sql.literal(text);
    }

    private static @Nullable String collation(@Nullable String nsp, @Nullable String name) {
        return name == null ? null : org.pgdump4j.sql.Sql.qualified(nsp, name);
    }
}
