package org.pgdump4j.object.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.routine.Aggregate;
import org.pgdump4j.model.routine.Routine;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * The same routines read to the same records on every server major 10..18: each object's tag, CREATE and DROP,
 * owner, privileges and comment equal what server 18 reads; objects a server cannot have are only on newer ones.
 */
class RoutineReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA rr;
            CREATE FUNCTION rr.f(a integer, b text DEFAULT 'x') RETURNS SETOF integer LANGUAGE sql STABLE STRICT
                   COST 7 ROWS 3 SET search_path = rr, public AS 'SELECT a';
            CREATE FUNCTION rr.f() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER PARALLEL SAFE
                   AS $$BEGIN RETURN 1; END$$;
            CREATE FUNCTION rr.w() RETURNS bigint LANGUAGE internal WINDOW IMMUTABLE AS 'window_rank';
            CREATE FUNCTION rr.fin(integer, integer) RETURNS integer LANGUAGE sql AS 'SELECT $1';
            CREATE AGGREGATE rr.agg(integer) (SFUNC = int4pl, STYPE = integer, FINALFUNC = rr.fin, FINALFUNC_EXTRA,
                   MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MINITCOND = '0', SORTOP = >);
            CREATE AGGREGATE rr.cnt(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0', PARALLEL = SAFE);
            CREATE AGGREGATE rr.pct(double precision ORDER BY anyelement) (SFUNC = ordered_set_transition,
                   STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
            COMMENT ON FUNCTION rr.f() IS 'zero';
            REVOKE ALL ON FUNCTION rr.cnt() FROM PUBLIC;
            REVOKE EXECUTE ON FUNCTION pg_catalog.md5(text) FROM PUBLIC;
            """;
    private static final String V11 = "CREATE PROCEDURE rr.p(INOUT x integer) LANGUAGE sql AS 'SELECT 1';";
    private static final String V12 = "CREATE FUNCTION rr.gs(integer, integer) RETURNS SETOF integer LANGUAGE internal"
            + " IMMUTABLE STRICT SUPPORT generate_series_int4_support AS 'generate_series_int4';";
    private static final String V14 = "CREATE FUNCTION rr.std(a integer) RETURNS integer LANGUAGE sql RETURN a + 1;";

    private static Map<String, String> newest;

    @BeforeAll
    static void readNewest() throws SQLException {
        newest = read(PgServers.DEFAULT_MAJOR);
    }

    @AfterAll
    static void forget() {
        newest = null;
    }

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameRoutinesOnEveryMajor(int major) throws SQLException {
        Map<String, String> got = read(major);
        Map<String, String> expected = new TreeMap<>(newest);
        if (major < 11) {
            expected.remove("FUNC p(integer)");
        }
        if (major < 12) {
            expected.remove("FUNC gs(integer, integer)");
        }
        if (major < 14) {
            expected.remove("FUNC std(integer)");
        }
        assertEquals(expected, got);
    }

    @Test
    void newestHoldsEveryVariant() {
        assertTrue(newest.keySet().containsAll(Set.of("FUNC p(integer)", "FUNC gs(integer, integer)",
                "FUNC std(integer)", "AGG cnt(*)", "AGG pct(double precision, anyelement)", "FUNC w()",
                "ACL md5(text)")), newest.keySet().toString());
        assertTrue(newest.get("FUNC std(integer)").contains("RETURN (a + 1);"), newest.get("FUNC std(integer)"));
        assertTrue(newest.get("FUNC p(integer)").startsWith("CREATE PROCEDURE rr.p(INOUT x integer)\n"));
    }

    /** Every routine of schema rr (and changed pg_catalog ACLs): kind and tag to everything written for it. */
    private static Map<String, String> read(int major) throws SQLException {
        try (TestDb db = PgServers.freshDb(major, "routinereader")) {
            db.execute(FIXTURE);
            if (major >= 11) {
                db.execute(V11);
            }
            if (major >= 12) {
                db.execute(V12);
            }
            if (major >= 14) {
                db.execute(V14);
            }
            try (Connection conn = db.connect()) {
                Jdbc jdbc = new Jdbc(conn);
                jdbc.execute("set search_path", "SELECT pg_catalog.set_config('search_path', '', false)");
                long rr = Long.parseLong(db.queryString("SELECT oid FROM pg_namespace WHERE nspname = 'rr'"));
                int version = Integer.parseInt(db.queryString("SHOW server_version_num"));
                var ctx = new ReadContext(jdbc, new ServerFeatures(version), Set.of(rr), true);
                Map<String, String> out = new TreeMap<>();
                for (FamilyObject o : new RoutineReader().read(ctx)) {
                    if (o.schema().equals("pg_catalog")) {
                        assertEquals(new Components(Components.ACL), o.components(), o.sortName());
                        out.put("ACL " + RoutineDdl.tag(((Routine) o).signature()),
                                String.valueOf(((Routine) o).ownership()));
                    } else if (o instanceof Routine r && r.schema().equals("rr")) {
                        out.put("FUNC " + RoutineDdl.tag(r.signature()), RoutineDdl.create(r) + RoutineDdl.drop(r)
                                + r.ownership() + r.comment() + r.components() + r.tiebreak());
                    } else if (o instanceof Aggregate a && a.schema().equals("rr")) {
                        out.put("AGG " + AggregateDdl.tag(a.signature()), AggregateDdl.create(a)
                                + AggregateDdl.drop(a) + a.ownership() + a.comment() + a.components() + a.tiebreak());
                    }
                }
                return out;
            }
        }
    }
}
