package org.pgdump4j.object.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.conversion.Conversion;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** The same conversions read to the same records on every server 10..18. */
class ConversionReaderIT {
    private static final String FIXTURE = """
            DO $$BEGIN CREATE ROLE p4j_owner; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            CREATE SCHEMA ts;
            CREATE SCHEMA "Odd ""S"" é";
            CREATE CONVERSION ts.latin1_utf8 FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
            CREATE DEFAULT CONVERSION "Odd ""S"" é"."Conv ß" FOR 'KOI8R' TO 'WIN1251' FROM koi8r_to_win1251;
            ALTER CONVERSION ts.latin1_utf8 OWNER TO p4j_owner;
            COMMENT ON CONVERSION "Odd ""S"" é"."Conv ß" IS 'koi';
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameConversionsOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "convread"); Connection c = db.connect()) {
            db.execute(FIXTURE);
            List<Conversion> all = FamilyReading.read(c, new ConversionReader()).stream().map(o -> (Conversion) o)
                    .toList();
            List<String> ours = all.stream().filter(o -> !o.schema().equals("pg_catalog"))
                    .map(o -> o.owner() + " " + o.comment() + ": " + ConversionDdl.create(o)).sorted().toList();
            assertEquals(List.of(
                    "p4j_owner null: CREATE CONVERSION ts.latin1_utf8 FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;\n",
                    "postgres koi: CREATE DEFAULT CONVERSION \"Odd \"\"S\"\" é\".\"Conv ß\" FOR 'KOI8R' TO 'WIN1251' "
                            + "FROM koi8r_to_win1251;\n"), ours);
            Conversion builtin = all.stream().filter(o -> o.name().equals("utf8_to_iso_8859_1")).findFirst()
                    .orElseThrow();
            assertEquals(new Components(Components.ACL), builtin.components());
        }
    }
}
