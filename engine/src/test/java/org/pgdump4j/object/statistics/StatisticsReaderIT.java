package org.pgdump4j.object.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.model.statistics.StatisticsObject;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * The same statistics objects read to the same records on every server 10..18: the statistics target is null for
 * the default whether the server has no column (10..12), stores -1 (13..16) or NULL (17+); MCV lists (12+) and
 * expressions (14+) where the server has them.
 */
class StatisticsReaderIT {
    private static final String FIXTURE = """
            DO $$BEGIN CREATE ROLE p4j_owner; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            CREATE SCHEMA s;
            CREATE SCHEMA "Odd ""S"" é";
            CREATE TABLE s.t (a int, b int, "C c" text);
            CREATE STATISTICS s.nd (ndistinct) ON a, b FROM s.t;
            CREATE STATISTICS "Odd ""S"" é"."St é" ON a, "C c" FROM s.t;
            ALTER STATISTICS "Odd ""S"" é"."St é" OWNER TO p4j_owner;
            COMMENT ON STATISTICS s.nd IS 'nd';
            --@ 12+ CREATE STATISTICS s.mcv (mcv) ON a, b FROM s.t;
            --@ 13+ ALTER STATISTICS s.nd SET STATISTICS 0;
            --@ 14+ CREATE STATISTICS s.expr ON (a + b), a FROM s.t;
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameStatisticsObjectsOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "stxread"); Connection c = db.connect()) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            List<String> ours = FamilyReading.read(c, new StatisticsReader()).stream()
                    .map(o -> (StatisticsObject) o)
                    .map(o -> o.schema() + "." + o.name() + " " + o.owner() + " " + o.comment() + " "
                            + o.components().bits() + ": " + StatisticsDdl.create(o)).sorted().toList();
            List<String> expected = new ArrayList<>(List.of(
                    "Odd \"S\" é.St é p4j_owner null 255: CREATE STATISTICS \"Odd \"\"S\"\" é\".\"St é\" ON a, \"C c\""
                            + " FROM s.t;\n",
                    "s.nd postgres nd 255: CREATE STATISTICS s.nd (ndistinct) ON a, b FROM s.t;\n"
                            + (major >= 13 ? "ALTER STATISTICS s.nd SET STATISTICS 0;\n" : "")));
            if (major >= 12) {
                expected.add("s.mcv postgres null 255: CREATE STATISTICS s.mcv (mcv) ON a, b FROM s.t;\n");
            }
            if (major >= 14) {
                expected.add("s.expr postgres null 255: CREATE STATISTICS s.expr ON a, (a + b) FROM s.t;\n");
            }
            assertEquals(expected.stream().sorted().toList(), ours);
        }
    }
}
