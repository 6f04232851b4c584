package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * The check every object family's compat fixture runs (design.md, "Tests per family"): our plain output equals
 * real pg_dump 18's entry by entry, a failure naming the first differing entry with both texts; real psql 18
 * restores our script without an error; and dumping the restored copy gives the same script and rows.
 */
final class FamilyCompat {
    /** A script entry: its {@code -- Name: ...; Type: ...} header and everything up to the next header. */
    record Entry(String header, String text) {
    }

    private static final Pattern HEADER = Pattern.compile("(?m)^--\\n-- (?:Data for )?Name: .*$");

    private FamilyCompat() {
    }

    /**
     * The option sets to compare on {@code major}: all of {@code sets} on the matrix majors ({@code pg.versions}: 12
     * and 18 in CI), only the first (the default dump) on the other majors, which the cross-version check needs
     * while the option handling does not depend on the source version. Keeps CI's compat matrix well inside its
     * time budget.
     */
    static List<List<String>> optionSets(int major, List<List<String>> sets) {
        return PgServers.matrixMajors().contains(major) ? sets : sets.subList(0, 1);
    }

    /** (major, option set) for a parameterized test: every major, each with its {@link #optionSets}. */
    static Stream<Arguments> cases(List<List<String>> sets) {
        return PgServers.everyMajor().stream()
                .flatMap(m -> optionSets(m, sets).stream().map(o -> Arguments.of(m, o)));
    }

    /**
     * The majors whose fixture is restored by psql 18 and dumped again: the matrix majors of the run from 15 on.
     * A copy of an older source differs from it in what the servers write (the public schema's owner and privileges
     * before 15), not in what pgdump4j writes; older sources are compared with pg_dump 18 entry by entry instead.
     */
    static Stream<Integer> roundTripMajors() {
        return PgServers.everyMajor().stream().filter(m -> m >= 15 && PgServers.matrixMajors().contains(m));
    }

    /** The copy is restored on server 18: the fixtures' roles must exist there. */
    static void rolesOn18() throws SQLException {
        try (TestDb db = PgServers.freshDb(18, "roles")) {
            db.execute(Fixtures.text("roles.sql"));
        }
    }

    /** A fresh database on {@code major} holding the cluster roles and the fixture (lines gated by {@code --@ NN+}). */
    static TestDb load(int major, String fixture) throws SQLException {
        TestDb db = PgServers.freshDb(major, fixture.replaceAll("[^a-z]", ""));
        db.execute(Fixtures.text("roles.sql"));
        db.execute(CompletenessGuardIT.forServer(Fixtures.text(fixture), major));
        return db;
    }

    /** Real pg_dump 18's plain script of {@code db} with {@code args}. */
    static String theirs(TestDb db, List<String> args) {
        List<String> a = new ArrayList<>(args);
        a.add("--restrict-key=FamilyKey");
        a.add(db.name());
        return ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), a, db.libpqEnvironment())
                .requireSuccess().stdoutText();
    }

    /** Our plain script of {@code db} with {@code args}, through the CLI (in this JVM); fails with our stderr. */
    static String ours(TestDb db, List<String> args, Path dir) throws IOException {
        Path out = dir.resolve("ours-" + System.nanoTime() + ".sql");
        List<String> a = new ArrayList<>(List.of("dump"));
        a.addAll(args);
        a.addAll(List.of("--restrict-key=FamilyKey", "-f", out.toString()));
        var r = InProcessCli.run(db.libpqEnvironment(), a.toArray(String[]::new));
        if (r.exitCode() != 0) {
            fail("pgdump4j dump " + args + " failed: " + r.stderr());
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /**
     * Our script equals pg_dump 18's entry by entry; both are kept under target/compat as
     * {@code <label>.expected.sql} / {@code .actual.sql}.
     */
    static void assertSameEntries(TestDb db, List<String> args, String label, Path dir) throws IOException {
        String expected = PlainDumpCompatIT.withoutVersion(theirs(db, args));
        String actual = PlainDumpCompatIT.withoutVersion(ours(db, args, dir));
        Path keep = Path.of(System.getProperty("compat.keep", "target/compat"));
        Files.createDirectories(keep);
        String file = label.replaceAll("[^A-Za-z0-9]+", "_");
        Files.writeString(keep.resolve(file + ".expected.sql"), expected, StandardCharsets.UTF_8);
        Files.writeString(keep.resolve(file + ".actual.sql"), actual, StandardCharsets.UTF_8);
        String diff = firstDifference(entries(expected), entries(actual));
        if (diff != null) {
            fail(label + ": " + diff);
        }
        assertEquals(expected, actual, label); // the text around the entries too
    }

    /**
     * Restores our script into a fresh database on server 18 with real psql 18 (stopping at the first error), and
     * our custom and directory archives with real pg_restore 18 ({@code --exit-on-error}), dumps each copy with ours,
     * and expects the same script and the same rows.
     */
    static void assertRoundTrip(TestDb db, Path dir) throws IOException, SQLException {
        assertRoundTrip(db, dir, null);
    }

    /** The same, running {@code beforeDrop} in each copy before it is dropped (subscriptions must go first). */
    static void assertRoundTrip(TestDb db, Path dir, String beforeDrop) throws IOException, SQLException {
        assertRoundTrip(db, dir, beforeDrop, List.of());
    }

    /**
     * The same with {@code dumpArgs} for every dump (security labels, which no provider on the servers can restore:
     * {@code --no-security-labels}).
     */
    static void assertRoundTrip(TestDb db, Path dir, String beforeDrop, List<String> dumpArgs)
            throws IOException, SQLException {
        String first = ours(db, dumpArgs, dir);
        Path script = dir.resolve("roundtrip.sql");
        Files.writeString(script, first, StandardCharsets.UTF_8);
        restoreAndCompare(db, first, dir, dumpArgs, "dump -> psql 18 -> dump", beforeDrop,
                copy -> ReferenceClients.run(ReferenceClients.require(18, "psql"),
                        List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script.toString()),
                        copy.libpqEnvironment()));
        for (String format : List.of("c", "d")) {
            Path archive = dir.resolve("roundtrip-" + format + "-" + System.nanoTime());
            List<String> a = new ArrayList<>(List.of("dump", "-F" + format, "-f", archive.toString()));
            a.addAll(dumpArgs);
            var dumped = InProcessCli.run(db.libpqEnvironment(), a.toArray(String[]::new));
            assertEquals(0, dumped.exitCode(), dumped.stderr());
            restoreAndCompare(db, first, dir, dumpArgs, "dump -F" + format + " -> pg_restore 18 -> dump", beforeDrop,
                    copy -> ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                            List.of("--exit-on-error", "-d", copy.name(), archive.toString()), copy.libpqEnvironment()));
        }
    }

    private interface Restore {
        ReferenceClients.Result into(TestDb copy);
    }

    private static void restoreAndCompare(TestDb db, String first, Path dir, List<String> dumpArgs, String what,
            String beforeDrop, Restore restore) throws IOException, SQLException {
        try (TestDb copy = PgServers.freshDb(18, "familycopy")) {
            copy.execute(Fixtures.text("roles.sql")); // the source may be another server, with its own roles
            try {
                var r = restore.into(copy);
                assertEquals(0, r.exitCode(), what + ": " + r.stderr());
                String second = ours(copy, dumpArgs, dir);
                String diff = firstDifference(entries(withoutVersions(first)), entries(withoutVersions(second)));
                if (diff != null) {
                    fail(what + " changed the script: " + diff);
                }
                assertEquals(InteropTools.state(db), InteropTools.state(copy), "rows after " + what);
            } finally {
                if (beforeDrop != null) {
                    copy.execute(beforeDrop);
                }
            }
        }
    }

    /** Without the versions of pg_dump and of the source server (the copy is on 18, the source may be older). */
    static String withoutVersions(String script) {
        return PlainDumpCompatIT.withoutVersion(script)
                .replaceAll("(?m)^-- Dumped from database version .*$", "-- Dumped from database version X");
    }

    /** The script cut at each entry header; the text before the first header is an entry of its own. */
    static List<Entry> entries(String script) {
        List<Entry> out = new ArrayList<>();
        Matcher m = HEADER.matcher(script);
        int start = 0;
        String header = "(preamble)";
        while (m.find()) {
            out.add(new Entry(header, script.substring(start, m.start())));
            header = m.group().substring(3);
            start = m.start();
        }
        out.add(new Entry(header, script.substring(start)));
        return out;
    }

    /** Null when equal, else the first differing entry: its header and both texts. */
    static String firstDifference(List<Entry> expected, List<Entry> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            Entry e = i < expected.size() ? expected.get(i) : null;
            Entry a = i < actual.size() ? actual.get(i) : null;
            if (e != null && e.equals(a)) {
                continue;
            }
            return "entry " + (i + 1) + " differs: expected " + (e == null ? "no entry" : e.header()) + ", got "
                    + (a == null ? "no entry" : a.header()) + "\n--- pg_dump 18:\n" + (e == null ? "" : e.text())
                    + "\n--- pgdump4j:\n" + (a == null ? "" : a.text());
        }
        return null;
    }
}
