package org.pgdump4j.object.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.model.rule.Rule;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * The same rules read to the same records on every server 10..18: rules on tables and on views, firing states,
 * comments; never a view's ON SELECT rule (the view's definition).
 */
class RuleReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA s;
            CREATE SCHEMA "Odd ""S"" é";
            CREATE TABLE s.t (a int, b int);
            CREATE TABLE s.log (a int);
            CREATE TABLE "Odd ""S"" é"."T é" (a int);
            CREATE RULE notify_upd AS ON UPDATE TO s.t DO ALSO NOTIFY t;
            CREATE RULE "Ins é" AS ON INSERT TO s.t WHERE new.a < 0 DO INSTEAD NOTHING;
            CREATE RULE logged AS ON DELETE TO "Odd ""S"" é"."T é" DO ALSO INSERT INTO s.log VALUES (old.a);
            ALTER TABLE s.t DISABLE RULE notify_upd;
            ALTER TABLE "Odd ""S"" é"."T é" ENABLE ALWAYS RULE logged;
            COMMENT ON RULE "Ins é" ON s.t IS 'ins';
            CREATE VIEW s.v AS SELECT a, b FROM s.t;
            CREATE RULE v_ins AS ON INSERT TO s.v DO INSTEAD INSERT INTO s.t VALUES (new.a, new.b);
            CREATE MATERIALIZED VIEW s.mv AS SELECT a FROM s.t;
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameRulesOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "ruleread"); Connection c = db.connect()) {
            db.execute(FIXTURE);
            List<String> ours = FamilyReading.read(c, new RuleReader()).stream().map(o -> (Rule) o)
                    .map(r -> r.table().schema() + "." + r.table().name() + " " + r.name() + " " + r.tableOwner()
                            + " " + r.comment() + ": " + RuleDdl.create(r)).sorted().toList();
            assertEquals(List.of(
                    "Odd \"S\" é.T é logged postgres null: CREATE RULE logged AS\n"
                            + "    ON DELETE TO \"Odd \"\"S\"\" é\".\"T é\" DO  INSERT INTO s.log (a)\n"
                            + "  VALUES (old.a);\n"
                            + "ALTER TABLE \"Odd \"\"S\"\" é\".\"T é\" ENABLE ALWAYS RULE logged;\n",
                    "s.t Ins é postgres ins: CREATE RULE \"Ins é\" AS\n"
                            + "    ON INSERT TO s.t\n   WHERE (new.a < 0) DO INSTEAD NOTHING;\n",
                    "s.t notify_upd postgres null: CREATE RULE notify_upd AS\n"
                            + "    ON UPDATE TO s.t DO\n NOTIFY t;\n"
                            + "ALTER TABLE s.t DISABLE RULE notify_upd;\n",
                    "s.v v_ins postgres null: CREATE RULE v_ins AS\n"
                            + "    ON INSERT TO s.v DO INSTEAD  INSERT INTO s.t (a, b)\n"
                            + "  VALUES (new.a, new.b);\n"), ours);
        }
    }
}
