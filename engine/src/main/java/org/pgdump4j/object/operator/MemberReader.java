package org.pgdump4j.object.operator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.operator.OpMember;

/**
 * The members (pg_amop and pg_amproc rows) of user-made operator classes or families, each under the object that
 * pg_depend ties it to, as dumpOpclass and dumpOpfamily select them: a class lists the members that depend on it
 * (and belong to its family), a family its loose members, those that depend on the family itself. Two queries for
 * all objects, operators by strategy then functions by number. pg_dump orders by those numbers only, so members
 * sharing one (cross-type members of a family) come in its query plan's order: for operators an index scan of
 * pg_depend (creation order from v12, newest first before), for functions a scan of pg_amproc (creation order).
 * That is followed here; the server's sort keeps it for small families, larger ones may differ.
 */
final class MemberReader {
    private static final String OPERATORS = """
            SELECT d.refobjid, ao.amopstrategy, ao.amopopr::pg_catalog.regoperator::pg_catalog.text AS opr,
                   f.opfname AS sortfamily, n.nspname AS sortfamilynsp
              FROM pg_catalog.pg_amop ao
              JOIN pg_catalog.pg_depend d
                ON d.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND d.objid = ao.oid
              {owner}
              LEFT JOIN pg_catalog.pg_opfamily f ON f.oid = ao.amopsortfamily
              LEFT JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
             WHERE ao.oid >= {firstnormal} AND o.family = ao.amopfamily
             ORDER BY d.refobjid, ao.amopstrategy, ao.oid {tieorder}
            """;
    private static final String FUNCTIONS = """
            SELECT d.refobjid, ap.amprocnum, ap.amproc::pg_catalog.regprocedure::pg_catalog.text AS proc,
                   ap.amproclefttype::pg_catalog.regtype::pg_catalog.text AS lefttype,
                   ap.amprocrighttype::pg_catalog.regtype::pg_catalog.text AS righttype
              FROM pg_catalog.pg_amproc ap
              JOIN pg_catalog.pg_depend d
                ON d.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND d.objid = ap.oid
              {owner}
             WHERE ap.oid >= {firstnormal} AND o.family = ap.amprocfamily
             ORDER BY d.refobjid, ap.amprocnum, ap.oid
            """;
    private static final String CLASS_OWNER = """
            JOIN (SELECT oid, opcfamily AS family FROM pg_catalog.pg_opclass) o
                ON d.refclassid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND o.oid = d.refobjid""";
    private static final String FAMILY_OWNER = """
            JOIN (SELECT oid, oid AS family FROM pg_catalog.pg_opfamily) o
                ON d.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND o.oid = d.refobjid""";

    private MemberReader() {
    }

    /** Members tied to operator classes, by class OID. */
    static Map<Long, List<OpMember>> ofClasses(ReadContext ctx) {
        return read(ctx, CLASS_OWNER, "operator class members");
    }

    /** Loose members of operator families, by family OID. */
    static Map<Long, List<OpMember>> ofFamilies(ReadContext ctx) {
        return read(ctx, FAMILY_OWNER, "operator family members");
    }

    private static Map<Long, List<OpMember>> read(ReadContext ctx, String owner, String what) {
        Map<Long, List<OpMember>> out = new HashMap<>();
        String first = Long.toString(ReadContext.FIRST_NORMAL_OID);
        ctx.jdbc().forEach(what, Query.of(OPERATORS).slot("owner", owner).slot("firstnormal", first)
                .slot("tieorder", ctx.features().hasHeapOrderedBtreeDuplicates(), "", "DESC").sql(), rs -> {
            String sortFamily = rs.getString("sortfamily");
            out.computeIfAbsent(rs.getLong("refobjid"), k -> new ArrayList<>()).add(new OpMember.Op(
                    rs.getInt("amopstrategy"), rs.getString("opr"),
                    sortFamily == null ? null : new QualifiedName(rs.getString("sortfamilynsp"), sortFamily)));
        });
        ctx.jdbc().forEach(what, Query.of(FUNCTIONS).slot("owner", owner).slot("firstnormal", first).sql(), rs ->
                out.computeIfAbsent(rs.getLong("refobjid"), k -> new ArrayList<>()).add(new OpMember.Proc(
                        rs.getInt("amprocnum"), rs.getString("lefttype"), rs.getString("righttype"),
                        rs.getString("proc"))));
        return out;
    }
}
