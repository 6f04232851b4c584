package org.pgdump4j.object.foreign;

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
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.foreign.ForeignDataWrapper;
import org.pgdump4j.model.foreign.ForeignServer;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * Foreign-data wrappers, servers and user mappings read to the same DDL, privileges and components on every major;
 * an extension's wrapper only for its privileges, its server's mappings never when the server is a member.
 */
class ForeignReaderIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsWrappersServersAndMappings(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "foreignreader")) {
            db.execute("""
                    DO $$BEGIN CREATE ROLE p4j_reader; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
                    DO $$BEGIN CREATE ROLE "P4J Odd ""Role""\"; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
                    CREATE SCHEMA "F S";
                    CREATE FUNCTION "F S".v(text[], oid) RETURNS void LANGUAGE plpgsql AS $$BEGIN END$$;
                    CREATE FUNCTION public.h() RETURNS fdw_handler LANGUAGE c
                        AS '$libdir/postgres_fdw', 'postgres_fdw_handler';
                    CREATE FOREIGN DATA WRAPPER bare;
                    CREATE FOREIGN DATA WRAPPER "O ""W""\" HANDLER public.h VALIDATOR "F S".v
                        OPTIONS (path 'C:\\dir', "user" 'it''s');
                    COMMENT ON FOREIGN DATA WRAPPER "O ""W""\" IS 'c';
                    GRANT USAGE ON FOREIGN DATA WRAPPER "O ""W""\" TO p4j_reader;
                    CREATE SERVER "S 1" TYPE 't' VERSION '1' FOREIGN DATA WRAPPER "O ""W""\" OPTIONS (host 'h');
                    CREATE SERVER plain FOREIGN DATA WRAPPER bare;
                    REVOKE USAGE ON FOREIGN SERVER plain FROM CURRENT_USER;
                    CREATE USER MAPPING FOR PUBLIC SERVER "S 1";
                    CREATE USER MAPPING FOR "P4J Odd ""Role""\" SERVER "S 1" OPTIONS (password 'p', "user" 'u');
                    CREATE USER MAPPING FOR p4j_reader SERVER plain;
                    CREATE EXTENSION postgres_fdw;
                    """);
            assertEquals(List.of(
                    "255 bare CREATE FOREIGN DATA WRAPPER bare;\n null null",
                    "255 O \"W\" CREATE FOREIGN DATA WRAPPER \"O \"\"W\"\"\" HANDLER public.h VALIDATOR \"F S\".v "
                            + "OPTIONS (\n    path E'C:\\\\dir',\n    \"user\" 'it''s'\n);\n "
                            + "[postgres=U/postgres, p4j_reader=U/postgres] c",
                    "16 postgres_fdw CREATE FOREIGN DATA WRAPPER postgres_fdw HANDLER public.postgres_fdw_handler "
                            + "VALIDATOR public.postgres_fdw_validator;\n null null",
                    "255 S 1 CREATE SERVER \"S 1\" TYPE 't' VERSION '1' FOREIGN DATA WRAPPER \"O \"\"W\"\"\" OPTIONS (\n"
                            + "    host 'h'\n);\n null null | CREATE USER MAPPING FOR \"P4J Odd \"\"Role\"\"\" "
                            + "SERVER \"S 1\" OPTIONS (\n    password 'p',\n    \"user\" 'u'\n);\n"
                            + " | CREATE USER MAPPING FOR public SERVER \"S 1\";\n",
                    "255 plain CREATE SERVER plain FOREIGN DATA WRAPPER bare;\n [] null"
                            + " | CREATE USER MAPPING FOR p4j_reader SERVER plain;\n"),
                    read(db, true));
            // a narrowed dump (-n/-t) writes none of them
            assertEquals(List.of("0 bare", "0 O \"W\"", "0 postgres_fdw", "0 S 1", "0 plain"),
                    read(db, false).stream().map(s -> s.substring(0, s.indexOf(" C"))).toList());
        }
    }

    private static List<String> read(TestDb db, boolean everything) throws Exception {
        try (Connection c = db.connect()) {
            Jdbc jdbc = new Jdbc(c);
            jdbc.execute("empty the search_path", "SELECT pg_catalog.set_config('search_path', '', false)");
            ReadContext ctx = new ReadContext(jdbc, new ServerFeatures(db.server().versionNum()), Set.of(),
                    everything);
            return new ForeignReader().read(ctx).stream().map(ForeignReaderIT::shown).toList();
        }
    }

    private static String shown(FamilyObject o) {
        if (o instanceof ForeignDataWrapper w) {
            return w.components().bits() + " " + w.name() + " " + ForeignDdl.create(w) + " " + w.ownership().acl()
                    + " " + w.comment();
        }
        ForeignServer s = (ForeignServer) o;
        StringBuilder sb = new StringBuilder().append(s.components().bits()).append(' ').append(s.name()).append(' ')
                .append(ForeignDdl.create(s)).append(' ').append(s.ownership().acl()).append(' ').append(s.comment());
        for (ForeignServer.UserMapping m : s.userMappings()) {
            sb.append(" | ").append(ForeignDdl.create(s, m));
        }
        return sb.toString();
    }
}
