package org.pgdump4j.dumpall;

import org.pgdump4j.ddl.AclDdl;
import org.pgdump4j.object.seclabel.SecurityLabelDdl;
import org.pgdump4j.sql.Sql;

/** A tablespace as pg_dumpall's dumpTablespaces writes it: CREATE, options, privileges, comment, labels. */
final class TablespaceDdl {
    private TablespaceDdl() {
    }

    static String create(Tablespace t, GlobalsStyle style) {
        String name = Sql.ident(t.name());
        StringBuilder sql = new StringBuilder("CREATE TABLESPACE ").append(name).append(" OWNER ")
                .append(Sql.ident(t.ownership().owner())).append(" LOCATION ")
                // an in-place tablespace has a relative location, and is created again with an empty one
                .append(style.literal(t.location().startsWith("/") ? t.location() : "")).append(";\n");
        if (!t.options().isEmpty()) {
            sql.append("ALTER TABLESPACE ").append(name).append(" SET (").append(t.options()).append(");\n");
        }
        if (style.privileges()) {
            sql.append(AclDdl.build("TABLESPACE", name, null, null, t.ownership(), t.ownership().acl(),
                    t.ownership().baseline()));
        }
        if (style.comments() && t.comment() != null && !t.comment().isEmpty()) {
            sql.append("COMMENT ON TABLESPACE ").append(name).append(" IS ").append(style.literal(t.comment()))
                    .append(";\n");
        }
        if (style.securityLabels()) {
            sql.append(SecurityLabelDdl.statements(t.labels(), "TABLESPACE " + name));
        }
        return sql.toString();
    }

    static String drop(String name, GlobalsStyle style) {
        return "DROP TABLESPACE " + style.ifExistsClause() + Sql.ident(name) + ";\n";
    }

}
