package org.pgdump4j.object.textsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.textsearch.TsConfig;
import org.pgdump4j.model.textsearch.TsDictionary;
import org.pgdump4j.model.textsearch.TsParser;
import org.pgdump4j.model.textsearch.TsTemplate;

class TextSearchDdlTest {
    private static final ObjectId ID = new ObjectId(1, 2);
    private static final String ODD = "TS Odd \"Q\"";

    @Test
    void parserWritesHeadlineBeforeLextypesOnlyWhenItHasOne() {
        TsParser with = new TsParser(ID, "ts", "prs", "prsd_start", "prsd_nexttoken", "prsd_end", "prsd_headline",
                "prsd_lextype", null, Components.ALL);
        assertEquals("""
                CREATE TEXT SEARCH PARSER ts.prs (
                    START = prsd_start,
                    GETTOKEN = prsd_nexttoken,
                    END = prsd_end,
                    HEADLINE = prsd_headline,
                    LEXTYPES = prsd_lextype );
                """, TextSearchDdl.createParser(with));
        TsParser without = new TsParser(ID, ODD, "Prs ü \"q\"", "s.st", "tok", "e", null, "lt", null, Components.ALL);
        assertEquals("""
                CREATE TEXT SEARCH PARSER "TS Odd ""Q\"""."Prs ü ""q\""" (
                    START = s.st,
                    GETTOKEN = tok,
                    END = e,
                    LEXTYPES = lt );
                """, TextSearchDdl.createParser(without));
        assertEquals("DROP TEXT SEARCH PARSER \"TS Odd \"\"Q\"\"\".\"Prs ü \"\"q\"\"\";\n",
                TextSearchDdl.dropParser(without));
    }

    @Test
    void templateWritesInitOnlyWhenItHasOne() {
        assertEquals("""
                CREATE TEXT SEARCH TEMPLATE ts.tmpl (
                    INIT = dsimple_init,
                    LEXIZE = dsimple_lexize );
                """, TextSearchDdl.createTemplate(
                new TsTemplate(ID, "ts", "tmpl", "dsimple_init", "dsimple_lexize", null, Components.ALL)));
        TsTemplate lexizeOnly = new TsTemplate(ID, ODD, "Tmpl Lexize", null, "dsimple_lexize", null, Components.ALL);
        assertEquals("""
                CREATE TEXT SEARCH TEMPLATE "TS Odd ""Q\"""."Tmpl Lexize" (
                    LEXIZE = dsimple_lexize );
                """, TextSearchDdl.createTemplate(lexizeOnly));
        assertEquals("DROP TEXT SEARCH TEMPLATE \"TS Odd \"\"Q\"\"\".\"Tmpl Lexize\";\n",
                TextSearchDdl.dropTemplate(lexizeOnly));
    }

    @Test
    void dictionaryQualifiesItsTemplateAndWritesTheOptionsVerbatim() {
        TsDictionary plain = new TsDictionary(ID, "ts", "plain", "postgres", new QualifiedName("pg_catalog", "simple"),
                null, null, Components.ALL);
        assertEquals("""
                CREATE TEXT SEARCH DICTIONARY ts.plain (
                    TEMPLATE = pg_catalog.simple );
                """, TextSearchDdl.createDictionary(plain));
        TsDictionary options = new TsDictionary(ID, ODD, "Dict é", "o", new QualifiedName(ODD, "Tmpl Lexize"),
                "stopwords = 'english', accept = 'false'", null, Components.ALL);
        assertEquals("""
                CREATE TEXT SEARCH DICTIONARY "TS Odd ""Q\"""."Dict é" (
                    TEMPLATE = "TS Odd ""Q\"""."Tmpl Lexize",
                    stopwords = 'english', accept = 'false' );
                """, TextSearchDdl.createDictionary(options));
        assertEquals("DROP TEXT SEARCH DICTIONARY ts.plain;\n", TextSearchDdl.dropDictionary(plain));
    }

    @Test
    void configurationWritesOneAddMappingPerTokenTypeWithKeywordsQuoted() {
        TsConfig cfg = new TsConfig(ID, "ts", "cfg", "o", new QualifiedName("pg_catalog", "default"), List.of(
                new TsConfig.Mapping("asciiword", List.of("ts.syns", "simple")),
                new TsConfig.Mapping("int", List.of("\"TS Odd \"\"Q\"\"\".\"Dict é\""))), null, Components.ALL);
        assertEquals("""
                CREATE TEXT SEARCH CONFIGURATION ts.cfg (
                    PARSER = pg_catalog."default" );

                ALTER TEXT SEARCH CONFIGURATION ts.cfg
                    ADD MAPPING FOR asciiword WITH ts.syns, simple;

                ALTER TEXT SEARCH CONFIGURATION ts.cfg
                    ADD MAPPING FOR "int" WITH "TS Odd ""Q\"""."Dict é";
                """, TextSearchDdl.createConfig(cfg));
        TsConfig empty = new TsConfig(ID, ODD, "Cfg Empty", "o", new QualifiedName("ts", "prs"), List.of(), null,
                Components.ALL);
        assertEquals("""
                CREATE TEXT SEARCH CONFIGURATION "TS Odd ""Q\"""."Cfg Empty" (
                    PARSER = ts.prs );
                """, TextSearchDdl.createConfig(empty));
        assertEquals("DROP TEXT SEARCH CONFIGURATION \"TS Odd \"\"Q\"\"\".\"Cfg Empty\";\n",
                TextSearchDdl.dropConfig(empty));
    }
}
