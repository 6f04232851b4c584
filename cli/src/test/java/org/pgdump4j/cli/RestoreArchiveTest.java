package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code restore -l} and {@code restore -f -} on the real pg_dump archives print what pg_restore printed for them
 * (the {@code .list} and {@code .sql} files next to them), from a file, a folder and standard input.
 */
class RestoreArchiveTest {
    private static final String KEY = "--restrict-key=FIXTUREKEY";

    @TempDir
    Path dir;

    private static Cli.Run restore(String... args) {
        return restore(Fixtures.UTC, args);
    }

    private static Cli.Run restore(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("restore"));
        all.addAll(List.of(args));
        return Cli.run(Cli.context(env, new ByteArrayInputStream(new byte[0])), all.toArray(String[]::new));
    }

    private static Cli.Run restoreFromStdin(String archive, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("restore"));
        all.addAll(List.of(args));
        byte[] bytes = Files.readAllBytes(Fixtures.path(archive));
        return Cli.run(Cli.context(Fixtures.UTC, new ByteArrayInputStream(bytes)), all.toArray(String[]::new));
    }

    private static void assertOk(String expected, Cli.Run run) {
        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
        assertEquals(expected, run.out());
    }

    @ParameterizedTest
    @CsvSource({"pg18_custom_none.dump, pg18_custom_none.dump", "pg18_custom_gzip.dump, pg18_custom_gzip.dump",
            "pg18_custom_lz4.dump, pg18_custom_lz4.dump", "pg18_custom_zstd.dump, pg18_custom_zstd.dump",
            "pg18_custom_stats.dump, pg18_custom_stats.dump", "pg18_dir_gzip, pg18_dir_gzip",
            "pg18_tar.tar, pg18_tar.tar", "pg17_dir_none, pg17_dir_none", "pg17_dir_zstd, pg17_dir_zstd",
            "pg17_custom_none_pipe.dump, pg17_custom_none_pipe.dump"})
    void listingEqualsPgRestores(String archive, String listing) throws IOException {
        assertOk(Fixtures.text(listing + ".list"), restore("-l", Fixtures.path(archive).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg18_custom_none.dump", "pg18_custom_gzip.dump", "pg18_custom_lz4.dump",
            "pg18_custom_zstd.dump", "pg18_custom_stats.dump", "pg18_dir_gzip", "pg18_tar.tar"})
    void scriptEqualsPgRestores(String archive) throws IOException {
        assertOk(Fixtures.text(archive + ".sql"), restore(KEY, "-f", "-", Fixtures.path(archive).toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg18_custom_none.dump", "pg18_custom_zstd.dump", "pg18_tar.tar",
            "pg17_custom_none_pipe.dump"})
    void customAndTarFromStandardInput(String archive) throws IOException {
        assertOk(Fixtures.text(archive + ".list"), restoreFromStdin(archive, "-l"));
        assertOk(Fixtures.text(archive + ".sql"), restoreFromStdin(archive, KEY, "-f", "-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c", "custom", "CUSTOM"})
    void forcedCustomFormat(String format) throws IOException {
        assertOk(Fixtures.text("pg18_custom_gzip.dump.list"),
                restore("-F", format, "-l", Fixtures.path("pg18_custom_gzip.dump").toString()));
        assertOk(Fixtures.text("pg18_custom_gzip.dump.list"), restoreFromStdin("pg18_custom_gzip.dump", "-F", format,
                "-l"));
    }

    @Test
    void forcedTarAndDirectoryFormats() throws IOException {
        assertOk(Fixtures.text("pg18_tar.tar.list"), restore("-Ft", "-l", Fixtures.path("pg18_tar.tar").toString()));
        assertOk(Fixtures.text("pg18_tar.tar.list"), restoreFromStdin("pg18_tar.tar", "--format=tar", "-l"));
        assertOk(Fixtures.text("pg18_dir_gzip.list"),
                restore("--format=directory", "-l", Fixtures.path("pg18_dir_gzip").toString()));
    }

    @Test
    void wrongForcedFormatFailsInOneLine() {
        Cli.Run run = restore("-Fc", "-l", Fixtures.path("pg18_tar.tar").toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("pg_restore: error: "), run.err());
    }

    @Test
    void listingAndScriptToAFile() throws IOException {
        Path list = dir.resolve("archive.list");
        Path sql = dir.resolve("archive.sql");
        String archive = Fixtures.path("pg18_custom_none.dump").toString();
        assertOk("", restore("-l", "-f", list.toString(), archive));
        assertEquals(Fixtures.text("pg18_custom_none.dump.list"), Files.readString(list));
        assertOk("", restore(KEY, "-f", sql.toString(), archive));
        assertEquals(Fixtures.text("pg18_custom_none.dump.sql"), Files.readString(sql));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count()); // no temporary files left behind
        }
    }

    @Test
    void listingTimeIsInTheZoneOfTz() throws IOException {
        String expected = Fixtures.text("pg18_custom_none.dump.list");
        String archive = Fixtures.path("pg18_custom_none.dump").toString();
        // the header holds wall-clock fields: pg_restore prints them as they are, with the zone's abbreviation
        assertOk(expected.replace("19:48:51 UTC", "19:48:51 CET"), restore(Map.of("TZ", "Europe/Berlin"), "-l", archive));
        assertOk(expected.replace("19:48:51 UTC", "19:48:51 EST"), restore(Map.of("TZ", ":America/New_York"), "-l",
                archive));
        assertOk(expected, restore(Map.of("TZ", "UTC0"), "-l", archive)); // a POSIX spelling we do not parse: UTC
    }

    /** The switches reach the restore engine: pg_restore 17's renderings of the same archive in extra/. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "create|-C", "clean-if-exists|-c --if-exists", "data-only|-a", "schema-only|--schema-only",
        "section-post-data|--section=post-data", "table-customer|-t customer", "schema-shop|-n shop",
        "no-acl-no-owner|-x -O", "verbose|-v"})
    void switchesReachTheEngine(String rendering, String switches) throws IOException {
        List<String> args = new ArrayList<>(List.of(switches.split(" ")));
        args.addAll(List.of(KEY, "-f", "-", Fixtures.path("pg17_custom_none.dump").toString()));
        Cli.Run run = restore(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        String expected = Fixtures.text("extra/pg17_custom_none." + rendering + ".sql");
        assertEquals(maskCompleted(expected), maskCompleted(run.out()));
    }

    @Test
    void useListOrdersAndSelects() throws IOException {
        Cli.Run run = restore(KEY, "-L", Fixtures.path("extra/pg17_custom_none.use-list").toString(), "-f", "-",
                Fixtures.path("pg17_custom_none.dump").toString());
        assertOk(Fixtures.text("extra/pg17_custom_none.use-list.sql"), run);
    }

    @Test
    void verboseListing() throws IOException {
        Cli.Run run = restore("-l", "-v", Fixtures.path("pg17_custom_none.dump").toString());
        assertOk(Fixtures.text("extra/pg17_custom_none.list-verbose"), run);
    }

    private static String maskCompleted(String s) {
        return s.replaceAll("-- Completed on [^\n]*", "-- Completed on X");
    }
}
