package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.dump.ContentFlags;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.ObjectSelection;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.verify.TableChecksums;

/**
 * Our plain dump, restored by the real psql 18 with ON_ERROR_STOP into a PostgreSQL 18 server, gives every table
 * the selection dumps, with the same rows as the source (a table missing in the copy fails the test), and real
 * pg_dump 18 -s (with the same selection) cannot tell the copy from the source. From an older source the schema
 * text of the source itself legitimately differs from any 18 copy's (the server deparses views in its own way,
 * privileges such as MAINTAIN did not exist, the "Dumped from" line names the old version): there the copy is
 * compared with the copy real pg_dump 18 and psql make from the same source.
 */
class RoundTripCompatIT {
    /** Every table of the source: the selection dumps them all. */
    private static final Predicate<String> ALL = t -> true;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int major : PgServers.matrixMajors()) {
            out.add(Arguments.of(major, "full", List.of(), (UnaryOperator<DumpOptions>) o -> o, ALL));
        }
        int major = PgServers.DEFAULT_MAJOR;
        out.add(Arguments.of(major, "schema-only", List.of("-s"),
                (UnaryOperator<DumpOptions>) o -> o.withContent(new ContentFlags(true, false)), ALL));
        out.add(Arguments.of(major, "data-only", List.of("-a"),
                (UnaryOperator<DumpOptions>) o -> o.withContent(new ContentFlags(false, true)), ALL));
        out.add(Arguments.of(major, "schema shop", List.of("-n", "shop"), (UnaryOperator<DumpOptions>) o ->
                o.withSelection(new ObjectSelection(List.of("shop"), List.of(), List.of(), List.of(), false)),
                (Predicate<String>) t -> t.startsWith("shop.")));
        out.add(Arguments.of(major, "tables", List.of("-t", "public.a*", "-t", "\"Mixed Case\".*"),
                (UnaryOperator<DumpOptions>) o -> o.withSelection(new ObjectSelection(List.of(), List.of(),
                        List.of("public.a*", "\"Mixed Case\".*"), List.of(), false)),
                (Predicate<String>) List.of(Sql.qualified("public", "always_id"),
                        Sql.qualified("Mixed Case", "Weird \"Name\""))::contains));
        List<String> excluded = List.of("shop.orders", "shop.big_orders", "public.totals");
        out.add(Arguments.of(major, "exclude table", List.of("-T", excluded.get(0), "-T", excluded.get(1), "-T",
                excluded.get(2)), (UnaryOperator<DumpOptions>) o -> o.withSelection(new ObjectSelection(List.of(),
                List.of(), List.of(), excluded, false)),
                // the other two are views
                (Predicate<String>) t -> !t.equals(Sql.qualified("shop", "orders"))));
        return out.stream();
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("cases")
    void restoredByPsqlEqualsSource(int major, String name, List<String> args, UnaryOperator<DumpOptions> options,
            Predicate<String> dumpedTables, @TempDir Path dir) throws Exception {
        Path psql = ReferenceClients.require(18, "psql");
        Path pgDump = ReferenceClients.require(18, "pg_dump");
        boolean dataOnly = args.contains("-a");
        try (TestDb source = PgServers.freshDb(major, "rtsrc"); TestDb copy = PgServers.freshDb(18, "rtcopy")) {
            Fixtures.load(source, "slice1.sql");
            copy.execute(Fixtures.text("roles.sql"));
            if (args.contains("-t")) {
                copy.execute("CREATE SCHEMA \"Mixed Case\"");  // -t dumps tables, not their schemas
            }
            if (dataOnly) {
                // data goes into tables that exist: restore our schema-only dump first
                Path schema = dir.resolve("schema.sql");
                PgDump.run(TestSource.of(source), DumpOptions.defaults().withFile(schema)
                        .withContent(new ContentFlags(true, false)), ProgressListener.NONE);
                psql(psql, schema, copy);
            }
            Path script = dir.resolve("dump.sql");
            PgDump.run(TestSource.of(source), options.apply(DumpOptions.defaults()).withFile(script),
                    ProgressListener.NONE);
            psql(psql, script, copy);

            List<String> schemaArgs = new ArrayList<>(args);
            schemaArgs.remove("-a");
            schemaArgs.remove("-s");
            String expectedSchema;
            if (major == 18) {
                expectedSchema = schema(pgDump, source, schemaArgs);
            } else {
                try (TestDb reference = PgServers.freshDb(18, "rtref")) {
                    referenceCopy(pgDump, psql, source, reference, args, dir);
                    expectedSchema = schema(pgDump, reference, schemaArgs);
                }
            }
            String copySchema = schema(pgDump, copy, schemaArgs);
            if (schemaArgs.isEmpty()) {
                assertEquals(expectedSchema, copySchema);
            } else {
                // pg_dump orders a narrowed dump by the objects it leaves out too, which the copy lacks:
                // compare the statements, not their order
                assertEquals(sortedLines(expectedSchema), sortedLines(copySchema));
            }
            try (var a = source.connect(); var b = copy.connect()) {
                Map<String, String> expected = new TreeMap<>(TableChecksums.of(a));
                expected.keySet().removeIf(dumpedTables.negate());
                assertFalse(expected.isEmpty(), "the selection dumps no table of the source");
                if (args.contains("-s")) {
                    expected.replaceAll((table, rows) -> "0:-");  // every table, no rows
                }
                assertEquals(expected, TableChecksums.of(b));
            }
        }
    }

    /** {@code reference} made from {@code source} by real pg_dump 18 with {@code args}, restored by real psql 18. */
    private static void referenceCopy(Path pgDump, Path psql, TestDb source, TestDb reference, List<String> args,
            Path dir) throws Exception {
        reference.execute(Fixtures.text("roles.sql"));
        if (args.contains("-t")) {
            reference.execute("CREATE SCHEMA \"Mixed Case\"");
        }
        if (args.contains("-a")) {
            psql(psql, realDump(pgDump, source, List.of("-s"), dir.resolve("ref-schema.sql")), reference);
        }
        psql(psql, realDump(pgDump, source, args, dir.resolve("ref.sql")), reference);
    }

    private static Path realDump(Path pgDump, TestDb db, List<String> args, Path out) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("-f", out.toString(), db.name()));
        ReferenceClients.run(pgDump, all, db.libpqEnvironment()).requireSuccess();
        return out;
    }

    private static List<String> sortedLines(String s) {
        return s.lines().sorted().toList();
    }

    private static void psql(Path psql, Path script, TestDb db) {
        var restore = ReferenceClients.run(psql, List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
                script.toString()), db.libpqEnvironment());
        assertEquals(0, restore.exitCode(), restore.stderr());
        assertFalse(restore.stderr().contains("ERROR"), restore.stderr());
    }

    private static String schema(Path pgDump, TestDb db, List<String> selection) {
        List<String> args = new ArrayList<>(List.of("-s", "--restrict-key=K"));
        args.addAll(selection);
        args.add(db.name());
        return ReferenceClients.run(pgDump, args, db.libpqEnvironment()).requireSuccess().stdoutText();
    }
}
