package org.pgdump4j.object.routine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.CatalogReadException;
import org.pgdump4j.catalog.ExtensionMarks;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.routine.Aggregate;
import org.pgdump4j.model.routine.ArgType;
import org.pgdump4j.model.routine.Routine;
import org.pgdump4j.model.routine.Signature;
import org.pgdump4j.sql.Sql;

/**
 * pg_dump's getFuncs and getAggregates, with what dumpFunc and dumpAgg ask per object folded into the same two
 * queries (no query per routine), and one more for the names of the argument types (format_type, and the schema
 * and name pg_dump sorts by).
 */
public final class RoutineReader implements FamilyReader {
    public static final long PG_PROC = 1255;

    /** pg_dump's g_last_builtin_oid: casts and transforms above it are the user's. */
    private static final long LAST_BUILTIN_OID = ReadContext.FIRST_NORMAL_OID - 1;

    /** What every row of both queries holds before its argument types are named. */
    private record Head(long oid, long nspOid, String schema, String name, long[] argOids, String arguments,
            String identityArguments, Ownership ownership, @Nullable String comment) {
    }

    private interface Builder {
        FamilyObject build(Signature signature);
    }

    private record Pending(Head head, Builder builder) {
    }

    private static final String OWNERSHIP = """
            pg_catalog.pg_get_userbyid(p.proowner) AS owner, p.proacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault('f', p.proowner)::pg_catalog.text[] AS defacl,
                   pip.initprivs::pg_catalog.text[] AS initprivs, d.description AS comment,
                   pg_catalog.pg_get_function_arguments(p.oid) AS funcargs,
                   pg_catalog.pg_get_function_identity_arguments(p.oid) AS funciargs""";

    private static final String JOINS = """
              JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
              LEFT JOIN pg_catalog.pg_init_privs pip ON pip.objoid = p.oid
                   AND pip.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND pip.objsubid = 0
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = p.oid
                   AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objsubid = 0""";

    /** getFuncs' WHERE: no aggregates, no range constructors, pg_catalog only for user casts, transforms, ACLs. */
    static String functionsSql(ServerFeatures f) {
        return Query.of("""
                SELECT p.oid, p.proname, p.pronamespace, n.nspname, p.proargtypes::pg_catalog.text AS argtypes,
                       {ownership},
                       {prokind} AS prokind, pg_catalog.pg_get_function_result(p.oid) AS funcresult,
                       p.proretset, l.lanname, p.provolatile, p.proisstrict, p.prosecdef, p.proleakproof,
                       p.procost::pg_catalog.text AS procost, p.prorows::pg_catalog.text AS prorows,
                       {prosupport} AS prosupport, p.proparallel, p.proconfig, p.prosrc, p.probin,
                       {sqlbody} AS prosqlbody,
                       CASE WHEN p.protrftypes IS NOT NULL THEN ARRAY(
                           SELECT pg_catalog.format_type(t.oid, NULL)
                             FROM pg_catalog.unnest(p.protrftypes) WITH ORDINALITY AS t(oid, ord) ORDER BY t.ord)
                       END AS trftypes
                  FROM pg_catalog.pg_proc p
                  JOIN pg_catalog.pg_language l ON l.oid = p.prolang
                {joins}
                 WHERE {notagg}
                   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i
                                    WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                      AND i.objid = p.oid AND i.deptype = 'i')
                   AND (n.nspname <> 'pg_catalog'
                        OR EXISTS (SELECT 1 FROM pg_catalog.pg_cast c WHERE c.oid > {builtin} AND c.castfunc = p.oid)
                        OR EXISTS (SELECT 1 FROM pg_catalog.pg_transform t WHERE t.oid > {builtin}
                                     AND (t.trffromsql = p.oid OR t.trftosql = p.oid))
                        OR p.proacl IS DISTINCT FROM pip.initprivs)
                """)
                .slot("ownership", OWNERSHIP)
                .slot("joins", JOINS)
                .slot("prokind", f.hasProkind(), "p.prokind",
                        "CASE WHEN p.proiswindow THEN 'w' ELSE 'f' END")
                .slot("notagg", f.hasProkind(), "p.prokind <> 'a'", "NOT p.proisagg")
                .slot("prosupport", f.hasSupportFunctions(), "p.prosupport::pg_catalog.regproc::pg_catalog.text",
                        "'-'")
                .slot("sqlbody", f.hasSqlStandardBodies(), "pg_catalog.pg_get_function_sqlbody(p.oid)", "NULL")
                .slot("builtin", Long.toString(LAST_BUILTIN_OID))
                .sql();
    }

    /** getAggregates' WHERE: the user's aggregates, and pg_catalog's whose privileges changed. */
    static String aggregatesSql(ServerFeatures f) {
        return Query.of("""
                SELECT p.oid, p.proname, p.pronamespace, n.nspname, p.proargtypes::pg_catalog.text AS argtypes,
                       {ownership},
                       a.aggkind, a.aggtransfn::pg_catalog.text AS aggtransfn,
                       a.aggtranstype::pg_catalog.regtype::pg_catalog.text AS aggtranstype, a.aggtransspace,
                       a.agginitval, a.aggfinalfn::pg_catalog.text AS aggfinalfn, a.aggfinalextra,
                       {finalmodify} AS aggfinalmodify,
                       a.aggcombinefn::pg_catalog.text AS aggcombinefn, a.aggserialfn::pg_catalog.text AS aggserialfn,
                       a.aggdeserialfn::pg_catalog.text AS aggdeserialfn,
                       a.aggmtransfn::pg_catalog.text AS aggmtransfn,
                       a.aggminvtransfn::pg_catalog.text AS aggminvtransfn,
                       a.aggmtranstype::pg_catalog.regtype::pg_catalog.text AS aggmtranstype, a.aggmtransspace,
                       a.aggminitval, a.aggmfinalfn::pg_catalog.text AS aggmfinalfn, a.aggmfinalextra,
                       {mfinalmodify} AS aggmfinalmodify,
                       o.oprname AS sortopname, opn.nspname AS sortopschema, p.proparallel
                  FROM pg_catalog.pg_proc p
                  JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
                  LEFT JOIN pg_catalog.pg_operator o ON o.oid = a.aggsortop
                  LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = o.oprnamespace
                {joins}
                 WHERE {agg} AND (n.nspname <> 'pg_catalog' OR p.proacl IS DISTINCT FROM pip.initprivs)
                """)
                .slot("ownership", OWNERSHIP)
                .slot("joins", JOINS)
                .slot("agg", f.hasProkind(), "p.prokind = 'a'", "p.proisagg")
                .slot("finalmodify", f.hasAggregateFinalModify(), "a.aggfinalmodify", "'0'")
                .slot("mfinalmodify", f.hasAggregateFinalModify(), "a.aggmfinalmodify", "'0'")
                .sql();
    }

    @Override
    public List<FamilyObject> read(ReadContext ctx) {
        Jdbc jdbc = ctx.jdbc();
        List<Pending> pending = new ArrayList<>();
        // pg_dump's own per-function lookup, so that several marks come in its order
        Map<Long, List<String>> marks = ExtensionMarks.read(jdbc, "pg_catalog.pg_proc");
        jdbc.forEach("functions", functionsSql(ctx.features()), rs -> {
            Head h = head(rs);
            Routine.Body body = rs.getString("prosqlbody") != null ? new Routine.SqlBody(rs.getString("prosqlbody"))
                    : new Routine.Source(rs.getString("prosrc"), nullToEmpty(rs.getString("probin")));
            String support = rs.getString("prosupport");
            List<String> config = Jdbc.textArray(rs, "proconfig");
            List<String> transforms = Jdbc.textArray(rs, "trftypes");
            List<String> extensions = marks.getOrDefault(h.oid(), List.of());
            char kind = Jdbc.charOf(rs, "prokind");
            String result = kind == 'p' ? null : rs.getString("funcresult");
            boolean retset = rs.getBoolean("proretset");
            String language = rs.getString("lanname");
            char volatility = Jdbc.charOf(rs, "provolatile");
            boolean strict = rs.getBoolean("proisstrict");
            boolean secdef = rs.getBoolean("prosecdef");
            boolean leakproof = rs.getBoolean("proleakproof");
            String cost = rs.getString("procost");
            String rows = rs.getString("prorows");
            char parallel = Jdbc.charOf(rs, "proparallel");
            var components = ctx.inSchema(h.nspOid(), new ObjectId(PG_PROC, h.oid()));
            pending.add(new Pending(h, sig -> new Routine(new ObjectId(PG_PROC, h.oid()), h.schema(), sig, kind,
                    result, retset, language, transforms == null ? List.of() : transforms, volatility, strict,
                    secdef, leakproof, cost, rows, "-".equals(support) ? null : support, parallel,
                    config == null ? List.of() : config, body, extensions,
                    h.ownership(), h.comment(), components)));
        });
        jdbc.forEach("aggregates", aggregatesSql(ctx.features()), rs -> {
            Head h = head(rs);
            char aggKind = Jdbc.charOf(rs, "aggkind");
            char defaultModify = aggKind == 'n' ? 'r' : 'w';
            Aggregate.Final fin = fin(rs.getString("aggfinalfn"), rs.getBoolean("aggfinalextra"),
                    modify(rs, "aggfinalmodify", defaultModify, h));
            String mtrans = regproc(rs.getString("aggmtransfn"));
            Aggregate.Moving moving = mtrans == null ? null : new Aggregate.Moving(mtrans,
                    rs.getString("aggminvtransfn"), rs.getString("aggmtranstype"), rs.getInt("aggmtransspace"),
                    rs.getString("aggminitval"), fin(rs.getString("aggmfinalfn"), rs.getBoolean("aggmfinalextra"),
                            modify(rs, "aggmfinalmodify", defaultModify, h)));
            String sortOp = rs.getString("sortopname") == null ? null
                    : "OPERATOR(" + Sql.ident(rs.getString("sortopschema")) + "." + rs.getString("sortopname") + ")";
            String transFn = rs.getString("aggtransfn");
            String transType = rs.getString("aggtranstype");
            int transSpace = rs.getInt("aggtransspace");
            String initCond = rs.getString("agginitval");
            String combine = regproc(rs.getString("aggcombinefn"));
            String serial = regproc(rs.getString("aggserialfn"));
            String deserial = regproc(rs.getString("aggdeserialfn"));
            char parallel = Jdbc.charOf(rs, "proparallel");
            var components = ctx.inSchema(h.nspOid(), new ObjectId(PG_PROC, h.oid()));
            pending.add(new Pending(h, sig -> new Aggregate(new ObjectId(PG_PROC, h.oid()), h.schema(), sig,
                    aggKind, transFn, transType, transSpace, initCond, fin, combine, serial, deserial, moving,
                    sortOp, parallel, h.ownership(), h.comment(), components)));
        });
        Map<Long, ArgType> types = argTypes(jdbc, pending);
        List<FamilyObject> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            Head h = p.head();
            List<ArgType> args = new ArrayList<>(h.argOids().length);
            for (long oid : h.argOids()) {
                ArgType t = types.get(oid);
                if (t == null) {
                    throw new CatalogReadException("could not find type with OID " + oid + " of the arguments of "
                            + "function \"" + h.name() + "\"");
                }
                args.add(t);
            }
            out.add(p.builder().build(new Signature(h.name(), args, h.arguments(), h.identityArguments())));
        }
        return out;
    }

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(rs.getLong("oid"), rs.getLong("pronamespace"), rs.getString("nspname"),
                rs.getString("proname"), oidVector(rs.getString("argtypes")), rs.getString("funcargs"),
                rs.getString("funciargs"), new Ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"),
                        Jdbc.baseline(rs)), rs.getString("comment"));
    }

    /** The format_type name, schema and typname of every argument type the routines use, in one query. */
    private static Map<Long, ArgType> argTypes(Jdbc jdbc, List<Pending> pending) {
        Set<Long> oids = new HashSet<>();
        for (Pending p : pending) {
            for (long oid : p.head().argOids()) {
                oids.add(oid);
            }
        }
        Map<Long, ArgType> out = new HashMap<>(oids.size() * 2);
        if (oids.isEmpty()) {
            return out;
        }
        jdbc.forEach("argument types", """
                SELECT t.oid, pg_catalog.format_type(t.oid, NULL) AS display, n.nspname, t.typname
                  FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                 WHERE t.oid = ANY(?)
                """, rs -> out.put(rs.getLong("oid"), new ArgType(rs.getString("display"), rs.getString("nspname"),
                rs.getString("typname"))), (Object) Jdbc.oids(oids));
        return out;
    }

    /** An oidvector's text ({@code 23 25}), of any length. */
    static long[] oidVector(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new long[0];
        }
        String[] parts = text.trim().split(" +");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }

    /** A regproc's text, null for {@code -} (none). */
    private static @Nullable String regproc(@Nullable String text) {
        return text == null || text.equals("-") ? null : text;
    }

    private static Aggregate.@Nullable Final fin(String fn, boolean extra, char modify) {
        String f = regproc(fn);
        return f == null ? null : new Aggregate.Final(f, extra, modify);
    }

    /** aggfinalmodify; servers before 11 have none ('0'): the default for the aggregate's kind. */
    private static char modify(ResultSet rs, String column, char defaultModify, Head h) throws SQLException {
        char c = Jdbc.charOf(rs, column);
        if (c == '0') {
            return defaultModify;
        }
        if (c != 'r' && c != 's' && c != 'w') {
            throw new CatalogReadException("unrecognized " + column + " value for aggregate \"" + h.name() + "\"");
        }
        return c;
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
