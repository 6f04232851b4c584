package org.pgdump4j.object.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.publication.Publication;
import org.pgdump4j.model.publication.PublicationSchema;
import org.pgdump4j.model.publication.PublicationTable;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * Publications and their tables and schemas read to the same statements on every server 10..18, each option
 * where the server has it; none read when the dump leaves publications out.
 */
class PublicationReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA "Pub S";
            CREATE TABLE "Pub S".t1 (id integer PRIMARY KEY, "Odd Col" text, v integer);
            CREATE PUBLICATION p_all FOR ALL TABLES WITH (publish = 'insert, update');
            CREATE PUBLICATION p_t FOR TABLE "Pub S".t1;
            COMMENT ON PUBLICATION p_t IS 'pt';
            --@ 13+ CREATE PUBLICATION p_root WITH (publish_via_partition_root = true, publish = 'delete');
            --@ 15+ CREATE PUBLICATION p_cols FOR TABLE "Pub S".t1 ("Odd Col", id) WHERE (v > 0) WITH (publish = 'insert');
            --@ 15+ CREATE PUBLICATION p_schema FOR TABLES IN SCHEMA "Pub S";
            --@ 18+ CREATE PUBLICATION p_gen WITH (publish_generated_columns = stored);
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsPublications(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "pubread"); Connection c = db.connect()) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            List<String> read = FamilyReading.read(c, new PublicationReader()).stream()
                    .map(PublicationReaderIT::describe).sorted().toList();
            String all = major >= 11 ? "insert, update, delete, truncate" : "insert, update, delete";
            List<String> expected = new ArrayList<>(List.of(
                    "p_all null: CREATE PUBLICATION p_all FOR ALL TABLES WITH (publish = 'insert, update');\n",
                    "p_t pt: CREATE PUBLICATION p_t WITH (publish = '" + all + "');\n",
                    "p_t t1: ALTER PUBLICATION p_t ADD TABLE ONLY \"Pub S\".t1;\n"));
            if (major >= 13) {
                expected.add("p_root null: CREATE PUBLICATION p_root WITH (publish = 'delete', "
                        + "publish_via_partition_root = true);\n");
            }
            if (major >= 15) {
                expected.add("p_cols null: CREATE PUBLICATION p_cols WITH (publish = 'insert');\n");
                expected.add("p_cols t1: ALTER PUBLICATION p_cols ADD TABLE ONLY \"Pub S\".t1 (id, \"Odd Col\") "
                        + "WHERE ((v > 0));\n");
                expected.add("p_schema null: CREATE PUBLICATION p_schema WITH (publish = '" + all + "');\n");
                expected.add("p_schema schema: ALTER PUBLICATION p_schema ADD TABLES IN SCHEMA \"Pub S\";\n");
            }
            if (major >= 18) {
                expected.add("p_gen null: CREATE PUBLICATION p_gen WITH (publish = '" + all
                        + "', publish_generated_columns = stored);\n");
            }
            assertEquals(expected.stream().sorted().toList(), read);

            ReadContext full = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()), Set.of(),
                    true);
            assertEquals(List.of(), new PublicationReader().read(full.reading(false, true)));
            ReadContext narrowed = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()),
                    Set.of(), false);
            assertEquals(List.of(), new PublicationReader().read(narrowed).stream()
                    .filter(o -> !o.components().isEmpty()).toList());
        }
    }

    private static String describe(FamilyObject o) {
        if (o instanceof Publication p) {
            return p.name() + " " + p.comment() + ": " + PublicationDdl.create(p);
        }
        if (o instanceof PublicationTable t) {
            return t.publication() + " " + t.table().name() + ": " + PublicationDdl.addTable(t);
        }
        PublicationSchema s = (PublicationSchema) o;
        return s.publication() + " schema: " + PublicationDdl.addSchema(s);
    }
}
