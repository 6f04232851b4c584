package org.pgdump4j.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pgdump4j.ddl.ConfigDdl;
import org.pgdump4j.model.Database;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.seclabel.SecurityLabel;
import org.pgdump4j.object.seclabel.SecurityLabelReader;
import org.pgdump4j.sql.Sql;

/** Reads the current database's pg_database row and settings (pg_dump's dumpDatabase). */
final class DatabaseReader {
    private static final String SQL = """
            SELECT d.oid, d.datname, pg_catalog.pg_get_userbyid(d.datdba) AS owner,
                   d.datacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault('d', d.datdba)::pg_catalog.text[] AS defacl,
                   pg_catalog.pg_encoding_to_char(d.encoding) AS encoding,
                   d.datcollate, d.datctype, {datlocprovider} AS datlocprovider, {datlocale} AS datlocale,
                   {daticurules} AS daticurules,
                   d.datistemplate, d.datconnlimit, COALESCE(t.spcname, '') AS tablespace,
                   pg_catalog.shobj_description(d.oid, 'pg_database') AS description,
                   (SELECT s.setconfig::pg_catalog.text[] FROM pg_catalog.pg_db_role_setting s
                     WHERE s.setdatabase = d.oid AND s.setrole = 0) AS setconfig
              FROM pg_catalog.pg_database d
              LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = d.dattablespace
             WHERE d.datname = pg_catalog.current_database()
            """;

    private DatabaseReader() {
    }

    /**
     * @param tablespace whether CREATE DATABASE names the database's tablespace (pg_dump: not --no-tablespaces)
     * @param labels     whether its security labels are read (pg_dump: not --no-security-labels)
     */
    static Database read(Jdbc jdbc, ServerFeatures f, boolean tablespace, boolean labels) {
        String sql = Query.of(SQL)
                .slot("datlocprovider", f.hasLocaleProvider(), "d.datlocprovider", "'c'::\"char\"")
                .slot("datlocale",
                        f.hasDatLocale() ? "d.datlocale" : f.hasLocaleProvider() ? "d.daticulocale" : "NULL::text")
                .slot("daticurules", f.hasIcuRules(), "d.daticurules", "NULL::text")
                .sql();
        Database db = jdbc.query("database", sql, rs -> {
            String name = rs.getString("datname");
            String qname = Sql.ident(name);
            StringBuilder with = new StringBuilder(" WITH TEMPLATE = template0");
            with.append(" ENCODING = ").append(Sql.literal(rs.getString("encoding")));
            String provider = rs.getString("datlocprovider");
            with.append(" LOCALE_PROVIDER = ").append(switch (provider) {
                case "b" -> "builtin";
                case "i" -> "icu";
                default -> "libc";
            });
            String collate = rs.getString("datcollate");
            String ctype = rs.getString("datctype");
            if (collate != null && collate.equals(ctype)) {
                with.append(" LOCALE = ").append(Sql.literal(collate));
            } else {
                with.append(" LC_COLLATE = ").append(Sql.literal(Objects.toString(collate, "")));
                with.append(" LC_CTYPE = ").append(Sql.literal(Objects.toString(ctype, "")));
            }
            String locale = rs.getString("datlocale");
            if (locale != null) {
                with.append(provider.equals("b") ? " BUILTIN_LOCALE = " : " ICU_LOCALE = ").append(Sql.literal(locale));
            }
            String rules = rs.getString("daticurules");
            if (rules != null) {
                with.append(" ICU_RULES = ").append(Sql.literal(rules));
            }
            String ts = rs.getString("tablespace");
            if (tablespace && !ts.isEmpty() && !ts.equals("pg_default")) {
                with.append(" TABLESPACE = ").append(Sql.ident(ts));
            }
            List<String> props = new ArrayList<>();
            int connlimit = rs.getInt("datconnlimit");
            if (connlimit != -1) {
                props.add("ALTER DATABASE " + qname + " CONNECTION LIMIT = " + connlimit + ";\n");
            }
            if (rs.getBoolean("datistemplate")) {
                props.add("ALTER DATABASE " + qname + " IS_TEMPLATE = true;\n");
            }
            List<String> config = Jdbc.textArray(rs, "setconfig");
            if (config != null) {
                for (String item : config) {
                    props.add(ConfigDdl.alter("DATABASE", name, null, null, item));
                }
            }
            return new Database(new ObjectId(ObjectId.PG_DATABASE, rs.getLong("oid")), name,
                    new Ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"),
                            Objects.requireNonNull(Jdbc.textArray(rs, "defacl"))),
                    with.toString(), props, rs.getString("description"), List.of(), rs.getBoolean("datistemplate"));
        }).get(0);
        // then the roles' settings in it, by pg_dump's query (no ORDER BY: the order its plan gives)
        List<String> settings = new ArrayList<>(db.settings());
        jdbc.forEach("role settings", """
                SELECT rolname, unnest(setconfig) FROM pg_catalog.pg_db_role_setting s, pg_catalog.pg_roles r
                 WHERE setrole = r.oid AND setdatabase = '%d'::oid""".formatted(db.id().oid()),
                rs -> settings.add(ConfigDdl.alter("ROLE", rs.getString(1), "DATABASE", db.name(), rs.getString(2))));
        List<SecurityLabel> dbLabels = labels ? SecurityLabelReader.database(jdbc, db.id().oid()) : List.of();
        return new Database(db.id(), db.name(), db.ownership(), db.createOptions(), settings, db.comment(),
                dbLabels, db.template());
    }
}
