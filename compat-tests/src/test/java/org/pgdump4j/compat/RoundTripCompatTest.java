package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.verify.TableChecksums;

/**
 * Our plain dump, restored by the real psql 18 with ON_ERROR_STOP into a PostgreSQL 18 server, gives the same
 * rows in every restored table; from an 18 source, real pg_dump 18 -s (with the same selection) cannot tell the
 * copy from the source either. From an older source the schema text legitimately differs (pg_dump records e.g.
 * the public schema's pre-15 owner), so there only the rows are compared.
 */
class RoundTripCompatTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int major : PgServers.matrixMajors()) {
            out.add(Arguments.of(major, "full", List.of(), (UnaryOperator<DumpOptions>) o -> o));
        }
        int major = PgServers.DEFAULT_MAJOR;
        out.add(Arguments.of(major, "schema-only", List.of("-s"),
                (UnaryOperator<DumpOptions>) o -> o.withContent(new ContentFlags(true, false))));
        out.add(Arguments.of(major, "data-only", List.of("-a"),
                (UnaryOperator<DumpOptions>) o -> o.withContent(new ContentFlags(false, true))));
        out.add(Arguments.of(major, "schema shop", List.of("-n", "shop"), (UnaryOperator<DumpOptions>) o ->
                o.withSelection(new ObjectSelection(List.of("shop"), List.of(), List.of(), List.of(), false))));
        out.add(Arguments.of(major, "tables", List.of("-t", "public.a*", "-t", "\"Mixed Case\".*"),
                (UnaryOperator<DumpOptions>) o -> o.withSelection(new ObjectSelection(List.of(), List.of(),
                        List.of("public.a*", "\"Mixed Case\".*"), List.of(), false))));
        List<String> excluded = List.of("shop.orders", "shop.big_orders", "public.totals");
        out.add(Arguments.of(major, "exclude table", List.of("-T", excluded.get(0), "-T", excluded.get(1), "-T",
                excluded.get(2)), (UnaryOperator<DumpOptions>) o -> o.withSelection(new ObjectSelection(List.of(),
                List.of(), List.of(), excluded, false))));
        return out.stream();
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("cases")
    void restoredByPsqlEqualsSource(int major, String name, List<String> args, UnaryOperator<DumpOptions> options,
            @TempDir Path dir) throws Exception {
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
            if (major == 18 && schemaArgs.isEmpty()) {
                assertEquals(schema(pgDump, source, schemaArgs), schema(pgDump, copy, schemaArgs));
            } else if (major == 18) {
                // pg_dump orders a narrowed dump by the objects it leaves out too, which the copy lacks:
                // compare the statements, not their order
                assertEquals(sortedLines(schema(pgDump, source, schemaArgs)), sortedLines(schema(pgDump, copy,
                        schemaArgs)));
            }
            if (!args.contains("-s")) {
                try (var a = source.connect(); var b = copy.connect()) {
                    Map<String, String> copied = TableChecksums.of(b);
                    Map<String, String> expected = new TreeMap<>(TableChecksums.of(a));
                    expected.keySet().retainAll(copied.keySet());
                    assertEquals(expected, copied);
                    assertFalse(copied.isEmpty(), "no table was restored");
                }
            }
        }
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
