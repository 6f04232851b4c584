package org.pgdump4j.object.eventtrigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.eventtrigger.EventTrigger;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** Event triggers read to the same DDL on every server 10..18; login triggers where the server has them (17+). */
class EventTriggerReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA "Evt S";
            CREATE FUNCTION "Evt S".on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
            CREATE EVENT TRIGGER plain ON ddl_command_end EXECUTE PROCEDURE "Evt S".on_ddl();
            CREATE EVENT TRIGGER "Tagged E" ON ddl_command_start WHEN TAG IN ('CREATE TABLE', 'drop table')
                EXECUTE PROCEDURE "Evt S".on_ddl();
            CREATE EVENT TRIGGER off ON sql_drop EXECUTE PROCEDURE "Evt S".on_ddl();
            ALTER EVENT TRIGGER off DISABLE;
            CREATE EVENT TRIGGER rep ON table_rewrite EXECUTE PROCEDURE "Evt S".on_ddl();
            ALTER EVENT TRIGGER rep ENABLE REPLICA;
            CREATE EVENT TRIGGER alw ON ddl_command_end EXECUTE PROCEDURE "Evt S".on_ddl();
            ALTER EVENT TRIGGER alw ENABLE ALWAYS;
            COMMENT ON EVENT TRIGGER plain IS 'plain one';
            --@ 17+ CREATE EVENT TRIGGER lg ON login EXECUTE FUNCTION "Evt S".on_ddl();
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsEventTriggers(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "evtread"); Connection c = db.connect()) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            List<String> read = FamilyReading.read(c, new EventTriggerReader()).stream()
                    .map(o -> (EventTrigger) o)
                    .map(t -> t.name() + " " + t.owner() + " " + t.comment() + " " + t.components().isEmpty() + ": "
                            + EventTriggerDdl.create(t))
                    .sorted().toList();
            String fn = "\n   EXECUTE FUNCTION \"Evt S\".on_ddl();\n";
            List<String> expected = new ArrayList<>(List.of(
                    "Tagged E postgres null false: CREATE EVENT TRIGGER \"Tagged E\" ON ddl_command_start\n"
                            + "         WHEN TAG IN ('CREATE TABLE', 'DROP TABLE')" + fn,
                    "alw postgres null false: CREATE EVENT TRIGGER alw ON ddl_command_end" + fn
                            + "\nALTER EVENT TRIGGER alw ENABLE ALWAYS;\n",
                    "off postgres null false: CREATE EVENT TRIGGER off ON sql_drop" + fn
                            + "\nALTER EVENT TRIGGER off DISABLE;\n",
                    "plain postgres plain one false: CREATE EVENT TRIGGER plain ON ddl_command_end" + fn,
                    "rep postgres null false: CREATE EVENT TRIGGER rep ON table_rewrite" + fn
                            + "\nALTER EVENT TRIGGER rep ENABLE REPLICA;\n"));
            if (major >= 17) {
                expected.add("lg postgres null false: CREATE EVENT TRIGGER lg ON login" + fn);
            }
            assertEquals(expected.stream().sorted().toList(), read);
            // a narrowed dump (-n/-t) leaves event triggers out, as pg_dump's selectDumpableObject does
            ReadContext narrowed = new ReadContext(new Jdbc(c), new ServerFeatures(db.server().versionNum()),
                    java.util.Set.of(), false);
            assertEquals(List.of(), new EventTriggerReader().read(narrowed).stream()
                    .filter(t -> !t.components().isEmpty()).toList());
            db.execute("DROP EVENT TRIGGER IF EXISTS lg");
        }
    }
}
