package org.pgdump4j.object.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.Selector;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.policy.Policy;
import org.pgdump4j.model.policy.RowSecurity;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * The same row-level security and policies read to the same records on every server 10..18: every command,
 * permissive and restrictive, PUBLIC and named roles, USING and WITH CHECK, comments; ROW SECURITY only where RLS is
 * enabled (FORCE alone is the table's); nothing for a table whose definition is not dumped, nor with --no-policies.
 */
class PolicyReaderIT {
    private static final String FIXTURE = """
            DO $$BEGIN CREATE ROLE p4j_reader; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            DO $$BEGIN CREATE ROLE "P4J Odd ""Role""\"; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            CREATE SCHEMA s;
            CREATE SCHEMA "Odd ""S"" é";
            CREATE TABLE s.t (id int, note text);
            CREATE TABLE s.forced (id int);
            CREATE TABLE s.other (id int);
            CREATE TABLE "Odd ""S"" é"."T é" (a int);
            ALTER TABLE s.t ENABLE ROW LEVEL SECURITY;
            ALTER TABLE s.forced FORCE ROW LEVEL SECURITY;
            ALTER TABLE s.other ENABLE ROW LEVEL SECURITY;
            ALTER TABLE "Odd ""S"" é"."T é" ENABLE ROW LEVEL SECURITY;
            CREATE POLICY p_all ON s.t USING (id > 0);
            CREATE POLICY p_sel ON s.t FOR SELECT TO p4j_reader USING (note ~ 'it''s');
            CREATE POLICY p_ins ON s.t AS RESTRICTIVE FOR INSERT WITH CHECK (note IS NOT NULL);
            CREATE POLICY p_upd ON s.t FOR UPDATE TO p4j_reader USING (true) WITH CHECK (id < 10);
            CREATE POLICY p_del ON s.t AS RESTRICTIVE FOR DELETE TO "P4J Odd ""Role""\" USING (false);
            CREATE POLICY "Pol é" ON "Odd ""S"" é"."T é" USING (a = 1);
            CREATE POLICY p_other ON s.other USING (id = 2);
            COMMENT ON POLICY p_sel ON s.t IS 'sel';
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSamePoliciesOnEveryServer(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "polread"); Connection c = db.connect()) {
            db.execute(FIXTURE);
            List<String> ours = FamilyReading.read(c, new PolicyReader()).stream().map(PolicyReaderIT::describe)
                    .sorted().toList();
            assertEquals(List.of(
                    "\"Odd \"\"S\"\" é\".\"T é\" postgres: ALTER TABLE \"Odd \"\"S\"\" é\".\"T é\" ENABLE ROW LEVEL SECURITY;",
                    "\"Odd \"\"S\"\" é\".\"T é\" postgres null: CREATE POLICY \"Pol é\" ON \"Odd \"\"S\"\" é\".\"T é\""
                            + " USING ((a = 1));\n",
                    "s.other postgres: ALTER TABLE s.other ENABLE ROW LEVEL SECURITY;",
                    "s.other postgres null: CREATE POLICY p_other ON s.other USING ((id = 2));\n",
                    "s.t postgres null: CREATE POLICY p_all ON s.t USING ((id > 0));\n",
                    "s.t postgres null: CREATE POLICY p_del ON s.t AS RESTRICTIVE FOR DELETE TO \"P4J Odd \"\"Role\"\"\""
                            + " USING (false);\n",
                    "s.t postgres null: CREATE POLICY p_ins ON s.t AS RESTRICTIVE FOR INSERT"
                            + " WITH CHECK ((note IS NOT NULL));\n",
                    "s.t postgres null: CREATE POLICY p_upd ON s.t FOR UPDATE TO p4j_reader USING (true)"
                            + " WITH CHECK ((id < 10));\n",
                    "s.t postgres sel: CREATE POLICY p_sel ON s.t FOR SELECT TO p4j_reader"
                            + " USING ((note ~ 'it''s'::text));\n",
                    "s.t postgres: ALTER TABLE s.t ENABLE ROW LEVEL SECURITY;").stream().sorted().toList(), ours);
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void nothingForTablesNotDefinedNorWithNoPolicies(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "polsel"); Connection c = db.connect()) {
            db.execute(FIXTURE);
            long other;
            int version;
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_catalog.set_config('search_path', '', false)");
                try (ResultSet rs = st.executeQuery("SELECT 's.other'::pg_catalog.regclass::pg_catalog.oid,"
                        + " pg_catalog.current_setting('server_version_num')::int")) {
                    rs.next();
                    other = rs.getLong(1);
                    version = rs.getInt(2);
                }
            }
            // only s.other's definition is dumped (-t s.other)
            ReadContext ctx = new ReadContext(new Jdbc(c), new ServerFeatures(version),
                    new Selector.Selection(Set.of(), Set.of(other)), false);
            assertEquals(List.of("s.other postgres null: CREATE POLICY p_other ON s.other USING ((id = 2));\n",
                            "s.other postgres: ALTER TABLE s.other ENABLE ROW LEVEL SECURITY;"),
                    new PolicyReader().read(ctx).stream().map(PolicyReaderIT::describe).sorted().toList());
            assertEquals(List.of(), new PolicyReader().read(ctx.readingPolicies(false)));
        }
    }

    private static String describe(FamilyObject o) {
        if (o instanceof RowSecurity r) {
            return Sql.qualified(r.table().schema(), r.table().name()) + " " + r.tableOwner() + ": "
                    + PolicyDdl.enable(r);
        }
        Policy p = (Policy) o;
        return Sql.qualified(p.table().schema(), p.table().name()) + " " + p.tableOwner() + " " + p.comment() + ": "
                + PolicyDdl.create(p);
    }
}
