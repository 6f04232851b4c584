package org.pgdump4j.object.textsearch;

import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.textsearch.TsConfig;
import org.pgdump4j.model.textsearch.TsDictionary;
import org.pgdump4j.model.textsearch.TsParser;
import org.pgdump4j.model.textsearch.TsTemplate;
import org.pgdump4j.sql.Sql;

/** The SQL pg_dump's dumpTSParser, dumpTSTemplate, dumpTSDictionary and dumpTSConfig write, byte for byte. */
public final class TextSearchDdl {
    private TextSearchDdl() {
    }

    public static String createParser(TsParser p) {
        StringBuilder sb = new StringBuilder("CREATE TEXT SEARCH PARSER ").append(Sql.qualified(p.schema(), p.name()))
                .append(" (\n");
        sb.append("    START = ").append(p.start()).append(",\n");
        sb.append("    GETTOKEN = ").append(p.getToken()).append(",\n");
        sb.append("    END = ").append(p.end()).append(",\n");
        if (p.headline() != null) {
            sb.append("    HEADLINE = ").append(p.headline()).append(",\n");
        }
        return sb.append("    LEXTYPES = ").append(p.lexTypes()).append(" );\n").toString();
    }

    public static String dropParser(TsParser p) {
        return "DROP TEXT SEARCH PARSER " + Sql.qualified(p.schema(), p.name()) + ";\n";
    }

    public static String createTemplate(TsTemplate t) {
        StringBuilder sb = new StringBuilder("CREATE TEXT SEARCH TEMPLATE ")
                .append(Sql.qualified(t.schema(), t.name())).append(" (\n");
        if (t.init() != null) {
            sb.append("    INIT = ").append(t.init()).append(",\n");
        }
        return sb.append("    LEXIZE = ").append(t.lexize()).append(" );\n").toString();
    }

    public static String dropTemplate(TsTemplate t) {
        return "DROP TEXT SEARCH TEMPLATE " + Sql.qualified(t.schema(), t.name()) + ";\n";
    }

    /** The template always qualified; the options as the server rendered them (dictinitoption), verbatim. */
    public static String createDictionary(TsDictionary d) {
        StringBuilder sb = new StringBuilder("CREATE TEXT SEARCH DICTIONARY ")
                .append(Sql.qualified(d.schema(), d.name())).append(" (\n");
        sb.append("    TEMPLATE = ").append(qualified(d.template()));
        if (d.options() != null) {
            sb.append(",\n    ").append(d.options());
        }
        return sb.append(" );\n").toString();
    }

    public static String dropDictionary(TsDictionary d) {
        return "DROP TEXT SEARCH DICTIONARY " + Sql.qualified(d.schema(), d.name()) + ";\n";
    }

    /** CREATE with the parser, then one ALTER ... ADD MAPPING per token type, its dictionaries in order. */
    public static String createConfig(TsConfig c) {
        String q = Sql.qualified(c.schema(), c.name());
        StringBuilder sb = new StringBuilder("CREATE TEXT SEARCH CONFIGURATION ").append(q).append(" (\n");
        sb.append("    PARSER = ").append(qualified(c.parser())).append(" );\n");
        for (TsConfig.Mapping m : c.mappings()) {
            sb.append("\nALTER TEXT SEARCH CONFIGURATION ").append(q).append('\n');
            sb.append("    ADD MAPPING FOR ").append(Sql.ident(m.token())).append(" WITH ")
                    .append(String.join(", ", m.dictionaries())).append(";\n");
        }
        return sb.toString();
    }

    public static String dropConfig(TsConfig c) {
        return "DROP TEXT SEARCH CONFIGURATION " + Sql.qualified(c.schema(), c.name()) + ";\n";
    }

    private static String qualified(QualifiedName n) {
        return Sql.qualified(n.schema(), n.name());
    }
}
