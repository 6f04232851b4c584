package org.pgdump4j.object.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.language.ProcLanguage;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** Procedural languages read to the same DDL, privileges and components on every major. */
class ProcLanguageReaderIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsLanguages(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "langreader")) {
            db.execute("""
                    DO $$BEGIN CREATE ROLE p4j_reader; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
                    CREATE LANGUAGE p4j_lang HANDLER plpgsql_call_handler;
                    CREATE TRUSTED LANGUAGE "T ""L"" x" HANDLER plpgsql_call_handler INLINE plpgsql_inline_handler
                        VALIDATOR plpgsql_validator;
                    COMMENT ON LANGUAGE p4j_lang IS 'c';
                    REVOKE USAGE ON LANGUAGE "T ""L"" x" FROM PUBLIC;
                    GRANT USAGE ON LANGUAGE plpgsql TO p4j_reader;
                    """);
            assertEquals(List.of(
                    "plpgsql 16 CREATE OR REPLACE PROCEDURAL LANGUAGE plpgsql;\n [=U/postgres, postgres=U/postgres, "
                            + "p4j_reader=U/postgres] [=U/postgres, postgres=U/postgres] PL/pgSQL procedural language",
                    "p4j_lang 255 CREATE OR REPLACE PROCEDURAL LANGUAGE p4j_lang;\n null [=U/postgres, postgres=U/postgres] c",
                    "T \"L\" x 255 CREATE OR REPLACE PROCEDURAL LANGUAGE \"T \"\"L\"\" x\";\n [postgres=U/postgres] "
                            + "[=U/postgres, postgres=U/postgres] null"), read(db, true));
            assertEquals(List.of(16, 0, 0), components(db, false));
            // the handlers are written once the dump knows them (here: their privileges changed)
            db.execute("GRANT EXECUTE ON FUNCTION plpgsql_call_handler() TO p4j_reader;"
                    + "GRANT EXECUTE ON FUNCTION plpgsql_inline_handler(internal) TO p4j_reader;");
            assertEquals("CREATE PROCEDURAL LANGUAGE p4j_lang HANDLER pg_catalog.plpgsql_call_handler;\n",
                    read(db, true).get(1).split(" ", 3)[2].split("\n")[0] + "\n");
            db.execute("GRANT EXECUTE ON FUNCTION plpgsql_validator(oid) TO p4j_reader;");
            assertEquals("CREATE TRUSTED PROCEDURAL LANGUAGE \"T \"\"L\"\" x\" HANDLER pg_catalog.plpgsql_call_handler "
                    + "INLINE pg_catalog.plpgsql_inline_handler VALIDATOR pg_catalog.plpgsql_validator;",
                    read(db, true).get(2).split(" ", 5)[4].split("\n")[0]);
        }
    }

    private static List<String> read(TestDb db, boolean everything) throws Exception {
        try (Connection c = db.connect()) {
            ReadContext ctx = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()), Set.of(),
                    everything);
            return new ProcLanguageReader().read(ctx).stream().map(ProcLanguageReaderIT::shown).toList();
        }
    }

    private static List<Integer> components(TestDb db, boolean everything) throws Exception {
        try (Connection c = db.connect()) {
            ReadContext ctx = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()), Set.of(),
                    everything);
            return new ProcLanguageReader().read(ctx).stream().map(l -> l.components().bits()).toList();
        }
    }

    private static String shown(ProcLanguage l) {
        return l.name() + " " + l.components().bits() + " " + ProcLanguageDdl.create(l) + " "
                + l.ownership().acl() + " " + l.ownership().baseline() + " " + l.comment();
    }
}
