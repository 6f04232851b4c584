package org.pgdump4j.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.pgdump4j.testing.SharedFixtures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.progress.ProgressListener;

/**
 * Our {@code -l} and {@code -f -} output for the real pg_dump archives in shared/fixtures equals what pg_restore 18
 * printed for them (the fixtures were listed in UTC). Reads the archives with {@link FixtureCustomReader}.
 */
class RestoreFixtureTest {
    static final ZoneId UTC = ZoneId.of("UTC");

    static Path dir() {
        return SharedFixtures.require();
    }

    static String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static String listing(String archive, RestoreOptions opts) throws IOException {
        try (FixtureCustomReader r = new FixtureCustomReader(dir().resolve(archive), UTC)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PgRestore.list(r, "CUSTOM", opts, out, ProgressListener.NONE, UTC, StandardCharsets.UTF_8);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static String script(String archive, RestoreOptions opts) throws IOException {
        try (FixtureCustomReader r = new FixtureCustomReader(dir().resolve(archive), UTC)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PgRestore.run(r, opts, PgRestore.Target.script(out), ProgressListener.NONE, UTC);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static RestoreOptions.Builder keyed() {
        return RestoreOptions.builder().restrictKey("FIXTUREKEY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg15_custom_none.dump", "pg15_custom_gzip.dump", "pg15_custom_none_pipe.dump",
            "pg17_custom_none.dump", "pg17_custom_gzip.dump", "pg17_custom_lz4.dump", "pg17_custom_zstd.dump",
            "pg17_custom_inserts.dump", "pg17_custom_none_pipe.dump", "pg18_custom_none.dump", "pg18_custom_gzip.dump",
            "pg18_custom_lz4.dump", "pg18_custom_zstd.dump", "pg18_custom_stats.dump"})
    void listingEqualsPgRestore(String archive) throws IOException {
        String expected = text(dir().resolve(archive + ".list"));
        if (archive.startsWith("pg15")) {
            // listed by pg_restore 15, which prints the level; pg_restore 16+ prints the algorithm
            expected = expected.replace(";     Compression: 0\n", ";     Compression: none\n")
                    .replace(";     Compression: -1\n", ";     Compression: gzip\n");
        }
        assertEquals(expected, listing(archive, RestoreOptions.DEFAULTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg17_custom_none.dump", "pg17_custom_gzip.dump", "pg17_custom_inserts.dump",
            "pg17_custom_none_pipe.dump", "pg18_custom_none.dump", "pg18_custom_gzip.dump", "pg18_custom_stats.dump"})
    void scriptEqualsPgRestore(String archive) throws IOException {
        assertEquals(text(dir().resolve(archive + ".sql")), script(archive, keyed().build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg15_custom_none.dump", "pg15_custom_gzip.dump", "pg15_custom_none_pipe.dump"})
    void oldArchiveRenderedAsPgRestore18Does(String archive) throws IOException {
        assertEquals(text(dir().resolve("extra/pg15_custom_none.by-pg_restore18.sql")), script(archive,
                keyed().build()));
    }

    static Stream<Arguments> extras() {
        List<Arguments> a = new ArrayList<>();
        a.add(Arguments.of("create", keyed().create(true)));
        a.add(Arguments.of("clean-if-exists", keyed().clean(true).ifExists(true)));
        a.add(Arguments.of("data-only", keyed().dataOnly(true)));
        a.add(Arguments.of("schema-only", keyed().schemaOnly(true)));
        a.add(Arguments.of("section-post-data", keyed().section("post-data")));
        a.add(Arguments.of("table-customer", keyed().table("customer")));
        a.add(Arguments.of("schema-shop", keyed().schema("shop")));
        a.add(Arguments.of("no-acl-no-owner", keyed().noPrivileges(true).noOwner(true)));
        a.add(Arguments.of("use-list",
                keyed().useList(UseList.parse(dir().resolve("extra/pg17_custom_none.use-list")))));
        a.add(Arguments.of("verbose", keyed().verbose(true)));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extras")
    void extraRenderingEqualsPgRestore(String name, RestoreOptions.Builder options) throws IOException {
        UnaryOperator<String> maskCompleted = s -> s.replaceAll("-- Completed on [^\n]*", "-- Completed on X");
        String expected = maskCompleted.apply(text(dir().resolve("extra/pg17_custom_none." + name + ".sql")));
        assertEquals(expected, maskCompleted.apply(script("pg17_custom_none.dump", options.build())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg17", "pg15"})
    void verboseListingEqualsPgRestore(String major) throws IOException {
        String expected = text(dir().resolve("extra/" + major + "_custom_none.list-verbose"))
                .replace(";     Compression: 0\n", ";     Compression: none\n");
        assertEquals(expected, listing(major + "_custom_none.dump", RestoreOptions.builder().verbose(true).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pg17_custom_none.dump"})
    void listingWithUseListShowsListedEntriesInFileOrder(String archive) throws IOException {
        RestoreOptions opts = RestoreOptions.builder()
                .useList(UseList.parse(dir().resolve("extra/pg17_custom_none.use-list"))).build();
        String listed = listing(archive, opts);
        String[] lines = listed.split("\n");
        assertEquals("3374; 0 16509 TABLE DATA shop orders fx_owner", lines[lines.length - 1]);
    }

    /** pg_restore 18 -l --strict-names -t nosuch: the listing (no entry selected) is printed, then the error. */
    @org.junit.jupiter.api.Test
    void strictNamesErrorFollowsTheListing() throws IOException {
        RestoreOptions opts = RestoreOptions.builder().table("nosuch").strictNames(true).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FixtureCustomReader r = new FixtureCustomReader(dir().resolve("pg18_custom_none.dump"), UTC)) {
            org.pgdump4j.UsageException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.pgdump4j.UsageException.class, () -> PgRestore.list(r, "CUSTOM", opts, out,
                            ProgressListener.NONE, UTC, StandardCharsets.UTF_8));
            assertEquals("table \"nosuch\" not found", e.getMessage());
        }
        String header = text(dir().resolve("pg18_custom_none.dump.list"));
        header = header.substring(0, header.indexOf("; Selected TOC Entries:\n;\n") + 26);
        assertEquals(header, out.toString(StandardCharsets.UTF_8));
    }
}
