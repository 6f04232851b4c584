package org.pgdump4j.format.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.ArchiveWriter;
import org.pgdump4j.archive.LargeObjectSink;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.PgRestore;
import org.pgdump4j.restore.ReaderExtras;
import org.pgdump4j.restore.RestoreOptions;
import org.pgdump4j.toc.TocEntry;
import org.pgdump4j.testing.SharedFixtures;

/** The real pg_dump archives in shared/fixtures/archives and helpers to compare against them. */
public final class ArchiveFixtures {
    public static final String KEY = "FIXTUREKEY";

    private ArchiveFixtures() {
    }

    /** The fixture folder; tests are skipped when it is not there. */
    public static Path dir() {
        return SharedFixtures.require();
    }

    public static Path path(String name) {
        return dir().resolve(name);
    }

    /** Listing (.list) of an archive; pg15 listings were made by pg_restore 15 ("Compression: 0"). */
    public static String expectedList(String archive) throws IOException {
        String base = archive.endsWith(".tar") ? archive : archive;
        String list = Files.readString(path(base + ".list"), StandardCharsets.UTF_8);
        return archive.startsWith("pg15") ? list.replace(";     Compression: 0\n", ";     Compression: none\n")
                .replace(";     Compression: -1\n", ";     Compression: gzip\n") : list;
    }

    /** The script pg_restore 18 prints (pg15 archives: extra/pg15_custom_none.by-pg_restore18.sql). */
    public static String expectedSql(String archive) throws IOException {
        Path p = archive.startsWith("pg15") ? path("extra/pg15_custom_none.by-pg_restore18.sql")
                : path(archive + ".sql");
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** The COPY block (data including the {@code \.} line and two empty lines) for {@code copyStmt} in a script. */
    public static String copyData(String sql, String copyStmt) {
        int at = sql.indexOf(copyStmt);
        if (at < 0) {
            throw new AssertionError("no " + copyStmt + " in script");
        }
        int start = at + copyStmt.length();
        int end = sql.indexOf("\\.\n", start);
        if (end != start && sql.charAt(end - 1) != '\n') {
            throw new AssertionError("unexpected COPY block");
        }
        return sql.substring(start, end + 3) + "\n\n";
    }

    /** Large objects in a script: OID → bytes, from the lo_open/lowrite lines. */
    public static Map<Long, byte[]> largeObjects(String sql) {
        Map<Long, byte[]> los = new LinkedHashMap<>();
        Matcher open = Pattern.compile("SELECT pg_catalog.lo_open\\('(\\d+)', 131072\\);\n((?:SELECT pg_catalog.lowrite\\(0, '\\\\x[0-9a-f]*'\\);\n)*)")
                .matcher(sql);
        while (open.find()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Matcher w = Pattern.compile("'\\\\x([0-9a-f]*)'").matcher(open.group(2));
            while (w.find()) {
                String hex = w.group(1);
                for (int i = 0; i < hex.length(); i += 2) {
                    bytes.write(Integer.parseInt(hex.substring(i, i + 2), 16));
                }
            }
            los.put(Long.parseLong(open.group(1)), bytes.toByteArray());
        }
        return los;
    }

    /** Our pg_restore -l of a reader (times in UTC, as the fixtures were made). */
    public static String list(ArchiveReader reader, String formatName) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PgRestore.list(reader, formatName, RestoreOptions.DEFAULTS, out, ProgressListener.NONE, ZoneOffset.UTC,
                StandardCharsets.UTF_8);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Our pg_restore --restrict-key=FIXTUREKEY -f - of a reader. */
    public static String script(ArchiveReader reader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RestoreOptions opts = RestoreOptions.builder().restrictKey(KEY).build();
        PgRestore.run(reader, opts, new PgRestore.Target.Script(out, StandardCharsets.UTF_8), ProgressListener.NONE,
                ZoneOffset.UTC);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every large object of a BLOBS entry read through {@link ReaderExtras}. */
    public static Map<Long, byte[]> blobs(ReaderExtras reader, TocEntry e) throws IOException {
        Map<Long, byte[]> los = new LinkedHashMap<>();
        reader.readLargeObjects(e, (oid, data) -> los.put(oid, data.readAllBytes()));
        return los;
    }

    /** Data entries of a TOC in order. */
    public static List<TocEntry> dataEntries(ArchiveReader reader) {
        List<TocEntry> out = new ArrayList<>();
        for (TocEntry e : reader.toc().entries()) {
            if (e.hasData()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Writes a read archive again with {@code writer} (header, TOC, data and large objects). */
    public static void copy(ArchiveReader reader, ArchiveWriter writer) throws IOException {
        writer.begin(reader.header(), reader.toc());
        for (TocEntry e : dataEntries(reader)) {
            if (e.desc().equals("BLOBS")) {
                try (LargeObjectSink sink = writer.openLargeObjects(e)) {
                    ((ReaderExtras) reader).readLargeObjects(e, (oid, data) -> {
                        try (OutputStream out = sink.openBlob(oid)) {
                            data.transferTo(out);
                        }
                    });
                }
            } else {
                try (InputStream in = reader.openData(e); OutputStream out = writer.openData(e)) {
                    in.transferTo(out);
                }
            }
        }
        writer.finish();
    }
}
