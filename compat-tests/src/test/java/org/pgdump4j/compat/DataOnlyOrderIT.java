package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.format.custom.CustomArchiveReader;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.toc.TocEntry;

/**
 * Data-only dumps order tables' rows by their foreign keys as real pg_dump 18 does (fixtures/data-fk.sql): the same
 * script, the same warnings for the loops (a table referencing itself, two referencing each other), and in a custom
 * archive the same entries (the database's too, which {@code -C} restores) with the same dependencies.
 */
class DataOnlyOrderIT {
    static Stream<Integer> majors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameOrderWarningsAndDependenciesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "data-fk.sql")) {
            for (List<String> args : List.of(List.of("-a"), List.of("-a", "-n", "app"),
                    List.of("-a", "-t", "app.a_child", "-t", "app.m_grandchild"), List.of("-a", "-T", "app.z_parent"),
                    List.of("-a", "-C"))) {
                FamilyCompat.assertSameEntries(db, args, "data-fk " + major + " " + args, dir);
                assertEquals(theirs(db, args, dir).stderr(), ours(db, args, dir).stderr(), "warnings " + args);
            }
            Path theirs = dir.resolve("theirs.dump");
            Path ours = dir.resolve("ours.dump");
            theirs(db, List.of("-a", "-Fc", "-f", theirs.toString()), dir);
            ours(db, List.of("-a", "-Fc", "-f", ours.toString()), dir);
            assertEquals(dependencies(theirs), dependencies(ours), "data entries' dependencies");
        }
    }

    /**
     * Each entry ({@code desc tag}) with the entries it depends on, by the same names. pg_dump's data entries name
     * their table's dump id, which a data-only archive does not hold: those are left out.
     */
    private static List<String> dependencies(Path archive) throws IOException {
        try (CustomArchiveReader r = CustomArchiveReader.open(archive)) {
            Map<Integer, String> names = new HashMap<>();
            for (TocEntry e : r.toc().entries()) {
                names.put(e.dumpId(), e.desc() + " " + e.names().tag());
            }
            List<String> out = new ArrayList<>();
            for (TocEntry e : r.toc().entries()) {
                out.add(names.get(e.dumpId()) + " <- " + e.dependencies().stream().map(names::get)
                        .filter(java.util.Objects::nonNull).sorted().toList());
            }
            return out;
        }
    }

    private static ReferenceClients.Result theirs(TestDb db, List<String> args, Path dir) {
        List<String> a = new ArrayList<>(args);
        if (!a.contains("-f")) {
            a.addAll(List.of("-f", dir.resolve("t-" + System.nanoTime()).toString()));
        }
        a.add(db.name());
        var r = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), a, db.libpqEnvironment());
        return new ReferenceClients.Result(r.requireSuccess().exitCode(), r.stdout(), InteropTools.stderr(r));
    }

    private static ReferenceClients.Result ours(TestDb db, List<String> args, Path dir) {
        List<String> a = new ArrayList<>(List.of("dump"));
        a.addAll(args);
        if (!a.contains("-f")) {
            a.addAll(List.of("-f", dir.resolve("o-" + System.nanoTime()).toString()));
        }
        var r = InProcessCli.run(db.libpqEnvironment(), a.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return new ReferenceClients.Result(0, r.stdout(), InteropTools.stderr(r));
    }
}
