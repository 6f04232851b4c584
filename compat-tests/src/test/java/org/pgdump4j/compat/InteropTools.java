package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgdump4j.archive.ArchiveFormat;
import org.pgdump4j.archive.ArchiveFormats;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.PgRestore;
import org.pgdump4j.restore.RestoreListener;
import org.pgdump4j.restore.RestoreOptions;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.verify.TableChecksums;

/**
 * The two sides of {@link InteropMatrixIT}: the real pg_dump/pg_restore of a major (from
 * {@code PG_REFERENCE_BIN_<major>}) and our restore through the library API, each giving {@code -l}, {@code -f -}
 * and {@code -d} results in a comparable form; plus what a restored database looks like.
 */
final class InteropTools {
    /** The {@code \restrict} key of every printed script, ours and theirs. */
    static final String KEY = "InteropKey42";
    /** The zone of {@code -l}'s "Archive created at" line, ours and theirs (TZ for the real one). */
    static final ZoneId ZONE = ZoneId.of("UTC");

    private static final Pattern ERRORS_IGNORED = Pattern.compile("errors ignored on restore: (\\d+)");

    private InteropTools() {
    }

    // ---- the real tools ----

    static ReferenceClients.Result real(int major, String program, List<String> args, Map<String, String> env) {
        return ReferenceClients.run(ReferenceClients.require(major, program), args, env);
    }

    /** Real {@code pg_restore -l}, with TZ set to {@link #ZONE}; must succeed without a word on stderr. */
    static String realList(int major, Path archive) {
        ReferenceClients.Result r = real(major, "pg_restore", List.of("-l", archive.toString()),
                Map.of("TZ", ZONE.getId())).requireSuccess();
        assertEquals("", stderr(r), "pg_restore " + major + " -l stderr");
        return r.stdoutText();
    }

    /** Real {@code pg_restore -f - --restrict-key}; must succeed without a word on stderr. */
    static String realScript(int major, Path archive) {
        ReferenceClients.Result r = real(major, "pg_restore", List.of("--restrict-key=" + KEY, "-f", "-",
                archive.toString()), Map.of("TZ", ZONE.getId())).requireSuccess();
        assertEquals("", stderr(r), "pg_restore " + major + " -f - stderr");
        return r.stdoutText();
    }

    /**
     * Real {@code pg_restore -d} into {@code target}; returns the number of ignored errors (pg_restore's "errors
     * ignored on restore: N", 0 when it exits 0).
     */
    static int realRestore(int major, Path archive, TestDb target) {
        ReferenceClients.Result r = real(major, "pg_restore", List.of("-d", target.name(), archive.toString()),
                target.libpqEnvironment());
        Matcher m = ERRORS_IGNORED.matcher(r.stderr());
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        r.requireSuccess();
        return 0;
    }

    /** A tool's stderr without libpq's note that PGPASSFILE is /dev/null (ReferenceClients sets it). */
    static String stderr(ReferenceClients.Result r) {
        return r.stderr().lines().filter(l -> !l.startsWith("WARNING: password file \"/dev/null\""))
                .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
    }

    /** Real pg_dump 18 {@code -s} of a database: the schema text restores are compared by. */
    static String schema(TestDb db) {
        return real(18, "pg_dump", List.of("-s", "--restrict-key=" + KEY, db.name()), db.libpqEnvironment())
                .requireSuccess().stdoutText();
    }

    /** Real pg_dump {@code major} of {@code db} into {@code out} with the given options (e.g. -Fc -Z lz4). */
    static Path realDump(int major, TestDb db, List<String> options, Path out) {
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-f", out.toString(), db.name()));
        ReferenceClients.Result r = real(major, "pg_dump", args, db.libpqEnvironment()).requireSuccess();
        assertEquals("", stderr(r), "pg_dump " + major + " stderr");
        return out;
    }

    // ---- ours ----

    /** Our {@code restore -l} (format detected as pg_restore does). */
    static String ourList(Path archive) throws IOException {
        ArchiveFormat format = ArchiveFormats.detect(archive);
        try (ArchiveReader r = format.newReader(archive)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PgRestore.list(r, format.name().toUpperCase(Locale.ROOT), RestoreOptions.DEFAULTS, out,
                    ProgressListener.NONE, ZONE, StandardCharsets.UTF_8);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Our {@code restore --restrict-key -f -}. */
    static String ourScript(Path archive) throws IOException {
        ArchiveFormat format = ArchiveFormats.detect(archive);
        try (ArchiveReader r = format.newReader(archive)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PgRestore.run(r, RestoreOptions.builder().restrictKey(KEY).build(), PgRestore.Target.script(out),
                    ProgressListener.NONE, ZONE);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Our {@code restore -d} into {@code target}; returns the number of ignored errors. */
    static int ourRestore(Path archive, TestDb target) throws IOException {
        ArchiveFormat format = ArchiveFormats.detect(archive);
        List<String> errors = new ArrayList<>();
        try (ArchiveReader r = format.newReader(archive)) {
            PgRestore.RestoreResult res = PgRestore.run(r, RestoreOptions.DEFAULTS,
                    PgRestore.Target.database(TestSource.of(target)), new RestoreListener() {
                        @Override
                        public void error(String message) {
                            errors.add(message);
                        }
                    }, ZONE);
            if (res.errorsIgnored() != errors.size()) {
                throw new AssertionError(res.errorsIgnored() + " errors ignored, but " + errors.size()
                        + " reported: " + errors);
            }
            if (!errors.isEmpty()) {
                System.out.println("InteropMatrixIT: our restore of " + archive.getFileName() + " ignored "
                        + errors.size() + " errors, first: " + errors.get(0));
            }
            return errors.size();
        }
    }

    // ---- comparisons ----

    /** The entry lines of a {@code -l} listing (its header comments left out): what older pg_restores agree on. */
    static List<String> entryLines(String listing) {
        return listing.lines().filter(l -> !l.startsWith(";")).toList();
    }

    /** The {@code -- Name: ...; Type: ...} and {@code -- Data for Name: ...} lines of a script, in order. */
    static List<String> entryHeaders(String script) {
        return script.lines().filter(l -> l.startsWith("-- Name: ") || l.startsWith("-- Data for Name: ")).toList();
    }

    /**
     * Rows of every ordinary table ({@link TableChecksums}), sequence values, and every large object (owner, md5,
     * ACL, comment): what a restored copy must share with its source besides the schema text.
     */
    static Map<String, String> state(TestDb db) throws SQLException {
        Map<String, String> m = new TreeMap<>();
        try (Connection c = db.connect()) {
            TableChecksums.of(c).forEach((k, v) -> m.put("table " + k, v));
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT schemaname || '.' || sequencename, last_value"
                        + " FROM pg_catalog.pg_sequences")) {
                    while (rs.next()) {
                        m.put("sequence " + rs.getString(1), String.valueOf(rs.getString(2)));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT m.oid, pg_catalog.pg_get_userbyid(m.lomowner),"
                        + " pg_catalog.md5(pg_catalog.lo_get(m.oid)), m.lomacl::text,"
                        + " pg_catalog.obj_description(m.oid, 'pg_largeobject')"
                        + " FROM pg_catalog.pg_largeobject_metadata m")) {
                    while (rs.next()) {
                        m.put("large object " + rs.getLong(1), rs.getString(2) + " " + rs.getString(3) + " "
                                + rs.getString(4) + " " + rs.getString(5));
                    }
                }
            }
        }
        return m;
    }
}
