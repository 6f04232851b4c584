package org.pgdump4j.object.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Lineage;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * The same partition trees read to the same records on every server 10..18: partition keys, partitions' bounds
 * and parents (range and list from 10, multi-level, default and hash from 11), and partitions' indexes attached
 * to their parents' (11+), an unattached partition index not.
 */
class PartitionReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA s;
            CREATE SCHEMA "Odd ""S"" é";
            CREATE TABLE s.m (id int, k int) PARTITION BY RANGE (k);
            CREATE TABLE s.m1 PARTITION OF s.m FOR VALUES FROM (0) TO (10);
            CREATE TABLE "Odd ""S"" é"."L é" (a int, b text) PARTITION BY LIST (b);
            CREATE TABLE s.l1 PARTITION OF "Odd ""S"" é"."L é" FOR VALUES IN ('a') PARTITION BY RANGE (a);
            CREATE TABLE s.l11 PARTITION OF s.l1 FOR VALUES FROM (MINVALUE) TO (0);
            CREATE TABLE s.plain (a int);
            CREATE INDEX m1_own ON s.m1 (id);
            CREATE TABLE s.ib (id int NOT NULL, v text DEFAULT 'b');
            CREATE TABLE s.ic (x int) INHERITS (s.ib);
            CREATE TABLE s.id2 (id int NOT NULL, v text);
            ALTER TABLE s.id2 INHERIT s.ib;
            CREATE TYPE s.pr AS (a int);
            CREATE TABLE s.tt OF s.pr;
            --@ 11+ CREATE TABLE s.mdef PARTITION OF s.m DEFAULT;
            --@ 11+ CREATE TABLE s.h (a int) PARTITION BY HASH (a);
            --@ 11+ CREATE TABLE s.h0 PARTITION OF s.h FOR VALUES WITH (MODULUS 1, REMAINDER 0);
            --@ 11+ CREATE INDEX m_k ON s.m (k);
            --@ 11+ CREATE TYPE s.e AS ENUM ('a', 'b');
            --@ 11+ CREATE TABLE s.he (x s.e) PARTITION BY HASH (x);
            --@ 11+ CREATE TABLE s.he0 PARTITION OF s.he FOR VALUES WITH (MODULUS 1, REMAINDER 0);
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameTreesOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "partread"); Connection c = db.connect()) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            Jdbc jdbc = new Jdbc(c);
            Map<Long, QualifiedName> names = new HashMap<>();
            jdbc.forEach("tables", """
                    SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c
                      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname IN ('s', 'Odd "S" é') AND c.relkind IN ('r', 'p')
                    """, rs -> names.put(rs.getLong(1), new QualifiedName(rs.getString(2), rs.getString(3))));
            long[] oids = names.keySet().stream().mapToLong(Long::longValue).toArray();
            Map<Long, String> owners = new HashMap<>();
            names.keySet().forEach(o -> owners.put(o, "postgres"));
            Set<Long> indexes = new HashSet<>(jdbc.query("indexes",
                    "SELECT indexrelid FROM pg_catalog.pg_index WHERE indrelid = ANY(?)", rs -> rs.getLong(1), oids));

            ServerFeatures f = new ServerFeatures(jdbc.query("version", "SHOW server_version_num",
                    rs -> Integer.parseInt(rs.getString(1))).get(0));
            PartitionReader.Trees trees = PartitionReader.trees(jdbc, f, oids, names, owners);
            List<String> lineage = names.entrySet().stream().map(e -> {
                Lineage l = trees.of(e.getKey());
                return e.getValue().name() + " " + l.partitionKey() + " " + l.partition() + " "
                        + (l.root() == null ? null : l.root().name()) + " " + l.forcedRootLoad();
            }).sorted().toList();
            List<String> attach = trees.attachments().stream()
                    .map(a -> a.owner() + " " + a.schema() + " " + a.sortName() + ": " + a.partitionId().equals(
                            org.pgdump4j.model.ObjectId.relation(oidOf(names, a.partition()))) + " "
                            + org.pgdump4j.ddl.PartitionDdl.attachTable(a))
                    .sorted().toList();
            List<String> indexAttach = PartitionReader.indexAttachments(jdbc, oids, indexes).stream()
                    .map(a -> a.owner() + " " + a.schema() + " " + a.sortName() + ": "
                            + org.pgdump4j.ddl.PartitionDdl.attachIndex(a))
                    .toList();

            List<String> expectedLineage = new ArrayList<>(List.of("L é LIST (b) false null false",
                    "l1 RANGE (a) true L é false", "l11 null true L é false", "m RANGE (k) false null false",
                    "m1 null true m false", "plain null false null false", "ib null false null false",
                    "ic null false null false", "id2 null false null false", "tt null false null false"));
            List<String> inheritance = names.entrySet().stream()
                    .filter(e -> Set.of("ic", "id2", "tt").contains(e.getValue().name())).map(e -> {
                        Lineage l = trees.of(e.getKey());
                        return e.getValue().name() + " " + l.parents() + " " + l.inheritedColumns().stream().sorted()
                                .toList() + " " + l.inheritedNotNulls() + " " + l.nullDefaults() + " " + l.ofType();
                    }).sorted().toList();
            // before 18 a NOT NULL is deemed inherited whenever a parent has one (pg_dump's flagInhAttrs)
            assertEquals(List.of(
                    "ic [QualifiedName[schema=s, name=ib]] [id, v] [id] [] null",
                    "id2 [QualifiedName[schema=s, name=ib]] [] " + (major >= 18 ? "[]" : "[id]") + " [v] null",
                    "tt [] [] [] [] s.pr"), inheritance);
            List<String> expectedAttach = new ArrayList<>(List.of(
                    "postgres s l1: true ALTER TABLE ONLY \"Odd \"\"S\"\" é\".\"L é\" ATTACH PARTITION s.l1 "
                            + "FOR VALUES IN ('a');\n",
                    "postgres s l11: true ALTER TABLE ONLY s.l1 ATTACH PARTITION s.l11 FOR VALUES FROM (MINVALUE) "
                            + "TO (0);\n",
                    "postgres s m1: true ALTER TABLE ONLY s.m ATTACH PARTITION s.m1 FOR VALUES FROM (0) TO (10);\n"));
            List<String> expectedIndexAttach = new ArrayList<>();
            if (major >= 11) {
                // a tree hash-partitioned on an enum loads through its root
                expectedLineage.addAll(List.of("h HASH (a) false null false", "h0 null true h false",
                        "mdef null true m false", "he HASH (x) false null false", "he0 null true he true"));
                expectedAttach.addAll(List.of(
                        "postgres s h0: true ALTER TABLE ONLY s.h ATTACH PARTITION s.h0 "
                                + "FOR VALUES WITH (modulus 1, remainder 0);\n",
                        "postgres s he0: true ALTER TABLE ONLY s.he ATTACH PARTITION s.he0 "
                                + "FOR VALUES WITH (modulus 1, remainder 0);\n",
                        "postgres s mdef: true ALTER TABLE ONLY s.m ATTACH PARTITION s.mdef DEFAULT;\n"));
                expectedIndexAttach.addAll(List.of(
                        "postgres s m1_k_idx: ALTER INDEX s.m_k ATTACH PARTITION s.m1_k_idx;\n",
                        "postgres s mdef_k_idx: ALTER INDEX s.m_k ATTACH PARTITION s.mdef_k_idx;\n"));
            }
            assertEquals(expectedLineage.stream().sorted().toList(), lineage);
            assertEquals(expectedAttach.stream().sorted().toList(), attach);
            assertEquals(expectedIndexAttach, indexAttach.stream().sorted().toList());
        }
    }

    private static long oidOf(Map<Long, QualifiedName> names, QualifiedName name) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey();
    }
}
