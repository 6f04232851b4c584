package org.pgdump4j.object.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.RelationHead;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * The same materialized views read to the same records on every server 10..18 as far as their DEPENDS ON
 * EXTENSION marks go: each carries its own marks, not its index's (pg_class holds both), and an unmarked one none.
 * The order of two marks is the server's (MatviewCompatIT compares it with pg_dump's), so it is compared sorted.
 */
class MaterializedViewReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA s;
            CREATE EXTENSION hstore SCHEMA s;
            CREATE EXTENSION cube SCHEMA s;
            CREATE TABLE s.t (a int);
            CREATE MATERIALIZED VIEW s."Two é" AS SELECT a FROM s.t;
            CREATE MATERIALIZED VIEW s.one AS SELECT a FROM s.t;
            CREATE MATERIALIZED VIEW s.none AS SELECT a FROM s.t;
            CREATE INDEX none_a ON s.none (a);
            ALTER MATERIALIZED VIEW s."Two é" DEPENDS ON EXTENSION hstore;
            ALTER MATERIALIZED VIEW s."Two é" DEPENDS ON EXTENSION cube;
            ALTER MATERIALIZED VIEW s.one DEPENDS ON EXTENSION cube;
            ALTER INDEX s.none_a DEPENDS ON EXTENSION hstore;
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsEachOnesMarksOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "mvread"); Connection c = db.connect()) {
            db.execute(FIXTURE);
            Jdbc jdbc = new Jdbc(c);
            Map<Long, RelationHead> heads = new HashMap<>();
            jdbc.forEach("materialized views", """
                    SELECT c.oid, c.relname FROM pg_catalog.pg_class c
                     WHERE c.relnamespace = 's'::pg_catalog.regnamespace AND c.relkind = 'm'
                    """, rs -> heads.put(rs.getLong(1), new RelationHead(rs.getLong(1),
                    new QualifiedName("s", rs.getString(2)), 'm', new Ownership("postgres", null, List.of()), 'p', "",
                    null, List.of(), false)));
            Map<String, List<String>> marks = new TreeMap<>();
            MaterializedViewReader.read(jdbc, heads, heads.keySet().stream().mapToLong(Long::longValue).toArray(),
                    Map.of(), Map.of(), Map.of(), id -> Components.ALL)
                    .forEach(m -> marks.put(m.name().name(), m.extensions().stream().sorted().toList()));
            assertEquals(Map.of("Two é", List.of("cube", "hstore"), "one", List.of("cube"), "none", List.of()),
                    marks);
        }
    }
}
