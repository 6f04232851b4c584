package org.pgdump4j.object.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.model.trigger.Trigger;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * The same triggers read to the same records on every server 10..18: enabled states, constraint triggers, INSTEAD
 * OF triggers on views, comments, extensions a trigger is marked to depend on; foreign keys' internal triggers never. On 11+ a partitioned table's trigger is
 * cloned onto its partition: the clone is read only where its enabled state differs, whichever way the server
 * marks clones (internal with a pg_depend row on 11 and 12, internal with tgparentid on 13 and 14, tgparentid
 * only from 15).
 */
class TriggerReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA s;
            CREATE SCHEMA "Odd ""S"" é";
            CREATE FUNCTION s.f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
            CREATE TABLE s.t (a int PRIMARY KEY, b int);
            CREATE TABLE "Odd ""S"" é"."T é" (a int REFERENCES s.t);
            CREATE TRIGGER before_ins BEFORE INSERT ON s.t FOR EACH ROW EXECUTE PROCEDURE s.f();
            CREATE TRIGGER "Upd é" AFTER UPDATE OF b ON s.t FOR EACH ROW WHEN (OLD.b IS DISTINCT FROM NEW.b)
                EXECUTE PROCEDURE s.f();
            CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON "Odd ""S"" é"."T é" DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW EXECUTE PROCEDURE s.f();
            CREATE TRIGGER stmt AFTER DELETE ON s.t FOR EACH STATEMENT EXECUTE PROCEDURE s.f();
            ALTER TABLE s.t DISABLE TRIGGER stmt;
            ALTER TABLE s.t ENABLE REPLICA TRIGGER "Upd é";
            ALTER TABLE "Odd ""S"" é"."T é" ENABLE ALWAYS TRIGGER ct;
            COMMENT ON TRIGGER before_ins ON s.t IS 'bi';
            CREATE EXTENSION hstore SCHEMA s;
            ALTER TRIGGER before_ins ON s.t DEPENDS ON EXTENSION hstore;
            CREATE VIEW s.v AS SELECT a, b FROM s.t;
            CREATE TRIGGER instead INSTEAD OF INSERT ON s.v FOR EACH ROW EXECUTE PROCEDURE s.f();
            --@ 11+ CREATE TABLE s.p (a int) PARTITION BY RANGE (a);
            --@ 11+ CREATE TABLE s.p1 PARTITION OF s.p FOR VALUES FROM (0) TO (10);
            --@ 11+ CREATE TABLE s.p2 PARTITION OF s.p FOR VALUES FROM (10) TO (20);
            --@ 11+ CREATE TRIGGER pt AFTER INSERT ON s.p FOR EACH ROW EXECUTE PROCEDURE s.f();
            --@ 11+ ALTER TABLE s.p1 DISABLE TRIGGER pt;
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameTriggersOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "trgread"); Connection c = db.connect()) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            List<String> ours = FamilyReading.read(c, new TriggerReader()).stream().map(o -> (Trigger) o)
                    .map(t -> t.table().schema() + "." + t.table().name() + " " + t.name() + " " + t.tableOwner()
                            + " " + t.comment() + ": " + TriggerDdl.create(t).replace("PROCEDURE", "FUNCTION"))
                    .sorted().toList();
            // before 11 pg_get_triggerdef says EXECUTE PROCEDURE, from 11 EXECUTE FUNCTION
            List<String> expected = new ArrayList<>(List.of(
                    "Odd \"S\" é.T é ct postgres null: CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON \"Odd \"\"S\"\" é\"."
                            + "\"T é\" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION s.f();\n\n"
                            + "ALTER TABLE \"Odd \"\"S\"\" é\".\"T é\" ENABLE ALWAYS TRIGGER ct;\n",
                    "s.t Upd é postgres null: CREATE TRIGGER \"Upd é\" AFTER UPDATE OF b ON s.t FOR EACH ROW WHEN "
                            + "((old.b IS DISTINCT FROM new.b)) EXECUTE FUNCTION s.f();\n\n"
                            + "ALTER TABLE s.t ENABLE REPLICA TRIGGER \"Upd é\";\n",
                    "s.t before_ins postgres bi: CREATE TRIGGER before_ins BEFORE INSERT ON s.t FOR EACH ROW "
                            + "EXECUTE FUNCTION s.f();\n\nALTER TRIGGER before_ins ON s.t DEPENDS ON EXTENSION hstore;",
                    "s.t stmt postgres null: CREATE TRIGGER stmt AFTER DELETE ON s.t FOR EACH STATEMENT "
                            + "EXECUTE FUNCTION s.f();\n\nALTER TABLE s.t DISABLE TRIGGER stmt;\n",
                    "s.v instead postgres null: CREATE TRIGGER instead INSTEAD OF INSERT ON s.v FOR EACH ROW "
                            + "EXECUTE FUNCTION s.f();\n"));
            if (major >= 11) {
                expected.add("s.p pt postgres null: CREATE TRIGGER pt AFTER INSERT ON s.p FOR EACH ROW "
                        + "EXECUTE FUNCTION s.f();\n");
                expected.add("s.p1 pt postgres null: \nALTER TABLE s.p1 DISABLE TRIGGER pt;\n");
            }
            assertEquals(expected.stream().sorted().toList(), ours);
        }
    }
}
