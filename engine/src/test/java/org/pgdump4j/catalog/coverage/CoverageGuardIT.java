package org.pgdump4j.catalog.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Selector;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** The guard's queries on real servers of the matrix; what it finds per kind is tested in compat-tests. */
class CoverageGuardIT {
    private static final DumpScope FULL = new DumpScope(true, true, true, true, true);
    private static final Selector.Selection NONE = new Selector.Selection(Set.of(), Set.of());

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void freshDatabaseHasNothingToRefuse(int major) throws SQLException {
        try (TestDb db = PgServers.freshDb(major, "coverage"); Connection c = db.connect()) {
            assertEquals(List.of(), CoverageGuard.find(c, features(c), NONE, FULL, CoverageGuard.KNOWN_CATALOGS));
        }
    }

    /** Every catalog with an OID column on this server is one the guard knows, so none is skipped unread. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void knowsEveryCatalogWithObjects(int major) throws SQLException {
        try (TestDb db = PgServers.freshDb(major, "coverage"); Connection c = db.connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(CoverageGuard.CATALOGS_WITH_OIDS)) {
            Set<String> unknown = new HashSet<>();
            int seen = 0;
            while (rs.next()) {
                seen++;
                if (!CoverageGuard.KNOWN_CATALOGS.contains(rs.getString(1))) {
                    unknown.add(rs.getString(1));
                }
            }
            assertTrue(seen >= 38, "only " + seen + " catalogs with OIDs listed");
            assertEquals(Set.of(), unknown);
        }
    }

    /** A kind of object this code has never heard of (a newer server's catalog) is refused, not skipped. */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void refusesObjectsInAnUnknownCatalog(int major) throws SQLException {
        try (TestDb db = PgServers.freshDb(major, "coverage"); Connection c = db.connect()) {
            db.execute("CREATE SCHEMA s; CREATE FUNCTION s.f() RETURNS integer LANGUAGE sql AS 'SELECT 1'");
            Set<String> known = new HashSet<>(CoverageGuard.KNOWN_CATALOGS);
            known.remove("pg_proc");
            List<Gap> gaps = CoverageGuard.find(c, features(c), NONE, new DumpScope(false, false, false, true, false),
                    known);
            assertEquals(1, gaps.size(), gaps.toString());
            assertEquals("OBJECT OF UNKNOWN KIND IN pg_catalog.pg_proc", gaps.get(0).kind());
        }
    }

    private static ServerFeatures features(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('server_version_num')::int")) {
            rs.next();
            return new ServerFeatures(rs.getInt(1));
        }
    }
}
