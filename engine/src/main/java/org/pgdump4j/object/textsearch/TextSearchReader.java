package org.pgdump4j.object.textsearch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.textsearch.TsConfig;
import org.pgdump4j.model.textsearch.TsDictionary;
import org.pgdump4j.model.textsearch.TsParser;
import org.pgdump4j.model.textsearch.TsTemplate;

/**
 * pg_dump's getTSParsers, getTSTemplates, getTSDictionaries and getTSConfigurations, with what their dump
 * functions look up per object (function names, the template's and parser's names, the token mappings) folded into
 * the same queries: one query per kind, plus one for the mappings of the configurations that are dumped. The
 * catalogs are the same on every server 10..18. {@code regproc} and {@code regdictionary} print under the dump's
 * empty search_path, as pg_dump's do.
 */
public final class TextSearchReader implements FamilyReader {
    public static final long PG_TS_PARSER = 3601;
    public static final long PG_TS_TEMPLATE = 3764;
    public static final long PG_TS_DICT = 3600;
    public static final long PG_TS_CONFIG = 3602;

    private static final String PARSERS = """
            SELECT p.oid, p.prsname, p.prsnamespace, n.nspname,
                   p.prsstart::pg_catalog.regproc::pg_catalog.text AS prsstart,
                   p.prstoken::pg_catalog.regproc::pg_catalog.text AS prstoken,
                   p.prsend::pg_catalog.regproc::pg_catalog.text AS prsend,
                   CASE WHEN p.prsheadline <> 0 THEN p.prsheadline::pg_catalog.regproc::pg_catalog.text END AS prsheadline,
                   p.prslextype::pg_catalog.regproc::pg_catalog.text AS prslextype,
                   d.description
              FROM pg_catalog.pg_ts_parser p
              JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = p.oid AND d.objsubid = 0
                   AND d.classoid = 'pg_catalog.pg_ts_parser'::pg_catalog.regclass
            """;
    private static final String TEMPLATES = """
            SELECT t.oid, t.tmplname, t.tmplnamespace, n.nspname,
                   CASE WHEN t.tmplinit <> 0 THEN t.tmplinit::pg_catalog.regproc::pg_catalog.text END AS tmplinit,
                   t.tmpllexize::pg_catalog.regproc::pg_catalog.text AS tmpllexize,
                   d.description
              FROM pg_catalog.pg_ts_template t
              JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = t.oid AND d.objsubid = 0
                   AND d.classoid = 'pg_catalog.pg_ts_template'::pg_catalog.regclass
            """;
    private static final String DICTIONARIES = """
            SELECT x.oid, x.dictname, x.dictnamespace, n.nspname, pg_catalog.pg_get_userbyid(x.dictowner) AS owner,
                   tn.nspname AS tmplnsp, t.tmplname, x.dictinitoption, d.description
              FROM pg_catalog.pg_ts_dict x
              JOIN pg_catalog.pg_namespace n ON n.oid = x.dictnamespace
              JOIN pg_catalog.pg_ts_template t ON t.oid = x.dicttemplate
              JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = x.oid AND d.objsubid = 0
                   AND d.classoid = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass
            """;
    private static final String CONFIGS = """
            SELECT c.oid, c.cfgname, c.cfgnamespace, n.nspname, pg_catalog.pg_get_userbyid(c.cfgowner) AS owner,
                   pn.nspname AS prsnsp, p.prsname, d.description
              FROM pg_catalog.pg_ts_config c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
              JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
              JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0
                   AND d.classoid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass
            """;
    /** dumpTSConfig's mapping query for the given configurations, in its order. */
    private static final String MAPPINGS = """
            SELECT m.mapcfg,
                   (SELECT t.alias FROM pg_catalog.ts_token_type(c.cfgparser) AS t
                     WHERE t.tokid = m.maptokentype) AS tokenname,
                   m.mapdict::pg_catalog.regdictionary::pg_catalog.text AS dictname
              FROM pg_catalog.pg_ts_config_map m
              JOIN pg_catalog.pg_ts_config c ON c.oid = m.mapcfg
             WHERE m.mapcfg = ANY (?)
             ORDER BY m.mapcfg, m.maptokentype, m.mapseqno
            """;

    @Override
    public List<FamilyObject> read(ReadContext ctx) {
        Jdbc jdbc = ctx.jdbc();
        List<FamilyObject> out = new ArrayList<>();
        out.addAll(jdbc.query("text search parsers", PARSERS, rs -> {
            ObjectId id = new ObjectId(PG_TS_PARSER, rs.getLong("oid"));
            return new TsParser(id, rs.getString("nspname"), rs.getString("prsname"), rs.getString("prsstart"),
                    rs.getString("prstoken"), rs.getString("prsend"), rs.getString("prsheadline"),
                    rs.getString("prslextype"), rs.getString("description"), components(ctx, rs, "prsnamespace", id));
        }));
        out.addAll(jdbc.query("text search templates", TEMPLATES, rs -> {
            ObjectId id = new ObjectId(PG_TS_TEMPLATE, rs.getLong("oid"));
            return new TsTemplate(id, rs.getString("nspname"), rs.getString("tmplname"), rs.getString("tmplinit"),
                    rs.getString("tmpllexize"), rs.getString("description"),
                    components(ctx, rs, "tmplnamespace", id));
        }));
        out.addAll(jdbc.query("text search dictionaries", DICTIONARIES, rs -> {
            ObjectId id = new ObjectId(PG_TS_DICT, rs.getLong("oid"));
            return new TsDictionary(id, rs.getString("nspname"), rs.getString("dictname"), rs.getString("owner"),
                    new QualifiedName(rs.getString("tmplnsp"), rs.getString("tmplname")),
                    rs.getString("dictinitoption"), rs.getString("description"),
                    components(ctx, rs, "dictnamespace", id));
        }));
        List<TsConfig> configs = jdbc.query("text search configurations", CONFIGS, rs -> {
            ObjectId id = new ObjectId(PG_TS_CONFIG, rs.getLong("oid"));
            return new TsConfig(id, rs.getString("nspname"), rs.getString("cfgname"), rs.getString("owner"),
                    new QualifiedName(rs.getString("prsnsp"), rs.getString("prsname")), List.of(),
                    rs.getString("description"), components(ctx, rs, "cfgnamespace", id));
        });
        Map<Long, List<TsConfig.Mapping>> mappings = mappings(jdbc, configs);
        for (TsConfig c : configs) {
            List<TsConfig.Mapping> m = mappings.get(c.id().oid());
            out.add(m == null ? c : new TsConfig(c.id(), c.schema(), c.name(), c.owner(), c.parser(), m, c.comment(),
                    c.components()));
        }
        return out;
    }

    private static Components components(ReadContext ctx, ResultSet rs, String nspColumn, ObjectId id)
            throws SQLException {
        return ctx.inSchema(rs.getLong(nspColumn), id);
    }

    /** The mappings of the configurations whose definition is dumped, grouped by token type as dumpTSConfig does. */
    private static Map<Long, List<TsConfig.Mapping>> mappings(Jdbc jdbc, List<TsConfig> configs) {
        long[] oids = configs.stream().filter(c -> c.components().has(Components.DEFINITION))
                .mapToLong(c -> c.id().oid()).toArray();
        Map<Long, List<TsConfig.Mapping>> out = new HashMap<>();
        if (oids.length == 0) {
            return out;
        }
        Map<Long, List<String[]>> rows = new HashMap<>();
        jdbc.forEach("text search configuration mappings", MAPPINGS, rs -> rows
                .computeIfAbsent(rs.getLong("mapcfg"), k -> new ArrayList<>())
                .add(new String[] {rs.getString("tokenname"), rs.getString("dictname")}), oids);
        rows.forEach((cfg, list) -> {
            List<TsConfig.Mapping> grouped = new ArrayList<>();
            String token = null;
            List<String> dicts = new ArrayList<>();
            for (String[] r : list) {
                if (token != null && !token.equals(r[0])) {
                    grouped.add(new TsConfig.Mapping(token, dicts));
                    dicts = new ArrayList<>();
                }
                token = r[0];
                dicts.add(r[1]);
            }
            grouped.add(new TsConfig.Mapping(token, dicts));
            out.put(cfg, grouped);
        });
        return out;
    }
}
