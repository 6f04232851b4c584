package org.pgdump4j.object.textsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.textsearch.TsConfig;
import org.pgdump4j.model.textsearch.TsDictionary;
import org.pgdump4j.model.textsearch.TsParser;
import org.pgdump4j.model.textsearch.TsTemplate;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** The same text search objects read to the same records on every server 10..18. */
class TextSearchReaderIT {
    private static final String FIXTURE = """
            DO $$BEGIN CREATE ROLE p4j_owner; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            CREATE SCHEMA ts;
            CREATE SCHEMA "Odd ""S"" é";
            CREATE TEXT SEARCH PARSER ts.prs (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end,
                LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
            CREATE TEXT SEARCH PARSER "Odd ""S"" é"."P é" (START = prsd_start, GETTOKEN = prsd_nexttoken,
                END = prsd_end, LEXTYPES = prsd_lextype);
            CREATE TEXT SEARCH TEMPLATE ts.tmpl (INIT = dsimple_init, LEXIZE = dsimple_lexize);
            CREATE TEXT SEARCH TEMPLATE "Odd ""S"" é".lex (LEXIZE = dsimple_lexize);
            CREATE TEXT SEARCH DICTIONARY ts.stops (TEMPLATE = simple, StopWords = english, Accept = false);
            CREATE TEXT SEARCH DICTIONARY ts.mine (TEMPLATE = ts.tmpl);
            CREATE TEXT SEARCH CONFIGURATION ts.cfg (PARSER = ts.prs);
            ALTER TEXT SEARCH CONFIGURATION ts.cfg ADD MAPPING FOR word, asciiword WITH ts.stops, simple;
            ALTER TEXT SEARCH CONFIGURATION ts.cfg ADD MAPPING FOR int WITH ts.mine;
            ALTER TEXT SEARCH CONFIGURATION ts.cfg OWNER TO p4j_owner;
            COMMENT ON TEXT SEARCH PARSER ts.prs IS 'p';
            COMMENT ON TEXT SEARCH TEMPLATE "Odd ""S"" é".lex IS 't';
            COMMENT ON TEXT SEARCH DICTIONARY ts.stops IS 'd';
            COMMENT ON TEXT SEARCH CONFIGURATION ts.cfg IS 'c';
            """;

    /** What every server reads: the DDL, owner and comment of each object of the fixture's schemas. */
    private static final List<String> EXPECTED = List.of(
            """
            PARSER ts.prs comment=p
            CREATE TEXT SEARCH PARSER ts.prs (
                START = prsd_start,
                GETTOKEN = prsd_nexttoken,
                END = prsd_end,
                HEADLINE = prsd_headline,
                LEXTYPES = prsd_lextype );
            """,
            """
            PARSER Odd "S" é.P é comment=null
            CREATE TEXT SEARCH PARSER "Odd ""S"" é"."P é" (
                START = prsd_start,
                GETTOKEN = prsd_nexttoken,
                END = prsd_end,
                LEXTYPES = prsd_lextype );
            """,
            """
            TEMPLATE ts.tmpl comment=null
            CREATE TEXT SEARCH TEMPLATE ts.tmpl (
                INIT = dsimple_init,
                LEXIZE = dsimple_lexize );
            """,
            """
            TEMPLATE Odd "S" é.lex comment=t
            CREATE TEXT SEARCH TEMPLATE "Odd ""S"" é".lex (
                LEXIZE = dsimple_lexize );
            """,
            """
            DICTIONARY ts.stops owner=postgres comment=d
            CREATE TEXT SEARCH DICTIONARY ts.stops (
                TEMPLATE = pg_catalog.simple,
                stopwords = 'english', accept = 'false' );
            """,
            """
            DICTIONARY ts.mine owner=postgres comment=null
            CREATE TEXT SEARCH DICTIONARY ts.mine (
                TEMPLATE = ts.tmpl );
            """,
            """
            CONFIGURATION ts.cfg owner=p4j_owner comment=c
            CREATE TEXT SEARCH CONFIGURATION ts.cfg (
                PARSER = ts.prs );

            ALTER TEXT SEARCH CONFIGURATION ts.cfg
                ADD MAPPING FOR asciiword WITH ts.stops, simple;

            ALTER TEXT SEARCH CONFIGURATION ts.cfg
                ADD MAPPING FOR word WITH ts.stops, simple;

            ALTER TEXT SEARCH CONFIGURATION ts.cfg
                ADD MAPPING FOR "int" WITH ts.mine;
            """);

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameObjectsOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "tsread"); Connection c = db.connect()) {
            db.execute(FIXTURE);
            List<? extends FamilyObject> all = FamilyReading.read(c, new TextSearchReader());
            List<String> ours = all.stream().filter(o -> !"pg_catalog".equals(o.schema()))
                    .map(TextSearchReaderIT::describe).sorted().toList();
            assertEquals(EXPECTED.stream().sorted().toList(), ours);

            // pg_catalog's objects are returned for the sort, with nothing to dump and no mappings read
            TsConfig english = all.stream().filter(o -> o instanceof TsConfig t && t.name().equals("english")
                    && "pg_catalog".equals(t.schema())).map(o -> (TsConfig) o).findFirst().orElseThrow();
            assertEquals(new Components(Components.ACL), english.components());
            assertEquals(List.of(), english.mappings());
            assertTrue(all.stream().filter(o -> !"pg_catalog".equals(o.schema()))
                    .allMatch(o -> o.components().equals(Components.ALL)));
        }
    }

    private static String describe(FamilyObject o) {
        String head = o.schema() + "." + o.sortName();
        if (o instanceof TsParser p) {
            return "PARSER " + head + " comment=" + p.comment() + "\n" + TextSearchDdl.createParser(p);
        }
        if (o instanceof TsTemplate t) {
            return "TEMPLATE " + head + " comment=" + t.comment() + "\n" + TextSearchDdl.createTemplate(t);
        }
        if (o instanceof TsDictionary d) {
            return "DICTIONARY " + head + " owner=" + d.owner() + " comment=" + d.comment() + "\n"
                    + TextSearchDdl.createDictionary(d);
        }
        TsConfig cfg = (TsConfig) o;
        return "CONFIGURATION " + head + " owner=" + cfg.owner() + " comment=" + cfg.comment() + "\n"
                + TextSearchDdl.createConfig(cfg);
    }
}
