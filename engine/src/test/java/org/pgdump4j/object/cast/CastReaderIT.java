package org.pgdump4j.object.cast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.cast.Cast;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** Casts read to the same DDL on every major; initdb's casts are read too (for the sort) but not dumped. */
class CastReaderIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsCasts(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "castreader")) {
            db.execute("""
                    CREATE CAST (date AS integer) WITHOUT FUNCTION;
                    CREATE CAST (double precision AS timestamp with time zone)
                        WITH FUNCTION pg_catalog.to_timestamp(double precision) AS ASSIGNMENT;
                    CREATE CAST (text AS date) WITH INOUT AS IMPLICIT;
                    COMMENT ON CAST (date AS integer) IS 'days';
                    """);
            try (Connection c = db.connect()) {
                ReadContext ctx = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()),
                        Set.of(), true);
                List<Cast> all = new CastReader().read(ctx);
                List<String> dumped = all.stream().filter(k -> !k.components().isEmpty())
                        .map(k -> k.sortName() + ": " + CastDdl.create(k) + k.comment()).toList();
                assertEquals(List.of(
                        "date int4: CREATE CAST (date AS integer) WITHOUT FUNCTION;\ndays",
                        "float8 timestamptz: CREATE CAST (double precision AS timestamp with time zone) WITH FUNCTION "
                                + "pg_catalog.to_timestamp(double precision) AS ASSIGNMENT;\nnull",
                        "text date: CREATE CAST (text AS date) WITH INOUT AS IMPLICIT;\nnull"),
                        dumped.stream().sorted().toList());
                assertTrue(all.size() > 100, "initdb's casts are read for the sort: " + all.size());
                ReadContext narrowed = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()),
                        Set.of(), false);
                assertTrue(new CastReader().read(narrowed).stream().allMatch(k -> k.components().isEmpty()));
            }
        }
    }
}
