package org.pgdump4j.dumpall;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.sql.Sql;

/** The globals part of the cluster script: each kind read, then written under pg_dumpall's section headers. */
final class GlobalsScript {
    private GlobalsScript() {
    }

    /** The globals, in pg_dumpall's order: the drops (with -c), roles, memberships, parameter privileges, tablespaces. */
    static void write(Jdbc jdbc, PgDumpall.Session s, DumpallOptions o, Script out, ProgressListener listener)
            throws IOException {
        DumpallOptions.Scope scope = o.scope();
        boolean roles = scope != DumpallOptions.Scope.TABLESPACES;
        boolean tablespaces = scope != DumpallOptions.Scope.ROLES && !o.noTablespaces();
        String catalog = o.noRolePasswords() ? "pg_roles" : "pg_authid";
        GlobalsStyle style = new GlobalsStyle(!o.noRolePasswords(), !o.noComments(), !o.noSecurityLabels(),
                !o.noPrivileges(), o.ifExists(), s.standardStrings());
        if (o.clean()) {
            if (scope == DumpallOptions.Scope.ALL) {
                List<String> dbs = jdbc.query("databases", "SELECT datname FROM pg_catalog.pg_database d "
                        + "WHERE datallowconn AND datconnlimit != -2 ORDER BY datname", rs -> rs.getString(1));
                section(out, dbs.size(), "Drop databases (except postgres and template1)");
                for (String db : dbs) {
                    if (!Set.of("template0", "template1", "postgres").contains(db)) {
                        out.print("DROP DATABASE " + style.ifExistsClause() + Sql.ident(db) + ";\n");
                    }
                }
                out.print("\n\n");
            }
            if (tablespaces) {
                List<String> names = jdbc.query("tablespaces", "SELECT spcname FROM pg_catalog.pg_tablespace "
                        + "WHERE spcname !~ '^pg_' ORDER BY 1", rs -> rs.getString(1));
                section(out, names.size(), "Drop tablespaces");
                for (String t : names) {
                    out.print(TablespaceDdl.drop(t, style));
                }
                out.print("\n\n");
            }
            if (roles) {
                List<String> names = jdbc.query("roles", "SELECT rolname FROM pg_catalog." + catalog
                        + " WHERE rolname !~ '^pg_' ORDER BY 1", rs -> rs.getString(1));
                section(out, names.size(), "Drop roles");
                for (String r : names) {
                    out.print(RoleDdl.drop(r, style));
                }
                out.print("\n\n");
            }
        }
        if (roles) {
            List<Role> all = RoleReader.read(jdbc, catalog, !o.noRolePasswords(), !o.noSecurityLabels());
            section(out, all.size(), "Roles");
            for (Role r : all) {
                out.print(RoleDdl.create(r, style));
            }
            out.print(RoleDdl.settings(all));
            out.print("\n\n");
            List<Membership> members = MembershipReader.read(jdbc, s.features(), catalog);
            section(out, members.size(), "Role memberships");
            out.print(MembershipDdl.grants(members, s.features().hasMembershipOptions(), listener::warning));
            out.print("\n\n");
            if (s.features().hasParameterAcl() && !o.noPrivileges()) {
                List<ParameterAcl> params = ParameterAclReader.read(jdbc);
                section(out, params.size(), "Role privileges on configuration parameters");
                for (ParameterAcl p : params) {
                    out.print(ParameterAclDdl.grants(p));
                }
                out.print("\n\n");
            }
        }
        if (tablespaces) {
            List<Tablespace> all = TablespaceReader.read(jdbc, !o.noSecurityLabels());
            section(out, all.size(), "Tablespaces");
            for (Tablespace t : all) {
                out.print(TablespaceDdl.create(t, style));
            }
            out.print("\n\n");
        }
    }

    private static void section(Script out, int rows, String title) throws IOException {
        if (rows > 0) {
            out.print("--\n-- " + title + "\n--\n\n");
        }
    }
}
