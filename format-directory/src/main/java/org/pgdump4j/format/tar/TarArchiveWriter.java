package org.pgdump4j.format.tar;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveWriter;
import org.pgdump4j.archive.LargeObjectSink;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.archive.codec.ArchiveIO;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.format.directory.BlobsToc;
import org.pgdump4j.format.directory.FileNames;
import org.pgdump4j.format.directory.TocDat;
import org.pgdump4j.io.KeptOpen;
import org.pgdump4j.io.FileOutput;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Writes a tar archive ({@code -Ft}) through Commons Compress: {@code toc.dat}, the data members in TOC order
 * ({@code <dumpId>.dat}; for a BLOBS entry its {@code blob_<oid>.dat} members and then its list), then
 * {@code restore.sql} and the end-of-archive blocks. Never compressed.
 *
 * <p>As in pg_dump, each member is first written to a temporary file, since a tar header needs the size. Data
 * may be written in any order and by several threads; members are appended in TOC order as soon as all earlier
 * entries are complete, because pg_restore reads tar archives strictly sequentially. A file target is written to
 * a hidden sibling that {@link #finish} syncs and renames ({@link FileOutput}), a device or FIFO in place;
 * {@link #close} without {@code finish} removes everything.
 */
public final class TarArchiveWriter implements ArchiveWriter {
    private final @Nullable FileOutput file;
    private final Path spoolDir;
    private final TarArchiveOutputStream tar;
    private final OutputStream sink;
    private final @Nullable String restrictKey;
    private final ArchiveVersion version;
    private final Set<Path> spools = ConcurrentHashMap.newKeySet();
    private final Map<Integer, List<Spool>> ready = new HashMap<>();
    private final Set<Integer> claimed = ConcurrentHashMap.newKeySet();
    private List<TocEntry> dataOrder = List.of();
    private final Map<Integer, TocEntry> dataEntries = new HashMap<>();
    private int next;
    private volatile @Nullable ArchiveHeader header;
    private @Nullable Toc toc;
    private boolean finished;
    private boolean closed;

    /** One member waiting in a temporary file. */
    private record Spool(String name, Path file) {
    }

    /**
     * @param target      the archive file, or null for standard output
     * @param restrictKey the restore.sql {@code \restrict} key; null for a random one
     */
    public TarArchiveWriter(@Nullable Path target, WriterOptions options, @Nullable String restrictKey)
            throws IOException {
        this(target, null, options, restrictKey);
    }

    public TarArchiveWriter(@Nullable Path target, WriterOptions options) throws IOException {
        this(target, null, options, null);
    }

    /** Into {@code stream}, flushed but never closed (the caller's); members wait in the temporary folder. */
    public TarArchiveWriter(OutputStream stream, WriterOptions options) throws IOException {
        this(null, Objects.requireNonNull(stream, "stream"), options, null);
    }

    /** A file when {@code target} is given, else {@code stream}, else standard output. */
    private TarArchiveWriter(@Nullable Path target, @Nullable OutputStream stream, WriterOptions options,
            @Nullable String restrictKey) throws IOException {
        Objects.requireNonNull(options, "options");
        this.version = options.version();
        if (options.compression().method() != Compression.Method.NONE) {
            throw new UsageException("compression is not supported by tar archive format");
        }
        this.restrictKey = restrictKey;
        OutputStream sink;
        Path tmpdir = Path.of(System.getProperty("java.io.tmpdir"));
        if (target != null) {
            file = FileOutput.open(target, options.sync(), "could not open TOC file \"%s\" for output");
            // members wait next to the archive (same file system, same space), not in /dev for -f /dev/null
            spoolDir = Objects.requireNonNullElse(file.folder(), tmpdir);
            sink = new BufferedOutputStream(file.stream(), 1 << 16);
        } else {
            file = null;
            spoolDir = tmpdir;
            sink = new BufferedOutputStream(stream == null ? KeptOpen.stdout() : KeptOpen.of(stream), 1 << 16);
        }
        this.sink = sink;
        this.tar = TarMembers.output(sink);
    }

    @Override
    public synchronized void begin(ArchiveHeader header, Toc toc) throws IOException {
        if (this.header != null) {
            throw new IllegalStateException("begin called twice");
        }
        ArchiveHeader h = new ArchiveHeader(version, header.intSize(), header.offSize(),
                TocDat.FORMAT_CODE, Compression.NONE, header.info());
        List<TocEntry> order = new ArrayList<>();
        for (TocEntry e : toc.entries()) {
            if (e.hasData()) {
                if (dataEntries.put(e.dumpId(), e) != null) {
                    throw new IllegalArgumentException("duplicate dumpId " + e.dumpId() + " in TOC");
                }
                order.add(e);
            }
        }
        this.dataOrder = List.copyOf(order);
        java.io.ByteArrayOutputStream tocBytes = new java.io.ByteArrayOutputStream(1 << 14);
        TocDat.write(tocBytes, h, toc, TarArchiveWriter::fileName);
        appendMember(FileNames.TOC, tocBytes.toByteArray());
        this.toc = toc;
        this.header = h;
    }

    /** The TOC's file-name field in a tar archive: {@code <dumpId>.dat} for every entry with data, BLOBS too. */
    static String fileName(TocEntry e) {
        return e.hasData() ? FileNames.dataFile(e.dumpId()) : "";
    }


    @Override
    public OutputStream openData(TocEntry entry) throws IOException {
        TocEntry e = claim(entry);
        if (e.is(EntryKind.BLOBS)) {
            claimed.remove(e.dumpId());
            throw new IllegalArgumentException("TOC entry " + e.dumpId() + " is a BLOBS entry: use openLargeObjects");
        }
        Path file = spool();
        return new SpoolStream(Files.newOutputStream(file)) {
            @Override
            void done() throws IOException {
                complete(e.dumpId(), List.of(new Spool(FileNames.dataFile(e.dumpId()), file)));
            }
        };
    }

    /** The large objects of a BLOBS entry; closing the sink ends the entry (its list member follows its blobs). */
    @Override
    public LargeObjectSink openLargeObjects(TocEntry entry) throws IOException {
        TocEntry e = claim(entry);
        if (!e.is(EntryKind.BLOBS)) {
            claimed.remove(e.dumpId());
            throw new IllegalArgumentException("TOC entry " + e.dumpId() + " is not a BLOBS entry");
        }
        ArchiveHeader h = Objects.requireNonNull(header);
        Path listFile = spool();
        OutputStream list = new BufferedOutputStream(Files.newOutputStream(listFile));
        List<Spool> members = new ArrayList<>();
        return new LargeObjectSink() {
            private boolean sinkClosed;

            @Override
            public OutputStream openBlob(long oid) throws IOException {
                if (sinkClosed) {
                    throw new IllegalStateException("large objects of TOC entry " + e.dumpId() + " already closed");
                }
                Path file = spool();
                members.add(new Spool(FileNames.blobFile(oid), file));
                BlobsToc.writeLine(list, oid);
                return Files.newOutputStream(file);
            }

            @Override
            public void close() throws IOException {
                if (!sinkClosed) {
                    sinkClosed = true;
                    list.close();
                    members.add(new Spool(FileNames.blobsToc(e.dumpId(), h.version()), listFile));
                    complete(e.dumpId(), members);
                }
            }
        };
    }

    private TocEntry claim(TocEntry entry) {
        if (header == null) {
            throw new IllegalStateException("begin not called");
        }
        TocEntry e;
        synchronized (this) {
            if (finished || closed) {
                throw new IllegalStateException("archive already finished or closed");
            }
            e = dataEntries.get(entry.dumpId());
        }
        if (e == null) {
            throw new IllegalArgumentException("TOC entry " + entry.dumpId() + " has no data in this archive's TOC");
        }
        if (!claimed.add(e.dumpId())) {
            throw new IllegalStateException("data of TOC entry " + e.dumpId() + " written twice");
        }
        return e;
    }

    private Path spool() throws IOException {
        Path p = Files.createTempFile(spoolDir, ".pgdump4j-", ".member");
        p.toFile().deleteOnExit(); // a spool is deleted once appended; this covers a run ended by a signal
        spools.add(p);
        return p;
    }

    /** Records a finished entry and appends every entry that is now next in TOC order. */
    private synchronized void complete(int dumpId, List<Spool> members) throws IOException {
        if (closed) {
            return;
        }
        ready.put(dumpId, List.copyOf(members));
        while (next < dataOrder.size() && ready.containsKey(dataOrder.get(next).dumpId())) {
            for (Spool s : ready.remove(dataOrder.get(next).dumpId())) {
                appendMember(s.name(), s.file());
                Files.deleteIfExists(s.file());
                spools.remove(s.file());
            }
            next++;
        }
    }

    private void appendMember(String name, byte[] content) throws IOException {
        tar.putArchiveEntry(TarMembers.entry(name, content.length, System.currentTimeMillis()));
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private void appendMember(String name, Path file) throws IOException {
        tar.putArchiveEntry(TarMembers.entry(name, Files.size(file), System.currentTimeMillis()));
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }

    @Override
    public boolean supportsParallelData() {
        return true;
    }

    @Override
    public synchronized void finish() throws IOException {
        Toc t = toc;
        if (t == null) {
            throw new IllegalStateException("begin not called");
        }
        if (finished) {
            return;
        }
        if (next < dataOrder.size()) {
            List<Integer> missing = dataOrder.subList(next, dataOrder.size()).stream().map(TocEntry::dumpId)
                    .filter(id -> !ready.containsKey(id)).toList();
            throw new IllegalStateException("no data written for TOC entries " + missing);
        }
        Path script = spool();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(script))) {
            RestoreScript.write(Objects.requireNonNull(header), t, TarArchiveWriter::fileName, out, restrictKey,
                    ArchiveIO.CHARSET);
        }
        appendMember(FileNames.RESTORE_SCRIPT, script);
        Files.deleteIfExists(script);
        spools.remove(script);
        tar.finish();
        if (file != null) {
            tar.flush();
            sink.flush();
            file.commit();
        }
        tar.close();
        finished = true;
    }

    /** Without a successful {@link #finish}, removes the partial archive and every temporary file. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (finished) {
            return;
        }
        IOException failure = null;
        try {
            sink.close(); // not tar.close(): that would add the end-of-archive blocks
        } catch (IOException e) {
            failure = e;
        }
        for (Path p : spools) {
            Files.deleteIfExists(p);
        }
        if (file != null) {
            file.close();
        }
        if (failure != null && file == null) {
            throw failure;
        }
    }

    /** A member's temporary file; closing it hands the member over. */
    private abstract static class SpoolStream extends FilterOutputStream {
        private boolean streamClosed;

        SpoolStream(OutputStream out) {
            super(new BufferedOutputStream(out, 1 << 16));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        abstract void done() throws IOException;

        @Override
        public void close() throws IOException {
            if (!streamClosed) {
                streamClosed = true;
                out.close();
                done();
            }
        }
    }
}
