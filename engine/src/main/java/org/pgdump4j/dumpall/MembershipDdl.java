package org.pgdump4j.dumpall;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.sql.Sql;

/**
 * The GRANT statements of the role memberships, in an order a restore can run, as pg_dumpall's dumpRoleMembership.
 * From 16 on, a grantor named in GRANTED BY must hold ADMIN OPTION on the role already (unless it is the bootstrap
 * superuser): so each role's grants are written in passes, a grant waiting until its grantor has been given ADMIN
 * OPTION by an earlier one. Older servers did not track grantors reliably: their grants carry no GRANTED BY and
 * no options but ADMIN. A grantor that no longer exists is left out (pg_dumpall 18.4 and later).
 */
final class MembershipDdl {
    /** The bootstrap superuser's OID, which may always grant. */
    static final long BOOTSTRAP_SUPERUSER = 10;

    private MembershipDdl() {
    }

    /**
     * @param rows     pg_auth_members as read, grouped by role name (dangling roles last)
     * @param grantors whether to write GRANTED BY and the INHERIT/SET options (16+ servers)
     * @param warning  hears pg_dumpall's warnings about rows naming no role
     * @return the statements, each ending in a newline
     * @throws PgDumpException when no order lets every grantor hold ADMIN OPTION first
     */
    static String grants(List<Membership> rows, boolean grantors, Consumer<String> warning) {
        StringBuilder sql = new StringBuilder();
        int start = 0;
        while (start < rows.size()) {
            String role = rows.get(start).role();
            if (role == null) {
                warning.accept("found orphaned pg_auth_members entry for role " + rows.get(start).roleId());
                break;
            }
            int end = start;
            while (end < rows.size() && role.equals(rows.get(end).role())) {
                end++;
            }
            grantsOfRole(rows.subList(start, end), role, grantors, warning, sql);
            start = end;
        }
        return sql.toString();
    }

    private static void grantsOfRole(List<Membership> grants, String role, boolean grantors, Consumer<String> warning,
            StringBuilder sql) {
        boolean[] done = new boolean[grants.size()];
        int remaining = grants.size();
        Set<String> admins = new HashSet<>();
        int previous = -1;
        while (remaining > 0) {
            if (remaining == previous) {
                throw new PgDumpException("could not find a legal dump ordering for memberships in role \""
                        + role + "\"");
            }
            previous = remaining;
            for (int i = 0; i < grants.size(); i++) {
                if (done[i]) {
                    continue;
                }
                Membership m = grants.get(i);
                if (m.member() == null) {
                    warning.accept("found orphaned pg_auth_members entry for role " + m.memberId());
                    done[i] = true;
                    remaining--;
                    continue;
                }
                // a grantor that no longer exists (dropped before 16 tracked grantors) is left out, not waited for
                if (grantors && m.grantor() != null && m.grantorId() != BOOTSTRAP_SUPERUSER
                        && !admins.contains(m.grantor())) {
                    continue;
                }
                done[i] = true;
                remaining--;
                if (m.admin()) {
                    admins.add(m.member());
                }
                sql.append(grant(m, grantors));
            }
        }
    }

    /** One {@code GRANT role TO member [WITH ...] [GRANTED BY grantor];} line. */
    static String grant(Membership m, boolean grantors) {
        StringBuilder options = new StringBuilder();
        if (m.admin()) {
            options.append("ADMIN OPTION");
        }
        if (grantors) {
            options.append(options.isEmpty() ? "" : ", ").append("INHERIT ")
                    .append(Boolean.TRUE.equals(m.inherit()) ? "TRUE" : "FALSE");
        }
        if (!m.set()) {
            options.append(options.isEmpty() ? "" : ", ").append("SET FALSE");
        }
        StringBuilder sql = new StringBuilder("GRANT ").append(Sql.ident(Objects.requireNonNull(m.role())))
                .append(" TO ").append(Sql.ident(Objects.requireNonNull(m.member())));
        if (!options.isEmpty()) {
            sql.append(" WITH ").append(options);
        }
        if (grantors && m.grantor() != null) {
            sql.append(" GRANTED BY ").append(Sql.ident(m.grantor()));
        }
        return sql.append(";\n").toString();
    }
}
