package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Issue 3's interop matrix: archives are exchanged both ways with the real PostgreSQL tools.
 *
 * <p>(a) Our archives (custom and directory × none/gzip/lz4/zstd, tar), written from the fixture database on a
 * PostgreSQL 18 server, are read by real pg_restore 18: {@code -l} equals ours, {@code -f -} equals ours, and
 * {@code -d} into a fresh database gives a copy whose real {@code pg_dump 18 -s}, table rows, sequence values and
 * large objects equal the source's. The same (version 1.16) archives are read by pg_restore 17, and archives
 * written as version 1.14 by pg_restore 15 ({@code -l} and {@code -f -}: same entries as ours).
 *
 * <p>(b) Archives made by real pg_dump 15, 17 and 18 from the fixture on a server of the same major are read by our
 * restore: {@code -l} and {@code -f -} equal real pg_restore 18's, and our {@code -d} gives the database real
 * pg_restore 18's {@code -d} gives (same ignored-error count, schema text, rows, sequences, large objects).
 *
 * <p>One fixture database per server major ({@code fixtures/roles.sql}, {@code fixtures/slice1.sql},
 * {@code interop/large_objects.sql}), loaded once; every archive is made once and shared by its cells. The matrix
 * is printed to stdout at the end.
 */
class InteropMatrixIT {
    private static final InteropMatrix MATRIX = new InteropMatrix();
    private static final Map<Integer, InteropLazy<TestDb>> SOURCES = new TreeMap<>();

    @TempDir
    static Path work;

    @AfterAll
    static void printAndDrop() {
        System.out.println(MATRIX.render("Interop matrix (issue 3): cell = archive → reader, pass/FAIL"));
        synchronized (SOURCES) {
            for (InteropLazy<TestDb> s : SOURCES.values()) {
                TestDb db;
                try {
                    db = s.get();
                } catch (AssertionError | TestAbortedException e) {
                    continue;  // never made (the cells that needed it report why): nothing to drop
                }
                db.close();  // a failure to drop is not swallowed
            }
            SOURCES.clear();
        }
    }

    /** The fixture database on the server of {@code major}, loaded on first use. */
    static TestDb source(int major) {
        InteropLazy<TestDb> lazy;
        synchronized (SOURCES) {
            lazy = SOURCES.computeIfAbsent(major, m -> new InteropLazy<>("the PostgreSQL " + m + " fixture", () -> {
                TestDb db = PgServers.freshDb(m, "interop_src");
                try {
                    Fixtures.load(db, "slice1.sql");
                    db.execute(resource("/interop/large_objects.sql"));
                    return db;
                } catch (Exception | Error e) {
                    db.close();
                    throw e;
                }
            }));
        }
        return lazy.get();
    }

    /** A fresh database on the 18 server, with the fixture's roles; the caller closes (drops) it. */
    static TestDb target(String label) throws Exception {
        TestDb db = PgServers.freshDb(18, label);
        try {
            db.execute(Fixtures.text("roles.sql"));
            return db;
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    static String resource(String name) {
        try (InputStream in = InteropMatrixIT.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- (a) our archives, real pg_restore

    /** One archive of ours: format, compression, archive version. */
    record Ours(OutputFormat format, String compression, ArchiveVersion version) {
        String label() {
            String v = version.equals(ArchiveVersion.DEFAULT) ? "" : " v" + version.major() + "." + version.minor();
            return "ours " + format.word() + "/" + compression + v;
        }

        Path write(Path dir) {
            Path out = dir.resolve(label().replaceAll("[^A-Za-z0-9.]+", "_"));
            PgDump.run(TestSource.of(source(18)), DumpOptions.defaults().withFile(out).withFormat(format)
                    .withArchive(new DumpOptions.ArchiveSettings(Compression.parse(compression), version)),
                    ProgressListener.NONE);
            return out;
        }
    }

    @TestFactory
    Stream<DynamicNode> oursReadByRealPgRestore() {
        InteropLazy<String> sourceSchema = new InteropLazy<>("pg_dump 18 -s of the source",
                () -> InteropTools.schema(source(18)));
        InteropLazy<Map<String, String>> sourceState = new InteropLazy<>("the source's rows and large objects",
                () -> InteropTools.state(source(18)));
        List<Ours> current = new ArrayList<>();
        for (OutputFormat f : List.of(OutputFormat.CUSTOM, OutputFormat.DIRECTORY)) {
            for (String z : List.of("none", "gzip", "lz4", "zstd")) {
                current.add(new Ours(f, z, ArchiveVersion.DEFAULT));
            }
        }
        current.add(new Ours(OutputFormat.TAR, "none", ArchiveVersion.DEFAULT));
        List<Ours> old = List.of(new Ours(OutputFormat.CUSTOM, "none", ArchiveVersion.V1_14),
                new Ours(OutputFormat.CUSTOM, "gzip", ArchiveVersion.V1_14),
                new Ours(OutputFormat.DIRECTORY, "none", ArchiveVersion.V1_14),
                new Ours(OutputFormat.DIRECTORY, "gzip", ArchiveVersion.V1_14),
                new Ours(OutputFormat.TAR, "none", ArchiveVersion.V1_14));

        List<DynamicNode> nodes = new ArrayList<>();
        for (Ours o : current) {
            InteropLazy<Path> archive = new InteropLazy<>(o.label(), () -> o.write(work));
            String name = o.label() + " → ";
            nodes.add(DynamicContainer.dynamicContainer(o.label(), Stream.of(
                    MATRIX.cell(name + "pg_restore 18 -l", () -> {
                        Path a = archive.get();
                        assertEquals(InteropTools.ourList(a), InteropTools.realList(18, a));
                    }),
                    MATRIX.cell(name + "pg_restore 18 -f -", () -> {
                        Path a = archive.get();
                        assertEquals(InteropTools.ourScript(a), InteropTools.realScript(18, a));
                    }),
                    MATRIX.cell(name + "pg_restore 18 -d", () -> {
                        Path a = archive.get();
                        try (TestDb copy = target("interop_a")) {
                            assertEquals(0, InteropTools.realRestore(18, a, copy), "errors ignored by pg_restore 18");
                            assertEquals(sourceState.get(), InteropTools.state(copy));
                            assertEquals(sourceSchema.get(), InteropTools.schema(copy));
                        }
                    }),
                    olderReader(17, name, archive))));
        }
        for (Ours o : old) {
            InteropLazy<Path> archive = new InteropLazy<>(o.label(), () -> o.write(work));
            nodes.add(DynamicContainer.dynamicContainer(o.label(), Stream.of(
                    olderReader(15, o.label() + " → ", archive))));
        }
        return nodes.stream();
    }

    /**
     * pg_restore 15/17 on an archive of ours: {@code -l} lists the entries ours lists, {@code -f -} prints a
     * script with the entries ours prints (header and statements may differ between versions; the entries may not).
     */
    private static DynamicContainer olderReader(int major, String name, InteropLazy<Path> archive) {
        return DynamicContainer.dynamicContainer("pg_restore " + major, Stream.of(
                MATRIX.cell(name + "pg_restore " + major + " -l", () -> {
                    Path a = archive.get();
                    List<String> ours = InteropTools.entryLines(InteropTools.ourList(a));
                    assertFalse(ours.isEmpty());
                    assertEquals(ours, InteropTools.entryLines(InteropTools.realList(major, a)));
                }),
                MATRIX.cell(name + "pg_restore " + major + " -f -", () -> {
                    Path a = archive.get();
                    List<String> ours = InteropTools.entryHeaders(InteropTools.ourScript(a));
                    assertFalse(ours.isEmpty());
                    assertEquals(ours, InteropTools.entryHeaders(InteropTools.realScript(major, a)));
                })));
    }

    // ---------------------------------------------------------------- (b) real archives, our restore

    /** One archive of real pg_dump {@code major}: its label and pg_dump options. */
    record Theirs(int major, String label, List<String> options) {
        String name() {
            return "pg_dump " + major + " " + label;
        }
    }

    static List<Theirs> realArchives() {
        return List.of(
                new Theirs(15, "custom/gzip", List.of("-Fc")),
                new Theirs(15, "custom/none", List.of("-Fc", "-Z0")),
                new Theirs(15, "directory/none", List.of("-Fd", "-Z0")),
                new Theirs(15, "tar/none", List.of("-Ft")),
                new Theirs(17, "custom/gzip", List.of("-Fc")),
                new Theirs(17, "custom/lz4", List.of("-Fc", "-Z", "lz4")),
                new Theirs(17, "directory/gzip", List.of("-Fd")),
                new Theirs(17, "tar/none", List.of("-Ft")),
                new Theirs(18, "custom/gzip", List.of("-Fc")),
                new Theirs(18, "custom/zstd", List.of("-Fc", "-Z", "zstd")),
                new Theirs(18, "directory/lz4", List.of("-Fd", "-Z", "lz4:5")),
                new Theirs(18, "tar/none", List.of("-Ft")));
    }

    @TestFactory
    Stream<DynamicNode> realArchivesReadByOurs() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Theirs t : realArchives()) {
            InteropLazy<Path> archive = new InteropLazy<>(t.name(), () -> {
                ReferenceClients.require(t.major(), "pg_dump");  // before starting a server for nothing
                return InteropTools.realDump(t.major(), source(t.major()), t.options(),
                        work.resolve(t.name().replaceAll("[^A-Za-z0-9]+", "_")));
            });
            String name = t.name() + " → ";
            List<DynamicTest> cells = List.of(
                    MATRIX.cell(name + "ours -l", () -> {
                        Path a = archive.get();
                        assertEquals(InteropTools.realList(18, a), InteropTools.ourList(a));
                    }),
                    MATRIX.cell(name + "ours -f -", () -> {
                        Path a = archive.get();
                        assertEquals(InteropTools.realScript(18, a), InteropTools.ourScript(a));
                    }),
                    MATRIX.cell(name + "ours -d", () -> {
                        Path a = archive.get();
                        try (TestDb theirs = target("interop_b_ref"); TestDb ours = target("interop_b_ours")) {
                            int expectedErrors = InteropTools.realRestore(18, a, theirs);
                            assertEquals(expectedErrors, InteropTools.ourRestore(a, ours),
                                    "errors ignored (pg_restore 18 ignored " + expectedErrors + ")");
                            Map<String, String> state = InteropTools.state(ours);
                            assertFalse(state.isEmpty());
                            assertEquals(InteropTools.state(theirs), state);
                            assertEquals(InteropTools.schema(theirs), InteropTools.schema(ours));
                        }
                    }));
            nodes.add(DynamicContainer.dynamicContainer(t.name(), cells.stream()));
        }
        return nodes.stream();
    }
}
