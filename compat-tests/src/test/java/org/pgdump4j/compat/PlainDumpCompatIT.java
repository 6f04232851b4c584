package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.dump.ContentFlags;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.ObjectSelection;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.RenderOptions;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Differential test: for the slice-1 fixture, our plain output equals real pg_dump 18's, byte for byte except the
 * "Dumped by" version line, for each option set pg_dump users combine most.
 */
class PlainDumpCompatIT {
    static final String KEY = "CompatKey0123";
    private static final Map<Integer, TestDb> DBS = new HashMap<>();

    /** The fixture, loaded once per server major of the matrix ({@code -Dpg.versions}). */
    static synchronized TestDb db(int major) throws SQLException {
        TestDb db = DBS.get(major);
        if (db == null) {
            db = PgServers.freshDb(major, "plaincompat");
            Fixtures.load(db, "slice1.sql");
            DBS.put(major, db);
        }
        return db;
    }

    @AfterAll
    static void drop() {
        DBS.values().forEach(TestDb::close);
        DBS.clear();
    }

    static Stream<Arguments> cases() {
        RenderOptions r = new RenderOptions(false, false, false, false, false, false, KEY);
        return Stream.of(
                c("default", List.of(), o -> o),
                c("schema-only", List.of("-s"), o -> o.withContent(new ContentFlags(true, false))),
                c("data-only", List.of("-a"), o -> o.withContent(new ContentFlags(false, true))),
                c("schema shop", List.of("-n", "shop"), o -> o.withSelection(sel(List.of("shop"), List.of(), List.of(), List.of()))),
                c("exclude schema", List.of("-N", "shop", "-N", "\"Mixed Case\""),
                        o -> o.withSelection(sel(List.of(), List.of("shop", "\"Mixed Case\""), List.of(), List.of()))),
                c("table", List.of("-t", "shop.customer", "-t", "*.\"Weird*\""),
                        o -> o.withSelection(sel(List.of(), List.of(), List.of("shop.customer", "*.\"Weird*\""), List.of()))),
                c("exclude table", List.of("-T", "shop.orders", "-T", "always_id"),
                        o -> o.withSelection(sel(List.of(), List.of(), List.of(), List.of("shop.orders", "always_id")))),
                c("no owner, no privileges", List.of("-O", "-x"),
                        o -> o.withRender(new RenderOptions(true, true, false, false, false, false, KEY))),
                c("clean if-exists", List.of("-c", "--if-exists"),
                        o -> o.withRender(new RenderOptions(false, false, false, true, true, false, KEY))),
                c("create", List.of("-C"),
                        o -> o.withRender(new RenderOptions(false, false, false, false, false, true, KEY))),
                c("create clean", List.of("-C", "-c"),
                        o -> o.withRender(new RenderOptions(false, false, false, true, false, true, KEY))),
                c("no comments", List.of("--no-comments"),
                        o -> o.withRender(new RenderOptions(false, false, true, false, false, false, KEY))))
                .flatMap(a -> PgServers.matrixMajors().stream().map(major -> {
                    Object[] v = a.get();
                    @SuppressWarnings("unchecked")
                    UnaryOperator<DumpOptions> f = (UnaryOperator<DumpOptions>) v[2];
                    return Arguments.of(major, v[0], v[1], (UnaryOperator<DumpOptions>) o -> f.apply(o.withRender(
                            o.render().restrictKey() == null ? r : o.render())));
                }));
    }

    private static Arguments c(String name, List<String> args, UnaryOperator<DumpOptions> options) {
        return Arguments.of(name, args, options);
    }

    private static ObjectSelection sel(List<String> n, List<String> nn, List<String> t, List<String> tt) {
        return new ObjectSelection(n, nn, t, tt, false);
    }

    @ParameterizedTest(name = "server {0}: {1}")
    @MethodSource("cases")
    void plainOutputEqualsPgDump18(int major, String name, List<String> args, UnaryOperator<DumpOptions> options,
            @TempDir Path dir) throws Exception {
        TestDb db = db(major);
        Path pgDump = ReferenceClients.require(18, "pg_dump");
        List<String> refArgs = new ArrayList<>(args);
        refArgs.add("--restrict-key=" + KEY);
        refArgs.add(db.name());
        String expected = ReferenceClients.run(pgDump, refArgs, db.libpqEnvironment()).requireSuccess().stdoutText();

        Path ours = dir.resolve("ours.sql");
        PgDump.run(TestSource.of(db), options.apply(DumpOptions.defaults()).withFile(ours), ProgressListener.NONE);
        String actual = Files.readString(ours, StandardCharsets.UTF_8);
        Path keep = Path.of(System.getProperty("compat.keep", "target/compat"));
        Files.createDirectories(keep);
        String file = major + "_" + name.replaceAll("[^A-Za-z0-9]+", "_");
        Files.writeString(keep.resolve(file + ".expected.sql"), expected, StandardCharsets.UTF_8);
        Files.writeString(keep.resolve(file + ".actual.sql"), actual, StandardCharsets.UTF_8);
        assertEquals(withoutVersion(expected), withoutVersion(actual), name);
    }

    static String withoutVersion(String script) {
        return script.replaceAll("(?m)^-- Dumped by pg_dump version .*$", "-- Dumped by pg_dump version X");
    }
}
