package org.pgdump4j.dump;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
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
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.QueryFailed;
import org.pgdump4j.catalog.SideReads;
import org.pgdump4j.catalog.coverage.DumpScope;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.compress.CompressionCodec;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.dump.inserts.InsertMode;
import org.pgdump4j.io.DecodingOutputStream;
import org.pgdump4j.io.FileOutput;
import org.pgdump4j.io.IoErrors;
import org.pgdump4j.io.KeptOpen;
import org.pgdump4j.model.Catalog;
import org.pgdump4j.model.ServerInfo;
import org.pgdump4j.monitor.CancelWatch;
import org.pgdump4j.monitor.RunMonitor;
import org.pgdump4j.object.Families;
import org.pgdump4j.progress.Cancellation;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.PgRestore;
import org.pgdump4j.restore.RenderOptions;
import org.pgdump4j.restore.RestoreOptions;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.BuiltToc;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.TableCopy;
import org.pgdump4j.toc.Timestamps;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocBuilder;
import org.pgdump4j.toc.TocEntry;

/** Library entry point for pg_dump. */
public final class PgDump {
    private PgDump() {
    }

    /**
     * Dumps the database {@code source} points at as {@code options} say. The output is opened before connecting,
     * so a path that cannot be written fails before anything is read; a file appears only when the dump succeeded
     * (written to a temporary sibling, synced and renamed, see {@link FileOutput}). Without a file, a plain dump
     * goes to the process's standard output (the CLI's) and an archive to {@code System.out}.
     */
    public static void run(ConnectionSource source, DumpOptions options, ProgressListener listener) {
        run(source, options, listener, new Cancellation());
    }

    /**
     * {@link #run(ConnectionSource, DumpOptions, ProgressListener)} that {@code cancel} (or an interrupt of the
     * calling thread) stops within about a second, with a {@link org.pgdump4j.CanceledException}: the output is
     * removed as after any failure, the connections closed. {@code listener} hears {@link ProgressEvent}s too.
     */
    public static void run(ConnectionSource source, DumpOptions options, ProgressListener listener,
            Cancellation cancel) {
        watched(source, options, listener, null, cancel);
    }

    /** {@link #run(ConnectionSource, DumpOptions, ProgressListener, OutputStream)} stopped by {@code cancel}. */
    public static void run(ConnectionSource source, DumpOptions options, ProgressListener listener,
            OutputStream out, Cancellation cancel) {
        Objects.requireNonNull(out, "out");
        watched(source, options, listener, charset -> KeptOpen.of(out), cancel);
    }

    /** {@link #run(ConnectionSource, DumpOptions, ProgressListener, Writer)} stopped by {@code cancel}. */
    public static void run(ConnectionSource source, DumpOptions options, ProgressListener listener, Writer out,
            Cancellation cancel) {
        Objects.requireNonNull(out, "out");
        if (options.format() != OutputFormat.PLAIN) {
            throw new UsageException("only a plain-format dump can be written as text");
        }
        Compression asked = options.archive().compression();
        if (asked != null && asked.method() != Compression.Method.NONE) {
            throw new UsageException("a compressed dump cannot be written as text");
        }
        watched(source, options, listener, charset -> new DecodingOutputStream(out, charset), cancel);
    }

    /**
     * Dumps into {@code out} (plain, custom or tar), which is flushed but never closed: it is the caller's.
     * A custom archive written to a stream has no data offsets, as pg_dump's to a pipe.
     *
     * @throws UsageException when {@code options} name a file too, or the format cannot be a stream (directory)
     */
    public static void run(ConnectionSource source, DumpOptions options, ProgressListener listener,
            OutputStream out) {
        run(source, options, listener, out, new Cancellation());
    }

    /**
     * A plain dump as text into {@code out}: the script's bytes in the dump's client encoding, decoded with it.
     * {@code out} is flushed but never closed.
     */
    public static void run(ConnectionSource source, DumpOptions options, ProgressListener listener, Writer out) {
        run(source, options, listener, out, new Cancellation());
    }

    /** A caller's stream, opened once the dump's charset is known; closing what it gives must keep it open. */
    private interface Stream {
        OutputStream open(Charset charset);
    }

    /** Runs the dump under a {@link CancelWatch}: its connections watched, its failure a cancel once asked. */
    private static void watched(ConnectionSource source, DumpOptions options, ProgressListener listener,
            @Nullable Stream stream, Cancellation cancel) {
        Objects.requireNonNull(listener, "listener");
        // --quote-all-identifiers holds for the whole run (a plain script's renderer too), on this thread only
        try (CancelWatch watch = CancelWatch.start(cancel);
             Sql.Scope quoting = Sql.scope(options.session().quoteAllIdentifiers())) {
            try {
                run(watch.watching(source), options, new RunMonitor(listener, watch), stream);
            } catch (RuntimeException e) {
                throw watch.translate(e);
            }
        }
    }

    private static void run(ConnectionSource source, DumpOptions given, RunMonitor monitor,
            @Nullable Stream stream) {
        // -E, else libpq's client_encoding: decided once for the main connection, the side one and -j's workers
        DumpOptions options = given.toBuilder()
                .encoding(Encodings.requested(given.encoding(), source.clientEncoding())).build();
        ProgressListener listener = monitor.listener();
        boolean plain = options.format() == OutputFormat.PLAIN;
        Compression asked = options.archive().compression();
        // pg_dump -Fp -Z: the whole script compressed (gzip, lz4 frames, zstd), to the file as named or to stdout
        CompressionCodec scriptCodec = plain && asked != null && asked.method() != Compression.Method.NONE
                ? asked.codec() : null;
        ArchiveFormat format = plain ? null : ArchiveFormats.require(options.format().word());
        Path file = options.file();
        if (stream != null && file != null) {
            throw new UsageException("a dump goes to a file or to a stream, not both");
        }
        checkExecution(options);
        if (!plain && file == null && options.format() == OutputFormat.DIRECTORY) {
            throw new UsageException("no output directory specified");
        }
        try {
            if (plain) {
                try (FileOutput output = file == null ? null
                        : FileOutput.open(file, options.sync(), "could not open output file \"%s\"")) {
                    dump(source, options, monitor, (reader, charset, snapshot) -> {
                        OutputStream target = output != null ? output.stream()
                                : stream != null ? stream.open(charset) : KeptOpen.stdout();
                        OutputStream out = new BufferedOutputStream(scriptCodec == null ? target
                                : scriptCodec.compressFile(KeptOpen.of(target)), 1 << 16);
                        try {
                            PgRestore.runMonitored(reader, scriptOptions(options),
                                    new PgRestore.Target.Script(out, charset), monitor, Timestamps.localZone());
                        } catch (UncheckedIOException e) {
                            throw e.getCause(); // the script's write failed
                        }
                        out.flush();
                        if (scriptCodec != null) {
                            out.close(); // the compressed stream's end; the target stays open
                        }
                        if (output == null) {
                            target.close(); // a caller's stream: flushed (a decoding one ends its text), kept open
                        }
                    });
                    monitor.phase(ProgressEvent.Phase.FINISH);
                    if (output != null) {
                        output.commit();
                    }
                }
            } else {
                WriterOptions wo = writerOptions(options);
                try (ArchiveWriter writer = stream != null ? format.newWriter(stream.open(UTF_8), wo)
                        : format.newWriter(file, wo)) {
                    dump(source, options, monitor, (reader, charset, snapshot) -> writeArchive(writer, reader, wo,
                            monitor, workers(source, options, snapshot), options.execution().jobs()));
                }
            }
        } catch (IOException e) {
            throw new PgDumpException("could not write to output file: " + IoErrors.reason(e), e);
        }
    }

    /** What is written once the catalog is read: the script or the archive. */
    private interface Body {
        /** {@code snapshot}: the dump's, for other connections to import (null when it cannot be shared). */
        void write(LiveDumpReader reader, Charset charset, @Nullable String snapshot) throws IOException;
    }

    /** pg_dump's checks of {@code -j} against the format and the foreign data asked for. */
    private static void checkExecution(DumpOptions options) {
        if (options.execution().jobs() > 1) {
            if (options.format() != OutputFormat.DIRECTORY) {
                throw new UsageException("parallel backup only supported by the directory format");
            }
            if (!options.selection().includeForeignData().isEmpty()) {
                throw new UsageException("option --include-foreign-data is not supported with parallel backup");
            }
        }
    }

    /** A worker's connection for {@code -j N}. */
    @FunctionalInterface
    private interface WorkerConnection {
        Connection open() throws SQLException;
    }

    /** For {@code -j N}: workers connect as {@link #twin}s in the dump's snapshot; null for a serial dump. */
    private static @Nullable WorkerConnection workers(ConnectionSource source, DumpOptions options,
            @Nullable String snapshot) {
        if (options.execution().jobs() < 2) {
            return null;
        }
        String shared = Objects.requireNonNull(snapshot, "a parallel dump's snapshot");
        return () -> twin(source, options, shared);
    }

    /** Connects, reads the catalog, builds the TOC and hands the reader to {@code body} in the dump's snapshot. */
    private static void dump(ConnectionSource source, DumpOptions options, RunMonitor monitor, Body body)
            throws IOException {
        ProgressListener listener = monitor.listener();
        monitor.phase(ProgressEvent.Phase.CONNECT);
        try (Connection conn = source.open()) {
            DumpOptions.Execution x = options.execution();
            ServerInfo server = DumpSession.open(conn, options.encoding(), options.session(),
                    x.serializableDeferrable());
            // --snapshot: every connection dumps in it; else the leader's, exported (required by workers)
            String snapshot;
            if (x.snapshot() != null) {
                DumpSession.useSnapshot(conn, x.snapshot());
                snapshot = x.snapshot();
            } else {
                snapshot = DumpSession.exportSnapshot(conn, x.jobs() > 1, x.serializableDeferrable());
            }
            monitor.phase(ProgressEvent.Phase.READ_CATALOG);
            Charset charset = Encodings.charset(server.encoding());
            if (options.data().inserts() != null) {
                InsertData.check(server.encoding());
            }
            boolean largeObjects = options.content().dumpLargeObjects(options.selection().includesEverything());
            Catalog catalog;
            try (SideReads side = SideReads.start(new Jdbc(conn), snapshot,
                    shared -> twin(source, options, shared))) {
                catalog = CatalogReader.read(conn, server, new ObjectFilter(options.selection(), source.dbname()),
                        largeObjects, scope(options), Families.INSTANCE, side, listener, x.lockWaitTimeout());
            }
            ContentFlags c = options.content();
            TocBuilder.Content content = new TocBuilder.Content(c.dumpSchema(), c.dumpData(),
                    !options.render().noComments(), !options.render().noPrivileges(), c.loadViaPartitionRoot(),
                    c.dumpStatistics(), !options.render().disableDollarQuoting(),
                    c.dumpSequenceData());
            ArchiveInfo info = new ArchiveInfo(catalog.database().name(), server.version(), Version.dumpVersion(),
                    ZonedDateTime.now(Timestamps.localZone()));
            BuiltToc toc = TocBuilder.build(catalog, content, info, Families.INSTANCE, listener::warning);
            // --section: an archive holds only the sections asked for; a script's renderer chooses them itself
            Toc written = c.sectioned() && options.format() != OutputFormat.PLAIN
                    ? SectionCut.cut(toc.toc(), c.sections()) : toc.toc();
            Map<Integer, TableCopy> copies = toc.copyOut();
            monitor.totals(written.entries().stream().filter(e -> e.is(EntryKind.TABLE_DATA) && e.hasData()
                    && c.sections().contains(Section.DATA)).toList(),
                    e -> copies.containsKey(e.dumpId()) ? copies.get(e.dumpId()).estimatedBytes() : -1);
            InsertMode insertMode = options.data().inserts();
            LiveDumpReader reader = new LiveDumpReader(insertMode == null ? written
                    : InsertData.withoutCopyStatements(written), conn, toc.copyOut(),
                    server.encoding(), listener, insertMode == null ? null
                    : new InsertData(conn, insertMode, server.encoding(), server.standardStrings()));
            body.write(reader, charset, snapshot);
            conn.commit();
        } catch (SQLException e) {
            throw new PgDumpException("dump failed: " + e.getMessage(), e);
        }
    }

    /** A second connection set up as the dump's and inside its snapshot (see {@link SideReads}). */
    private static Connection twin(ConnectionSource source, DumpOptions options, String snapshot)
            throws SQLException {
        Connection twin = source.open();
        try {
            DumpSession.open(twin, options.encoding(), options.session());
            DumpSession.useSnapshot(twin, snapshot);
            return twin;
        } catch (RuntimeException e) {
            twin.close();
            throw e;
        }
    }

    private static WriterOptions writerOptions(DumpOptions options) {
        Compression compression = options.archive().compression() != null ? options.archive().compression()
                : Compression.defaultFor(options.format().word());
        return new WriterOptions(options.archive().version(), compression, options.sync());
    }

    /**
     * Custom, directory and tar: the TOC first, then each table's COPY stream into its data entry, in TOC order, or
     * with {@code workers} ({@code -j N}) by N workers, largest first. The writer publishes the archive only on
     * finish(); closing it after a failure leaves nothing.
     */
    private static void writeArchive(ArchiveWriter writer, LiveDumpReader reader, WriterOptions wo,
            RunMonitor monitor, @Nullable WorkerConnection workers, int jobs) throws IOException {
        LegacyLargeObjects layout = LegacyLargeObjects.forVersion(reader.toc(), wo.version());
        monitor.phase(ProgressEvent.Phase.PRE_DATA);
        writer.begin(reader.header(), layout.toc());
        monitor.phase(ProgressEvent.Phase.DATA);
        List<TocEntry> data = layout.toc().entries().stream().filter(TocEntry::hasData).toList();
        if (workers == null) {
            for (TocEntry e : data) {
                writeEntry(writer, reader, layout, e, monitor);
            }
        } else {
            Map<Long, Long> pages;
            try {
                pages = ParallelDump.tablePages(reader.connection(), data);
            } catch (SQLException e) {
                throw new PgDumpException("could not read the tables' sizes: " + e.getMessage(), e);
            }
            List<TocEntry> order = ParallelDump.dispatchOrder(data, e -> e.is(EntryKind.BLOBS)
                    ? ParallelDump.BYTES_PER_LARGE_OBJECT * layout.sources().getOrDefault(e.dumpId(), List.of(e))
                            .stream().mapToLong(reader::largeObjectCount).sum()
                    : pages.getOrDefault(e.catalogId().oid(), 0L));
            ParallelDump.Opener opener = () -> {
                Connection c = workers.open();
                try {
                    return reader.on(c);
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            };
            new ParallelDump(jobs, opener, (r, e) -> writeEntry(writer, r, layout, e, monitor), monitor).run(order);
        }
        monitor.phase(ProgressEvent.Phase.FINISH);
        writer.finish();
    }

    /** One data entry: a table's COPY stream, or a BLOBS entry's large objects. */
    private static void writeEntry(ArchiveWriter writer, LiveDumpReader reader, LegacyLargeObjects layout,
            TocEntry e, RunMonitor monitor) throws IOException {
        monitor.started(e);
        if (e.is(EntryKind.BLOBS)) {
            try (LargeObjectSink sink = writer.openLargeObjects(e)) {
                for (TocEntry group : layout.sources().getOrDefault(e.dumpId(), List.of(e))) {
                    reader.readLargeObjects(group, (oid, in) -> {
                        monitor.check();
                        try (OutputStream out = sink.openBlob(oid)) {
                            in.transferTo(out);
                        }
                    });
                }
            }
        } else {
            try (InputStream data = reader.openData(e);
                 OutputStream out = new BufferedOutputStream(writer.openData(e), 1 << 16)) {
                InputStream in = e.is(EntryKind.TABLE_DATA) ? monitor.tableData(e, data) : data;
                in.transferTo(out);
            }
        }
        monitor.finished(e);
    }

    /** What the completeness guard must find dumpable: everything the options ask pg_dump for. */
    private static DumpScope scope(DumpOptions o) {
        boolean databaseEntries = o.format() != OutputFormat.PLAIN || o.render().create();
        return new DumpScope(o.selection().includesEverything(), databaseEntries, o.content().dumpSchema(),
                o.content().dumpData(), !o.render().noPrivileges(), !o.omit().publications(),
                !o.omit().subscriptions(), !o.omit().policies(), !o.omit().toastCompression(),
                o.content().dumpStatistics(), !o.omit().tablespaces(), !o.omit().securityLabels());
    }

    private static final Map<Section, String> SECTION_WORDS = Map.of(Section.PRE_DATA, "pre-data", Section.DATA,
            "data", Section.POST_DATA, "post-data");

    /** pg_dump -Fp prints what pg_restore -f would print for the same archive with these options. */
    private static RestoreOptions scriptOptions(DumpOptions o) {
        RenderOptions r = o.render();
        RestoreOptions.Builder b = RestoreOptions.builder().noOwner(r.noOwner()).noPrivileges(r.noPrivileges())
                .noComments(r.noComments()).clean(r.clean()).ifExists(r.ifExists()).create(r.create())
                .restrictKey(r.restrictKey()).verbose(o.verbose()).noTablespaces(o.omit().tablespaces())
                .noTableAccessMethod(o.omit().tableAccessMethods())
                .enableRowSecurity(o.session().enableRowSecurity())
                .useSetSessionAuthorization(r.useSetSessionAuthorization())
                // pg_dump's ropt->dumpSchema, which --disable-triggers asks about (a script of a dump without
                // schema holds no schema to leave out)
                .noSchema(o.data().disableTriggers() && !o.content().dumpSchema())
                .disableTriggers(o.data().disableTriggers()).superuser(o.data().superuser());
        if (o.content().sectioned()) {
            o.content().sections().forEach(s -> b.section(SECTION_WORDS.get(s)));
        }
        return b.build();
    }
}
