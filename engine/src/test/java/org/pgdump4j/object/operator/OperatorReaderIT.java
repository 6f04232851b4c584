package org.pgdump4j.object.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.operator.AccessMethod;
import org.pgdump4j.model.operator.Operator;
import org.pgdump4j.model.operator.OperatorClass;
import org.pgdump4j.model.operator.OperatorFamily;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/** The same small fixture reads to the same records and DDL on every server 10..18. */
class OperatorReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA ops;
            CREATE SCHEMA "Odd ""Ops""\";
            CREATE OPERATOR FAMILY ops.fam2 USING hash;
            CREATE OPERATOR ops.=== (LEFTARG = integer, RIGHTARG = integer, PROCEDURE = int4eq,
                COMMUTATOR = OPERATOR(ops.===), NEGATOR = OPERATOR("Odd ""Ops""\".!==),
                RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
            CREATE OPERATOR ops.~~ (RIGHTARG = bigint, PROCEDURE = int8um);
            COMMENT ON OPERATOR ops.~~ (NONE, bigint) IS 'negate';
            CREATE ACCESS METHOD "My Btree" TYPE INDEX HANDLER bthandler;
            CREATE OPERATOR FAMILY ops.fam USING btree;
            ALTER OPERATOR FAMILY ops.fam USING btree ADD OPERATOR 1 < (integer, bigint),
                FUNCTION 1 (integer, bigint) btint48cmp(integer, bigint);
            CREATE OPERATOR FAMILY ops.gfam USING gist;
            ALTER OPERATOR FAMILY ops.gfam USING gist ADD OPERATOR 15 <-> (point, point) FOR ORDER BY float_ops;
            CREATE OPERATOR CLASS ops.cls DEFAULT FOR TYPE integer USING "My Btree" AS
                OPERATOR 1 <, OPERATOR 3 = , FUNCTION 1 btint4cmp(integer, integer);
            CREATE OPERATOR CLASS ops.hcls FOR TYPE integer USING hash FAMILY ops.fam2 AS OPERATOR 1 =,
                FUNCTION 1 hashint4(integer);
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheSameDefinitionsOnEveryServer(int major) throws SQLException {
        try (TestDb db = PgServers.freshDb(major, "opreader"); Connection c = db.connect()) {
            db.execute(FIXTURE);
            if (major >= 12) {
                db.execute("CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler");
            }
            ReadContext ctx = context(c);
            List<Operator> operators = new OperatorReader().read(ctx);
            List<AccessMethod> ams = new AccessMethodReader().read(ctx);
            List<OperatorClass> classes = new OpclassReader().read(ctx);
            List<OperatorFamily> families = new OpfamilyReader().read(ctx);

            TreeMap<String, String> ddl = new TreeMap<>();
            operators.stream().filter(OperatorReaderIT::dumped).filter(o -> !o.isShell())
                    .forEach(o -> ddl.put("OPERATOR " + o.schema() + " " + OperatorDdl.signature(o),
                            OperatorDdl.create(o) + comment(o)));
            ams.stream().filter(OperatorReaderIT::dumped)
                    .forEach(a -> ddl.put("ACCESS METHOD " + a.name(), AccessMethodDdl.create(a)));
            classes.stream().filter(OperatorReaderIT::dumped)
                    .forEach(k -> ddl.put("OPERATOR CLASS " + k.name(), OpclassDdl.createClass(k)));
            families.stream().filter(OperatorReaderIT::dumped)
                    .forEach(f -> ddl.put("OPERATOR FAMILY " + f.name() + " " + f.accessMethod(),
                            OpclassDdl.createFamily(f)));

            TreeMap<String, String> expected = new TreeMap<>();
            expected.put("OPERATOR ops === (integer, integer)", """
                    CREATE OPERATOR ops.=== (
                        FUNCTION = int4eq,
                        LEFTARG = integer,
                        RIGHTARG = integer,
                        COMMUTATOR = OPERATOR(ops.===),
                        NEGATOR = OPERATOR("Odd ""Ops""\".!==),
                        MERGES,
                        HASHES,
                        RESTRICT = eqsel,
                        JOIN = eqjoinsel
                    );
                    """);
            expected.put("OPERATOR ops ~~ (NONE, bigint)", """
                    CREATE OPERATOR ops.~~ (
                        FUNCTION = int8um,
                        RIGHTARG = bigint
                    );
                    -- negate""");
            expected.put("ACCESS METHOD My Btree", "CREATE ACCESS METHOD \"My Btree\" TYPE INDEX HANDLER bthandler;\n");
            if (major >= 12) {
                expected.put("ACCESS METHOD heap2",
                        "CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;\n");
            }
            expected.put("OPERATOR CLASS cls", """
                    CREATE OPERATOR CLASS ops.cls
                        DEFAULT FOR TYPE integer USING "My Btree" FAMILY ops.cls AS
                        OPERATOR 1 <(integer,integer) ,
                        OPERATOR 3 =(integer,integer) ,
                        FUNCTION 1 (integer, integer) btint4cmp(integer,integer);
                    """);
            expected.put("OPERATOR CLASS hcls", """
                    CREATE OPERATOR CLASS ops.hcls
                        FOR TYPE integer USING hash FAMILY ops.fam2 AS
                        OPERATOR 1 =(integer,integer) ,
                        FUNCTION 1 (integer, integer) hashint4(integer);
                    """);
            expected.put("OPERATOR FAMILY cls My Btree", "CREATE OPERATOR FAMILY ops.cls USING \"My Btree\";\n");
            expected.put("OPERATOR FAMILY fam btree", """
                    CREATE OPERATOR FAMILY ops.fam USING btree;
                    ALTER OPERATOR FAMILY ops.fam USING btree ADD
                        OPERATOR 1 <(integer,bigint) ,
                        FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint);
                    """);
            expected.put("OPERATOR FAMILY fam2 hash", "CREATE OPERATOR FAMILY ops.fam2 USING hash;\n");
            expected.put("OPERATOR FAMILY gfam gist", """
                    CREATE OPERATOR FAMILY ops.gfam USING gist;
                    ALTER OPERATOR FAMILY ops.gfam USING gist ADD
                        OPERATOR 15 <->(point,point) FOR ORDER BY pg_catalog.float_ops;
                    """);
            assertEquals(expected, ddl);

            // the built-in objects are read too (they keep their place in the sort) but have nothing to write
            assertTrue(operators.size() > 500, "operators read: " + operators.size());
            assertTrue(operators.stream().filter(o -> o.schema().equals("pg_catalog"))
                    .allMatch(o -> o.components().equals(new Components(Components.ACL))));
            assertTrue(ams.stream().filter(a -> a.name().equals("btree")).allMatch(a -> a.components().isEmpty()));
            assertTrue(classes.size() > 100 && families.size() > 50, classes.size() + " classes, " + families.size());
            // the negator referenced before it existed is a shell: read, but never written
            assertEquals(1, operators.stream().filter(o -> o.name().equals("!==") && o.isShell()).count());
        }
    }

    private static boolean dumped(FamilyObject o) {
        return o.components().has(Components.DEFINITION);
    }

    private static String comment(Operator o) {
        return o.comment() == null ? "" : "-- " + o.comment();
    }

    private static ReadContext context(Connection c) throws SQLException {
        Set<Long> schemas = new HashSet<>();
        int version;
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_catalog.set_config('search_path', '', false)");
            try (ResultSet rs = st.executeQuery("SELECT oid FROM pg_catalog.pg_namespace WHERE nspname IN "
                    + "('ops', 'Odd \"Ops\"', 'public')")) {
                while (rs.next()) {
                    schemas.add(rs.getLong(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('server_version_num')::int")) {
                rs.next();
                version = rs.getInt(1);
            }
        }
        return new ReadContext(new Jdbc(c), new ServerFeatures(version), schemas, true);
    }
}
