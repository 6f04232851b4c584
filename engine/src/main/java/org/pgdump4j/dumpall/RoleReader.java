package org.pgdump4j.dumpall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.model.seclabel.SecurityLabel;

/**
 * pg_dumpall's dumpRoles query (10+), with each role's settings for all databases (dumpUserConfig) and, unless
 * left out, its security labels. Roles named {@code pg_*} are the server's own and never read.
 */
final class RoleReader {
    private RoleReader() {
    }

    /**
     * @param catalog  {@code pg_authid}, or {@code pg_roles} when passwords are not dumped (readable by anyone)
     * @param passwords whether to read {@code rolpassword}
     */
    static List<Role> read(Jdbc jdbc, String catalog, boolean passwords, boolean labels) {
        Map<Long, List<String>> settings = settings(jdbc);
        List<Role> roles = jdbc.query("roles", "SELECT oid, rolname, rolsuper, rolinherit, rolcreaterole, "
                + "rolcreatedb, rolcanlogin, rolconnlimit, rolpassword, rolvaliduntil::text AS rolvaliduntil, "
                + "rolreplication, rolbypassrls, pg_catalog.shobj_description(oid, 'pg_authid') AS rolcomment "
                + "FROM pg_catalog." + catalog + " WHERE rolname !~ '^pg_' ORDER BY 2", rs -> {
                    long oid = rs.getLong("oid");
                    return new Role(oid, rs.getString("rolname"), rs.getBoolean("rolsuper"),
                            rs.getBoolean("rolinherit"), rs.getBoolean("rolcreaterole"), rs.getBoolean("rolcreatedb"),
                            rs.getBoolean("rolcanlogin"), rs.getBoolean("rolreplication"),
                            rs.getBoolean("rolbypassrls"), rs.getInt("rolconnlimit"),
                            passwords ? rs.getString("rolpassword") : null, rs.getString("rolvaliduntil"),
                            rs.getString("rolcomment"), settings.getOrDefault(oid, List.of()), List.of());
                });
        if (!labels) {
            return roles;
        }
        List<Role> out = new ArrayList<>(roles.size());
        for (Role r : roles) {
            out.add(new Role(r.oid(), r.name(), r.superuser(), r.inherit(), r.createRole(), r.createDb(), r.login(),
                    r.replication(), r.bypassRls(), r.connectionLimit(), r.password(), r.validUntil(), r.comment(),
                    r.settings(), sharedLabels(jdbc, "pg_authid", r.oid())));
        }
        return out;
    }

    /** Every role's {@code setdatabase = 0} items, in the array's order. */
    private static Map<Long, List<String>> settings(Jdbc jdbc) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        jdbc.forEach("role settings", "SELECT s.setrole, c.item FROM pg_catalog.pg_db_role_setting s, "
                + "LATERAL pg_catalog.unnest(s.setconfig) WITH ORDINALITY AS c(item, n) "
                + "WHERE s.setdatabase = 0 ORDER BY s.setrole, c.n",
                rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return out;
    }

    /** A shared object's labels, with pg_dumpall's query (no ORDER BY: the server's order is the dump's). */
    static List<SecurityLabel> sharedLabels(Jdbc jdbc, String catalog, long oid) {
        return jdbc.query("security labels", ("SELECT provider, label FROM pg_catalog.pg_shseclabel "
                + "WHERE classoid = 'pg_catalog.%s'::pg_catalog.regclass AND objoid = '%d'").formatted(catalog, oid),
                rs -> new SecurityLabel(0, rs.getString(1), rs.getString(2)));
    }
}
