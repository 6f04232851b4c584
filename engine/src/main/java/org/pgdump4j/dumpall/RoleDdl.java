package org.pgdump4j.dumpall;

import java.util.List;
import org.pgdump4j.ddl.ConfigDdl;
import org.pgdump4j.object.seclabel.SecurityLabelDdl;
import org.pgdump4j.sql.Sql;

/**
 * A role as pg_dumpall's dumpRoles writes it: {@code CREATE ROLE} (which may fail harmlessly when the role exists,
 * as the restoring user's own does) then {@code ALTER ROLE ... WITH} every attribute, so the role ends up right
 * either way; its comment and labels; later its settings.
 */
final class RoleDdl {
    private RoleDdl() {
    }

    /** {@code CREATE ROLE}, {@code ALTER ROLE ... WITH}, comment and labels, each ending in a newline. */
    static String create(Role r, GlobalsStyle style) {
        String name = Sql.ident(r.name());
        StringBuilder sql = new StringBuilder("CREATE ROLE ").append(name).append(";\n");
        sql.append("ALTER ROLE ").append(name).append(" WITH")
                .append(r.superuser() ? " SUPERUSER" : " NOSUPERUSER")
                .append(r.inherit() ? " INHERIT" : " NOINHERIT")
                .append(r.createRole() ? " CREATEROLE" : " NOCREATEROLE")
                .append(r.createDb() ? " CREATEDB" : " NOCREATEDB")
                .append(r.login() ? " LOGIN" : " NOLOGIN")
                .append(r.replication() ? " REPLICATION" : " NOREPLICATION")
                .append(r.bypassRls() ? " BYPASSRLS" : " NOBYPASSRLS");
        if (r.connectionLimit() != -1) {
            sql.append(" CONNECTION LIMIT ").append(r.connectionLimit());
        }
        if (r.password() != null && style.passwords()) {
            sql.append(" PASSWORD ").append(style.literal(r.password()));
        }
        if (r.validUntil() != null) {
            sql.append(" VALID UNTIL ").append(style.literal(r.validUntil()));
        }
        sql.append(";\n");
        if (style.comments() && r.comment() != null) {
            sql.append("COMMENT ON ROLE ").append(name).append(" IS ").append(style.literal(r.comment()))
                    .append(";\n");
        }
        if (style.securityLabels()) {
            sql.append(SecurityLabelDdl.statements(r.labels(), "ROLE " + name));
        }
        return sql.toString();
    }

    /** The "User Configurations" section: each role's settings for all databases, after every role exists. */
    static String settings(List<Role> roles) {
        StringBuilder sql = new StringBuilder();
        if (roles.isEmpty()) {
            return "";
        }
        sql.append("\n--\n-- User Configurations\n--\n");
        for (Role r : roles) {
            if (r.settings().isEmpty()) {
                continue;
            }
            sql.append("\n--\n-- User Config \"").append(GlobalsStyle.commentName(r.name())).append("\"\n--\n\n");
            for (String item : r.settings()) {
                sql.append(ConfigDdl.alter("ROLE", r.name(), null, null, item));
            }
        }
        return sql.toString();
    }

    static String drop(String role, GlobalsStyle style) {
        return "DROP ROLE " + style.ifExistsClause() + Sql.ident(role) + ";\n";
    }
}
