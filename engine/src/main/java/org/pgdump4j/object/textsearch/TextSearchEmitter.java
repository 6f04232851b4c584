package org.pgdump4j.object.textsearch;

import org.pgdump4j.model.textsearch.TsConfig;
import org.pgdump4j.model.textsearch.TsDictionary;
import org.pgdump4j.model.textsearch.TsParser;
import org.pgdump4j.model.textsearch.TsTemplate;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * The entries of text search objects: definition and comment (they have no privileges). Parsers and templates
 * have no owner: their entry has none, and their comment's owner is empty, as pg_dump writes them.
 */
public final class TextSearchEmitter {
    private TextSearchEmitter() {
    }

    public static void parser(TsParser p, EntrySink sink) {
        sink.definition(EntryKind.TEXT_SEARCH_PARSER, p.name(), p.schema(), null, TextSearchDdl.createParser(p),
                TextSearchDdl.dropParser(p));
        sink.comment("TEXT SEARCH PARSER", Sql.ident(p.name()), p.schema(), "", p.comment());
    }

    public static void template(TsTemplate t, EntrySink sink) {
        sink.definition(EntryKind.TEXT_SEARCH_TEMPLATE, t.name(), t.schema(), null, TextSearchDdl.createTemplate(t),
                TextSearchDdl.dropTemplate(t));
        sink.comment("TEXT SEARCH TEMPLATE", Sql.ident(t.name()), t.schema(), "", t.comment());
    }

    public static void dictionary(TsDictionary d, EntrySink sink) {
        sink.definition(EntryKind.TEXT_SEARCH_DICTIONARY, d.name(), d.schema(), d.owner(),
                TextSearchDdl.createDictionary(d), TextSearchDdl.dropDictionary(d));
        sink.comment("TEXT SEARCH DICTIONARY", Sql.ident(d.name()), d.schema(), d.owner(), d.comment());
    }

    public static void config(TsConfig c, EntrySink sink) {
        sink.definition(EntryKind.TEXT_SEARCH_CONFIGURATION, c.name(), c.schema(), c.owner(),
                TextSearchDdl.createConfig(c), TextSearchDdl.dropConfig(c));
        sink.comment("TEXT SEARCH CONFIGURATION", Sql.ident(c.name()), c.schema(), c.owner(), c.comment());
    }
}
