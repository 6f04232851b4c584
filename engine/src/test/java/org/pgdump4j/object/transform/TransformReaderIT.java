package org.pgdump4j.object.transform;

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
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** Transforms read to the same DDL on every major. */
class TransformReaderIT {
    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTransforms(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "trfreader")) {
            db.execute("""
                    CREATE TRUSTED LANGUAGE "L x" HANDLER plpgsql_call_handler;
                    CREATE TRANSFORM FOR integer LANGUAGE plpgsql (FROM SQL WITH FUNCTION gtsvector_compress(internal),
                        TO SQL WITH FUNCTION int4recv(internal));
                    CREATE TRANSFORM FOR bigint LANGUAGE "L x" (TO SQL WITH FUNCTION int8recv(internal));
                    CREATE TRANSFORM FOR smallint LANGUAGE "L x" (FROM SQL WITH FUNCTION gtsvector_compress(internal));
                    COMMENT ON TRANSFORM FOR integer LANGUAGE plpgsql IS 'c';
                    """);
            try (Connection c = db.connect()) {
                ReadContext ctx = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()),
                        Set.of(), true);
                List<String> read = new TransformReader().read(ctx).stream()
                        .map(t -> t.sortName() + " " + t.components().bits() + ": " + TransformDdl.create(t)
                                + t.comment()).sorted().toList();
                assertEquals(List.of(
                        "int2 L x 255: CREATE TRANSFORM FOR smallint LANGUAGE \"L x\" (FROM SQL WITH FUNCTION "
                                + "pg_catalog.gtsvector_compress(internal));\nnull",
                        "int4 plpgsql 255: CREATE TRANSFORM FOR integer LANGUAGE plpgsql (FROM SQL WITH FUNCTION "
                                + "pg_catalog.gtsvector_compress(internal), TO SQL WITH FUNCTION "
                                + "pg_catalog.int4recv(internal));\nc",
                        "int8 L x 255: CREATE TRANSFORM FOR bigint LANGUAGE \"L x\" (TO SQL WITH FUNCTION "
                                + "pg_catalog.int8recv(internal));\nnull"), read);
            }
        }
    }
}
