package org.pgdump4j.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.List;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.UsageException;
import org.pgdump4j.Version;
import org.pgdump4j.archive.ArchiveFormat;
import org.pgdump4j.archive.ArchiveFormats;
import org.pgdump4j.archive.ArchiveWriter;
import org.pgdump4j.archive.LargeObjectSink;
import org.pgdump4j.archive.LegacyLargeObjects;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.catalog.CatalogReader;
import org.pgdump4j.catalog.coverage.DumpScope;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.io.KeptOpen;
import org.pgdump4j.io.PartialFiles;
import org.pgdump4j.model.Catalog;
import org.pgdump4j.model.ServerInfo;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.PgRestore;
import org.pgdump4j.restore.RenderOptions;
import org.pgdump4j.restore.RestoreOptions;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.BuiltToc;
import org.pgdump4j.toc.TocBuilder;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.TocEntry;
import org.postgresql.PGConnection;

/** Library entry point for pg_dump. */
public final class PgDump {
    private PgDump() {
    }

    /**
     * Dumps the database {@code source} points at as {@code options} say. The output file appears only when the
     * dump succeeded (written to a temporary sibling, then renamed).
     */
    public static void run(ConnectionSource source, DumpOptions options, ProgressListener listener) {
        boolean plain = options.format() == OutputFormat.PLAIN;
        ArchiveFormat format = plain ? null : ArchiveFormats.require(options.format().word());
        Path file = options.file();
        if (!plain && file == null && options.format() == OutputFormat.DIRECTORY) {
            throw new UsageException("no output directory specified");
        }
        Path tmp = plain && file != null ? temporarySibling(file) : null;
        try (Connection conn = source.open()) {
            ServerInfo server = DumpSession.open(conn, options.encoding());
            Charset charset = Encodings.charset(server.encoding());
            // as pg_dump: large objects come with a full dump that includes data
            boolean largeObjects = options.selection().includesEverything() && options.content().dumpData();
            Catalog catalog = CatalogReader.read(conn, server, new ObjectFilter(options.selection(), source.dbname()),
                    largeObjects, scope(options), listener);
            ContentFlags c = options.content();
            TocBuilder.Content content = new TocBuilder.Content(c.dumpSchema(), c.dumpData(),
                    !options.render().noComments(), !options.render().noPrivileges());
            ArchiveInfo info = new ArchiveInfo(catalog.database().name(), server.version(), Version.dumpVersion(),
                    ZonedDateTime.now());
            BuiltToc toc = TocBuilder.build(catalog, content, info, listener::warning);
            PGConnection pg = conn.unwrap(PGConnection.class);
            LiveDumpReader reader = new LiveDumpReader(toc.toc(), conn, pg.getLargeObjectAPI(),
                    toc.copyOut(), server.encoding(), listener);
            if (plain) {
                try (OutputStream out = open(tmp)) {
                    PgRestore.run(reader, scriptOptions(options), new PgRestore.Target.Script(out, charset), listener);
                }
            } else {
                writeArchive(format, reader, options);
            }
            conn.commit();
            if (tmp != null) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            }
        } catch (IOException e) {
            throw new PgDumpException("could not write to output file: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new PgDumpException("dump failed: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the dump already failed; the partial file has a temporary name and cannot be mistaken
                }
            }
        }
    }

    /**
     * Custom, directory and tar: the TOC first, then each table's COPY stream into its data entry, in TOC
     * order. The writer publishes the archive only on finish(); closing it after a failure leaves nothing.
     */
    private static void writeArchive(ArchiveFormat format, LiveDumpReader reader, DumpOptions options)
            throws IOException {
        Compression compression = options.archive().compression() != null ? options.archive().compression()
                : Compression.defaultFor(options.format().word());
        WriterOptions wo = new WriterOptions(options.archive().version(), compression);
        LegacyLargeObjects layout = LegacyLargeObjects.forVersion(reader.toc(), wo.version());
        try (ArchiveWriter writer = format.newWriter(options.file(), wo)) {
            writer.begin(reader.header(), layout.toc());
            for (TocEntry e : layout.toc().entries()) {
                if (!e.hasData()) {
                    continue;
                }
                if (e.is(EntryKind.BLOBS)) {
                    try (LargeObjectSink sink = writer.openLargeObjects(e)) {
                        for (TocEntry group : layout.sources().getOrDefault(e.dumpId(), List.of(e))) {
                            reader.readLargeObjects(group, (oid, in) -> {
                                try (OutputStream out = sink.openBlob(oid)) {
                                    in.transferTo(out);
                                }
                            });
                        }
                    }
                    continue;
                }
                try (InputStream in = reader.openData(e);
                     OutputStream out = new BufferedOutputStream(writer.openData(e), 1 << 16)) {
                    in.transferTo(out);
                }
            }
            writer.finish();
        }
    }

    /** What the completeness guard must find dumpable: everything the options ask pg_dump for. */
    private static DumpScope scope(DumpOptions o) {
        return new DumpScope(o.selection().includesEverything(), o.format() != OutputFormat.PLAIN || o.render().create(),
                o.content().dumpSchema(), o.content().dumpData(), !o.render().noPrivileges());
    }

    /** pg_dump -Fp prints what pg_restore -f would print for the same archive with these options. */
    private static RestoreOptions scriptOptions(DumpOptions o) {
        RenderOptions r = o.render();
        return RestoreOptions.builder().noOwner(r.noOwner()).noPrivileges(r.noPrivileges())
                .noComments(r.noComments()).clean(r.clean()).ifExists(r.ifExists()).create(r.create())
                .restrictKey(r.restrictKey()).verbose(o.verbose()).build();
    }

    private static Path temporarySibling(Path file) {
        try {
            return PartialFiles.create(file, ".partial");
        } catch (IOException e) {
            throw new PgDumpException("could not open output file \"" + file + "\": " + describe(e), e);
        }
    }

    /** strerror()-like text, without the temporary file's name. */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    private static OutputStream open(Path tmp) throws IOException {
        if (tmp == null) {
            return new BufferedOutputStream(KeptOpen.stdout(), 1 << 16);
        }
        return new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
    }
}
