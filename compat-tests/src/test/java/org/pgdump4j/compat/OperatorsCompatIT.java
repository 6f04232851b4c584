package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Operators, operator classes and families, access methods (fixtures/operators.sql) against real pg_dump 18, entry
 * by entry, on every server major; psql 18 restores our script and a second dump is the same.
 */
class OperatorsCompatIT {
    private static final Map<Integer, TestDb> DBS = new HashMap<>();

    static synchronized TestDb db(int major) throws SQLException {
        TestDb db = DBS.get(major);
        if (db == null) {
            db = FamilyCompat.load(major, "operators.sql");
            DBS.put(major, db);
        }
        return db;
    }

    @AfterAll
    static void close() {
        DBS.values().forEach(TestDb::close);
        DBS.clear();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                        Arguments.of("default", List.of()),
                        Arguments.of("schema only", List.of("-s")),
                        Arguments.of("no comments", List.of("--no-comments")),
                        // objects outside schemas (access methods) are left out, classes keep naming theirs
                        Arguments.of("schema ops", List.of("-n", "ops")),
                        Arguments.of("schema odd", List.of("-n", "\"Odd \"\"Ops\"\"\"")),
                        Arguments.of("exclude schema ops", List.of("-N", "ops")))
                .flatMap(a -> PgServers.everyMajor().stream()
                        .filter(m -> a.get()[0].equals("default") || PgServers.matrixMajors().contains(m))
                        .map(m -> Arguments.of(m, a.get()[0], a.get()[1])));
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("cases")
    void sameEntriesAsPgDump(int major, String label, List<String> args, @TempDir Path dir) throws Exception {
        FamilyCompat.assertSameEntries(db(major), args, "operators " + major + " " + label, dir);
    }

    /**
     * Postfix operators exist before 14: pg_dump 18 still writes them (with a warning), sorted before prefix and
     * infix operators of the same name. psql 18 could not restore them, so they are not in the shared fixture.
     */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("postfixMajors")
    void postfixOperatorsAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "postfix")) {
            db.execute(Fixtures.text("roles.sql"));
            db.execute("""
                    CREATE SCHEMA post;
                    CREATE OPERATOR post.!! (LEFTARG = bigint, PROCEDURE = numeric_fac);
                    CREATE OPERATOR post.!! (RIGHTARG = bigint, PROCEDURE = int8um);
                    CREATE OPERATOR post.!! (LEFTARG = integer, RIGHTARG = integer, PROCEDURE = int4pl);
                    CREATE OPERATOR post.!! (LEFTARG = integer, PROCEDURE = int4abs);
                    COMMENT ON OPERATOR post.!! (bigint, NONE) IS 'factorial';
                    ALTER OPERATOR post.!! (integer, NONE) OWNER TO p4j_owner;
                    """);
            FamilyCompat.assertSameEntries(db, List.of(), "operators postfix " + major, dir);
            // dumpOpr's warning, once per postfix operator written; none without definitions (-a)
            for (List<String> args : List.of(List.of("-s"), List.of("-a"))) {
                List<String> a = new ArrayList<>(args);
                a.addAll(List.of("--restrict-key=K", "-f", dir.resolve("w-" + System.nanoTime()).toString()));
                var ours = InProcessCli.run(db.libpqEnvironment(), concat(List.of("dump"), a).toArray(String[]::new));
                assertEquals(0, ours.exitCode(), ours.stderr());
                String theirs = InteropTools.stderr(ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                        concat(a, List.of(db.name())), db.libpqEnvironment()).requireSuccess());
                assertEquals(args.contains("-s") ? 2 : 0, theirs.lines().count(), theirs); // two postfix operators
                assertEquals(theirs, InteropTools.stderr(new ReferenceClients.Result(0, new byte[0], ours.stderr())),
                        "warnings " + args);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static Stream<Integer> postfixMajors() {
        return PgServers.everyMajor().stream().filter(m -> m < 14);
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("newest")
    void roundTripThroughPsql18(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.assertRoundTrip(db(major), dir);
    }

    /**
     * A dump of an older server restores into 18 without an error, and 18 dumps this family's entries back the same
     * (the preamble and the public schema's entries do differ between servers). From 14 on, as on 18, GIN and btree
     * classes tie optional and cross-type members to the family (amadjustmembers): a class dumped from 13 or older
     * comes back with those members moved, with pg_dump's own script too. So this runs from 14.
     */
    @ParameterizedTest(name = "server {0}")
    @MethodSource("olderWithSameMembers")
    void olderServerRoundTripThroughPsql18(int major, @TempDir Path dir) throws Exception {
        String first = FamilyCompat.ours(db(major), List.of(), dir);
        Path script = dir.resolve("roundtrip.sql");
        Files.writeString(script, first, StandardCharsets.UTF_8);
        try (TestDb copy = PgServers.freshDb(18, "operatorscopy")) {
            copy.execute(Fixtures.text("roles.sql"));
            ReferenceClients.run(ReferenceClients.require(18, "psql"), List.of("-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-f", script.toString()), copy.libpqEnvironment()).requireSuccess();
            String second = FamilyCompat.ours(copy, List.of(), dir);
            String diff = FamilyCompat.firstDifference(familyEntries(first), familyEntries(second));
            if (diff != null) {
                fail("dump of " + major + " -> psql 18 -> dump changed the script: " + diff);
            }
        }
    }

    private static List<FamilyCompat.Entry> familyEntries(String script) {
        return FamilyCompat.entries(script).stream()
                .filter(e -> FAMILY_TYPES.matcher(e.header()).find()).toList();
    }

    private static final Pattern FAMILY_TYPES = Pattern.compile(
            "; Type: (OPERATOR|OPERATOR CLASS|OPERATOR FAMILY|ACCESS METHOD|COMMENT);");

    static Stream<Integer> newest() {
        return PgServers.everyMajor().stream().filter(m -> m == 18);
    }

    static Stream<Integer> olderWithSameMembers() {
        return PgServers.everyMajor().stream().filter(m -> m == 14);
    }
}
