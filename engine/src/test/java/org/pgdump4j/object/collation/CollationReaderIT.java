package org.pgdump4j.object.collation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.collation.Collation;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * The same collations read to the same records on every server 10..18, whichever catalog column kept the locale
 * (collcollate before 15, colliculocale in 15 and 16, colllocale from 17); nondeterministic (12+), ICU rules
 * (16+) and builtin (17+) collations where the server has them. Every embedded server 10..18 is built with ICU.
 */
class CollationReaderIT {
    private static final String FIXTURE = """
            DO $$BEGIN CREATE ROLE p4j_owner; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            CREATE SCHEMA ts;
            CREATE SCHEMA "Odd ""S"" é";
            CREATE COLLATION ts.c_coll (provider = libc, locale = 'C');
            CREATE COLLATION ts.split (lc_collate = 'C', lc_ctype = 'POSIX');
            CREATE COLLATION "Odd ""S"" é"."Coll é" (provider = icu, locale = 'de-DE');
            ALTER COLLATION "Odd ""S"" é"."Coll é" OWNER TO p4j_owner;
            COMMENT ON COLLATION ts.split IS 'split';
            --@ 12+ CREATE COLLATION ts.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            --@ 16+ CREATE COLLATION ts.ruled (provider = icu, locale = 'und', rules = '&a < g');
            --@ 17+ CREATE COLLATION ts.builtin (provider = builtin, locale = 'C.UTF-8');
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameCollationsOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "collread"); Connection c = db.connect()) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            List<Collation> all = FamilyReading.read(c, new CollationReader()).stream().map(o -> (Collation) o).toList();
            List<String> expected = new ArrayList<>(List.of(
                    "Odd \"S\" é.Coll é p4j_owner enc=-1 null: CREATE COLLATION \"Odd \"\"S\"\" é\".\"Coll é\" "
                            + "(provider = icu, locale = 'de-DE');\n",
                    "ts.c_coll postgres enc=6 null: CREATE COLLATION ts.c_coll (provider = libc, locale = 'C');\n",
                    "ts.split postgres enc=6 split: CREATE COLLATION ts.split "
                            + "(provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');\n"));
            if (major >= 12) {
                expected.add("ts.ci postgres enc=-1 null: CREATE COLLATION ts.ci "
                        + "(provider = icu, deterministic = false, locale = 'und-u-ks-level2');\n");
            }
            if (major >= 16) {
                expected.add("ts.ruled postgres enc=-1 null: CREATE COLLATION ts.ruled "
                        + "(provider = icu, locale = 'und', rules = '&a < g');\n");
            }
            if (major >= 17) {
                expected.add("ts.builtin postgres enc=6 null: CREATE COLLATION ts.builtin "
                        + "(provider = builtin, locale = 'C.UTF-8');\n");
            }
            List<String> ours = all.stream().filter(o -> !o.schema().equals("pg_catalog"))
                    .map(o -> o.schema() + "." + o.name() + " " + o.owner() + " enc=" + o.encoding() + " "
                            + o.comment() + ": " + CollationDdl.create(o)).sorted().toList();
            assertEquals(expected.stream().sorted().toList(), ours);

            // pg_catalog's collations come too (for the sort), with only their privileges to consider
            Collation ucsBasic = all.stream().filter(o -> o.name().equals("ucs_basic")).findFirst().orElseThrow();
            assertEquals(new Components(Components.ACL), ucsBasic.components());
            assertTrue(all.stream().anyMatch(o -> o.provider() == 'i' && o.schema().equals("pg_catalog")),
                    "the server has ICU collations");
        }
    }
}
