package org.pgdump4j.object.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.subscription.Subscription;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * Subscriptions read to the same statements on every server 10..18, each option where the server has it (and
 * run_as_owner = true from servers before 16, as pg_dump 18 writes it); none read with --no-subscriptions; a
 * non-superuser reads none and gets pg_dump's warning.
 */
class SubscriptionReaderIT {
    private static final String FIXTURE = """
            DO $$BEGIN CREATE ROLE p4j_reader; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            CREATE SUBSCRIPTION s_plain CONNECTION 'dbname=nowhere' PUBLICATION p1, "Odd P" WITH (connect = false);
            COMMENT ON SUBSCRIPTION s_plain IS 'plain';
            --@ 14+ CREATE SUBSCRIPTION s_bin CONNECTION 'dbname=x' PUBLICATION p WITH (connect = false, slot_name = NONE, binary = true, streaming = true);
            --@ 16+ CREATE SUBSCRIPTION s_org CONNECTION 'dbname=x' PUBLICATION p WITH (connect = false, slot_name = NONE, origin = none, run_as_owner = false);
            """;
    private static final String DROP = """
            ALTER SUBSCRIPTION s_plain DISABLE;
            ALTER SUBSCRIPTION s_plain SET (slot_name = NONE);
            DROP SUBSCRIPTION s_plain;
            DROP SUBSCRIPTION IF EXISTS s_bin;
            DROP SUBSCRIPTION IF EXISTS s_org;
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsSubscriptions(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "subread")) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            try (Connection c = db.connect()) {
                List<String> read = FamilyReading.read(c, new SubscriptionReader()).stream()
                        .map(o -> (Subscription) o)
                        .map(s -> s.name() + " " + s.comment() + ": " + SubscriptionDdl.create(s)).sorted().toList();
                String old = major < 16 ? ", run_as_owner = true" : "";
                String streaming = major >= 18 ? "parallel" : "off"; // 18's default
                List<String> expected = new ArrayList<>(List.of("s_plain plain: CREATE SUBSCRIPTION s_plain "
                        + "CONNECTION 'dbname=nowhere' PUBLICATION p1, \"Odd P\" WITH (connect = false, "
                        + "slot_name = 's_plain', streaming = " + streaming + old + ");\n"));
                if (major >= 14) {
                    expected.add("s_bin null: CREATE SUBSCRIPTION s_bin CONNECTION 'dbname=x' PUBLICATION p WITH "
                            + "(connect = false, slot_name = NONE, binary = true, streaming = on" + old + ");\n");
                }
                if (major >= 16) {
                    expected.add("s_org null: CREATE SUBSCRIPTION s_org CONNECTION 'dbname=x' PUBLICATION p WITH "
                            + "(connect = false, slot_name = NONE, streaming = " + streaming + ", origin = none);\n");
                }
                assertEquals(expected.stream().sorted().toList(), read);

                ReadContext full = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()),
                        Set.of(), true);
                assertEquals(List.of(), new SubscriptionReader().read(full.reading(true, false)));
                try (Statement st = c.createStatement()) {
                    st.execute("SET SESSION AUTHORIZATION p4j_reader");
                }
                ReadContext asReader = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()),
                        Set.of(), true);
                assertEquals(List.of(), new SubscriptionReader().read(asReader));
                assertEquals(List.of(SubscriptionReader.NOT_SUPERUSER), asReader.warnings());
            } finally {
                db.execute(DROP);
            }
        }
    }
}
