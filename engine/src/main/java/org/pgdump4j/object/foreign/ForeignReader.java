package org.pgdump4j.object.foreign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.foreign.ForeignDataWrapper;
import org.pgdump4j.model.foreign.ForeignServer;

/**
 * pg_dump's getForeignDataWrappers and getForeignServers, with dumpUserMappings' query folded in: every wrapper and
 * server, dumped like any object outside schemas (only when no -n/-t narrows the dump; an extension member only
 * for its changed privileges, and then without its user mappings). Options are quoted by the server, with pg_dump's
 * own expression, so the text is pg_dump's whatever the option names and values hold. The catalogs are the same
 * on every server pg_dump 18 supports.
 */
public final class ForeignReader implements FamilyReader {
    /** {@code name 'value'} items of an options array, in option-name order, as pg_dump's queries build them. */
    private static String options(String column) {
        return """
                ARRAY(SELECT pg_catalog.quote_ident(option_name) || ' ' || pg_catalog.quote_literal(option_value)
                        FROM pg_catalog.pg_options_to_table(%s) ORDER BY option_name)::pg_catalog.text[]"""
                .formatted(column);
    }

    private static String initprivs(String alias) {
        return """
                (SELECT pip.initprivs::pg_catalog.text[] FROM pg_catalog.pg_init_privs pip
                  WHERE pip.objoid = %1$s.oid AND pip.classoid = %1$s.tableoid AND pip.objsubid = 0)""".formatted(alias);
    }

    private static final String WRAPPERS = """
            SELECT w.tableoid, w.oid, w.fdwname, pg_catalog.pg_get_userbyid(w.fdwowner) AS owner,
                   NULLIF(w.fdwhandler, 0)::pg_catalog.regproc::pg_catalog.text AS handler,
                   NULLIF(w.fdwvalidator, 0)::pg_catalog.regproc::pg_catalog.text AS validator,
                   w.fdwacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault('F', w.fdwowner)::pg_catalog.text[] AS defacl,
                   %s AS initprivs,
                   %s AS options,
                   d.description
              FROM pg_catalog.pg_foreign_data_wrapper w
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = w.oid AND d.classoid = w.tableoid AND d.objsubid = 0
             ORDER BY w.oid
            """.formatted(initprivs("w"), options("w.fdwoptions"));

    private static final String SERVERS = """
            SELECT s.tableoid, s.oid, s.srvname, pg_catalog.pg_get_userbyid(s.srvowner) AS owner, w.fdwname,
                   s.srvtype, s.srvversion,
                   s.srvacl::pg_catalog.text[] AS acl,
                   pg_catalog.acldefault('S', s.srvowner)::pg_catalog.text[] AS defacl,
                   %s AS initprivs,
                   %s AS options,
                   d.description
              FROM pg_catalog.pg_foreign_server s
              JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = s.oid AND d.classoid = s.tableoid AND d.objsubid = 0
             ORDER BY s.oid
            """.formatted(initprivs("s"), options("s.srvoptions"));

    // the public view, as pg_dump reads it (options hidden without privileges on the server, not an error)
    private static final String USER_MAPPINGS = """
            SELECT um.srvid, um.usename, %s AS options
              FROM pg_catalog.pg_user_mappings um
             ORDER BY um.srvid, um.usename
            """.formatted(options("um.umoptions"));

    @Override
    public List<FamilyObject> read(ReadContext ctx) {
        List<FamilyObject> out = new ArrayList<>();
        out.addAll(ctx.jdbc().query("foreign-data wrappers", WRAPPERS, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new ForeignDataWrapper(id, rs.getString("fdwname"), rs.getString("handler"),
                    rs.getString("validator"), Jdbc.textArray(rs, "options"), ownership(rs),
                    rs.getString("description"), ctx.outsideSchema(id));
        }));
        Map<Long, List<ForeignServer.UserMapping>> mappings = new HashMap<>();
        ctx.jdbc().forEach("user mappings", USER_MAPPINGS, rs -> mappings
                .computeIfAbsent(rs.getLong("srvid"), k -> new ArrayList<>())
                .add(new ForeignServer.UserMapping(rs.getString("usename"), Jdbc.textArray(rs, "options"))));
        out.addAll(ctx.jdbc().query("foreign servers", SERVERS, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new ForeignServer(id, rs.getString("srvname"), rs.getString("fdwname"), rs.getString("srvtype"),
                    rs.getString("srvversion"), Jdbc.textArray(rs, "options"),
                    mappings.getOrDefault(id.oid(), List.of()), ownership(rs), rs.getString("description"),
                    ctx.outsideSchema(id));
        }));
        return out;
    }

    private static Ownership ownership(ResultSet rs) throws SQLException {
        return new Ownership(rs.getString("owner"), Jdbc.textArray(rs, "acl"), Jdbc.baseline(rs));
    }
}
