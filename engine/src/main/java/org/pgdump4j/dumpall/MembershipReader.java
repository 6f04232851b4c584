package org.pgdump4j.dumpall;

import java.util.List;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ServerFeatures;

/**
 * pg_dumpall's dumpRoleMembership query: every pg_auth_members row but those between two {@code pg_*} roles,
 * ordered by role, member and grantor names (a dangling OID's null name last), with the INHERIT and SET options
 * from 16 on.
 */
final class MembershipReader {
    private MembershipReader() {
    }

    static List<Membership> read(Jdbc jdbc, ServerFeatures features, String catalog) {
        boolean options = features.hasMembershipOptions();
        String sql = "SELECT ur.rolname AS role, um.rolname AS member, ug.rolname AS grantor, a.roleid, a.member AS "
                + "memberid, a.grantor AS grantorid, a.admin_option"
                + (options ? ", a.inherit_option, a.set_option" : "")
                + " FROM pg_catalog.pg_auth_members a"
                + " LEFT JOIN pg_catalog." + catalog + " ur ON ur.oid = a.roleid"
                + " LEFT JOIN pg_catalog." + catalog + " um ON um.oid = a.member"
                + " LEFT JOIN pg_catalog." + catalog + " ug ON ug.oid = a.grantor"
                + " WHERE NOT (ur.rolname ~ '^pg_' AND um.rolname ~ '^pg_') ORDER BY 1, 2, 3";
        return jdbc.query("role memberships", sql, rs -> new Membership(rs.getString("role"),
                rs.getString("member"), rs.getString("grantor"), rs.getLong("roleid"), rs.getLong("memberid"),
                rs.getLong("grantorid"), rs.getBoolean("admin_option"),
                options ? rs.getBoolean("inherit_option") : null, !options || rs.getBoolean("set_option")));
    }
}
