package org.pgdump4j.object.relstats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.relstats.RelStats;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * The same analyzed fixture reads to the same statistics on every server 10..18 (values chosen to print alike
 * whatever the float output: halves and quarters): relallfrozen from 18 only, range statistics from 17, a never
 * analyzed table's reltuples -1 (before 14 the server says 0), an index's expression columns by number; a batch
 * boundary keeps the order and loses nothing.
 */
class RelStatsReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA "S q";
            CREATE TABLE "S q"."T 1" (a int, "B'b" text, r int4range, arr int[], n int);
            INSERT INTO "S q"."T 1" VALUES (1, 'x', '[1,2)', '{1,2}', NULL), (1, 'x', '[1,3)', '{1,2}', NULL),
                                           (2, 'y''s', 'empty', '{1,3}', NULL), (3, 'z', '[2,4)', '{1,4}', NULL);
            CREATE INDEX i_expr ON "S q"."T 1" (a, (a * 2));
            CREATE TABLE never (a int);
            ANALYZE "S q"."T 1";
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameStatisticsOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "relstatsread"); Connection c = db.connect()) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            int version;
            try (Statement st = c.createStatement()) {
                st.execute("SET extra_float_digits TO 3"); // the dump session's setting
                try (ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('server_version_num')::int")) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            List<RelStatsReader.Target> targets = List.of(target(c, "\"S q\".\"T 1\"", false),
                    target(c, "\"S q\".i_expr", true), target(c, "public.never", false));
            List<RelStats> read = RelStatsReader.readTargets(new Jdbc(c), new ServerFeatures(version), version,
                    targets);
            assertEquals(List.of("S q.T 1", "S q.i_expr", "public.never"),
                    read.stream().map(s -> s.schema() + "." + s.name()).toList());
            assertEquals(List.of(false, true, false), read.stream().map(RelStats::postData).toList());
            assertEquals(targets.stream().map(RelStatsReader.Target::relation).toList(),
                    read.stream().map(RelStats::relation).toList());
            String frozen = major >= 18 ? " 0" : " null";
            assertEquals(List.of("1 4 0" + frozen, "2 4 0" + frozen, "0 -1 0" + frozen),
                    read.stream().map(s -> s.counters().relpages() + " " + s.counters().reltuples() + " "
                            + s.counters().relallvisible() + " " + s.counters().relallfrozen()).toList());

            List<String> expected = new ArrayList<>(List.of(
                    "B'b f {NULL_FRAC=0, AVG_WIDTH=2, N_DISTINCT=-0.75, MOST_COMMON_VALS={x}, "
                            + "MOST_COMMON_FREQS={0.5}, HISTOGRAM_BOUNDS={y's,z}, CORRELATION=1}",
                    "a f {NULL_FRAC=0, AVG_WIDTH=4, N_DISTINCT=-0.75, MOST_COMMON_VALS={1}, MOST_COMMON_FREQS={0.5}, "
                            + "HISTOGRAM_BOUNDS={2,3}, CORRELATION=1}",
                    "arr f {NULL_FRAC=0, AVG_WIDTH=29, N_DISTINCT=-0.75, MOST_COMMON_VALS={\"{1,2}\"}, "
                            + "MOST_COMMON_FREQS={0.5}, HISTOGRAM_BOUNDS={\"{1,3}\",\"{1,4}\"}, CORRELATION=1, "
                            + "MOST_COMMON_ELEMS={1,2,3,4}, MOST_COMMON_ELEM_FREQS={1,0.5,0.25,0.25,0.25,1,0}, "
                            + "ELEM_COUNT_HISTOGRAM={" + "2,".repeat(100) + "2}}",
                    "n f {NULL_FRAC=1, AVG_WIDTH=4, N_DISTINCT=0}"));
            expected.add(major >= 17
                    ? "r f {NULL_FRAC=0, AVG_WIDTH=12, N_DISTINCT=-1, RANGE_LENGTH_HISTOGRAM={1,2,2}, "
                            + "RANGE_EMPTY_FRAC=0.25, RANGE_BOUNDS_HISTOGRAM={\"[1,2)\",\"[1,3)\",\"[2,4)\"}}"
                    : "r f {NULL_FRAC=0, AVG_WIDTH=12, N_DISTINCT=-1}");
            assertEquals(expected, attributes(read.get(0)));
            assertEquals(List.of("#2 f {NULL_FRAC=0, AVG_WIDTH=4, N_DISTINCT=-0.75, MOST_COMMON_VALS={2}, "
                    + "MOST_COMMON_FREQS={0.5}, HISTOGRAM_BOUNDS={4,6}, CORRELATION=1}"), attributes(read.get(1)));
            assertEquals(List.of(), attributes(read.get(2)));

            // batches of one relation each read the same
            List<RelStats> again = new ArrayList<>();
            for (RelStatsReader.Target t : targets) {
                again.addAll(RelStatsReader.readTargets(new Jdbc(c), new ServerFeatures(version), version,
                        List.of(t)));
            }
            assertEquals(read, again);
        }
    }

    private static RelStatsReader.Target target(Connection c, String regclass, boolean index) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT '" + regclass.replace("'", "''") + "'::pg_catalog.regclass::oid")) {
            rs.next();
            return new RelStatsReader.Target(rs.getLong(1), ObjectId.relation(rs.getLong(1)), index);
        }
    }

    private static List<String> attributes(RelStats s) {
        return s.attributes().stream().map(a -> (a.attname() != null ? a.attname() : "#" + a.attnum()) + " "
                + (a.inherited() ? "t" : "f") + " " + a.values().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"))).toList();
    }
}
