package org.pgdump4j.format.directory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveWriter;
import org.pgdump4j.archive.LargeObjectSink;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.compress.PipelinedOutputStream;
import org.pgdump4j.io.FileOutput;
import org.pgdump4j.io.Folders;
import org.pgdump4j.io.Fsync;
import org.pgdump4j.io.PartialFiles;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Writes a directory archive ({@code -Fd}): {@code toc.dat}, one {@code <dumpId>.dat[.gz|.lz4|.zst]} per data
 * entry, and per BLOBS entry one {@code blob_<oid>.dat[...]} per large object plus the list
 * {@code blobs_<dumpId>.toc} ({@code blobs.toc} for archives before 1.16).
 *
 * <p>Everything is written into a hidden sibling folder that {@link #finish} syncs (every file and the folder, or
 * one syncfs, as {@link WriterOptions#sync()} says) and renames to the target, then the parent folder is synced, so
 * a failed dump never leaves a folder that looks like a complete archive; {@link #close} without {@code finish}
 * deletes it. A target that is a symbolic link to an empty folder gets the archive in that folder. As pg_dump,
 * the target must not exist or be an empty folder. Data files are independent, so entries may
 * be written by several threads at once ({@link #supportsParallelData}).
 */
public final class DirectoryArchiveWriter implements ArchiveWriter {
    private final Path target;
    /** Where the archive is renamed to: the target, or the folder a link there points to. */
    private final Path destination;
    private final Path work;
    private final WriterOptions options;
    private final Map<Integer, TocEntry> dataEntries = new LinkedHashMap<>();
    private final Map<Integer, Boolean> done = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> open = new ConcurrentHashMap<>();
    private volatile @Nullable ArchiveHeader header;
    private boolean finished;
    private boolean closed;

    /** Checks the target as pg_dump does and creates the hidden work folder next to it. */
    public DirectoryArchiveWriter(Path target, WriterOptions options) throws IOException {
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        checkTarget(target);
        this.destination = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
        Path parent = destination.getParent();
        String base = destination.getFileName() == null ? "archive" : destination.getFileName().toString();
        Path created;
        try {
            created = Files.createTempDirectory(parent, "." + base + ".pgdump4j-");
        } catch (NoSuchFileException e) {
            throw new PgDumpException("could not create directory \"" + target + "\": No such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new PgDumpException("could not create directory \"" + target + "\": Permission denied", e);
        }
        this.work = created;
        PartialFiles.deleteOnExit(work);
        try {
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default
        }
    }

    /** pg_dump's rule: the target may be missing or an empty folder; error texts as pg_dump 18 prints them. */
    static void checkTarget(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = target.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new UsageException("could not create directory \"" + target + "\": No such file or directory");
            }
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new UsageException("could not open directory \"" + target + "\": Not a directory");
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target)) {
            if (ds.iterator().hasNext()) {
                throw new UsageException("directory \"" + target + "\" is not empty");
            }
        } catch (NotDirectoryException e) {
            throw new UsageException("could not open directory \"" + target + "\": Not a directory", e);
        }
    }

    /** The folder being written (renamed to the target by {@link #finish}). */
    Path workFolder() {
        return work;
    }

    @Override
    public synchronized void begin(ArchiveHeader header, Toc toc) throws IOException {
        if (this.header != null) {
            throw new IllegalStateException("begin called twice");
        }
        ArchiveHeader h = new ArchiveHeader(options.version(), header.intSize(), header.offSize(),
                TocDat.FORMAT_CODE, options.compression(), header.info());
        for (TocEntry e : toc.entries()) {
            if (e.hasData() && dataEntries.put(e.dumpId(), e) != null) {
                throw new IllegalArgumentException("duplicate dumpId " + e.dumpId() + " in TOC");
            }
        }
        try (OutputStream out = Files.newOutputStream(work.resolve(FileNames.TOC))) {
            TocDat.write(out, h, toc, e -> fileName(e, h));
        }
        this.header = h;
    }

    /** The TOC's file-name field: {@code <id>.dat} for data, the list name for BLOBS, "" for the rest. */
    static String fileName(TocEntry e, ArchiveHeader h) {
        if (!e.hasData()) {
            return "";
        }
        return e.is(EntryKind.BLOBS) ? FileNames.blobsToc(e.dumpId(), h.version()) : FileNames.dataFile(e.dumpId());
    }


    @Override
    public OutputStream openData(TocEntry entry) throws IOException {
        TocEntry e = claim(entry);
        if (e.is(EntryKind.BLOBS)) {
            open.remove(e.dumpId());
            throw new IllegalArgumentException("TOC entry " + e.dumpId() + " is a BLOBS entry: use openLargeObjects");
        }
        Path file = work.resolve(FileNames.dataFile(e.dumpId()) + options.compression().method().suffix());
        OutputStream data = DataCodecs.compress(options.compression(), Files.newOutputStream(file));
        // compress on a second thread while the caller reads COPY rows, so one dump uses both cores
        if (options.compression().method() != Compression.Method.NONE) {
            data = new PipelinedOutputStream(data);
        }
        return new EntryStream(data, e.dumpId());
    }

    /** The large objects of a BLOBS entry; closing the sink writes its list and ends the entry. */
    @Override
    public LargeObjectSink openLargeObjects(TocEntry entry) throws IOException {
        TocEntry e = claim(entry);
        if (!e.is(EntryKind.BLOBS)) {
            open.remove(e.dumpId());
            throw new IllegalArgumentException("TOC entry " + e.dumpId() + " is not a BLOBS entry");
        }
        ArchiveHeader h = Objects.requireNonNull(header);
        OutputStream list = Files.newOutputStream(work.resolve(FileNames.blobsToc(e.dumpId(), h.version())));
        Compression compression = options.compression();
        return new LargeObjectSink() {
            private boolean sinkClosed;

            @Override
            public OutputStream openBlob(long oid) throws IOException {
                if (sinkClosed) {
                    throw new IllegalStateException("large objects of TOC entry " + e.dumpId() + " already closed");
                }
                Path file = work.resolve(FileNames.blobFile(oid) + compression.method().suffix());
                OutputStream out = DataCodecs.compress(compression,
                        Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW));
                BlobsToc.writeLine(list, oid);
                return out;
            }

            @Override
            public void close() throws IOException {
                if (!sinkClosed) {
                    sinkClosed = true;
                    list.close();
                    complete(e.dumpId());
                }
            }
        };
    }

    private TocEntry claim(TocEntry entry) {
        if (header == null) {
            throw new IllegalStateException("begin not called");
        }
        if (finished || closed) {
            throw new IllegalStateException("archive already finished or closed");
        }
        TocEntry e = dataEntries.get(entry.dumpId());
        if (e == null) {
            throw new IllegalArgumentException("TOC entry " + entry.dumpId() + " has no data in this archive's TOC");
        }
        if (done.containsKey(e.dumpId()) || open.putIfAbsent(e.dumpId(), Boolean.TRUE) != null) {
            throw new IllegalStateException("data of TOC entry " + e.dumpId() + " written twice");
        }
        return e;
    }

    private void complete(int dumpId) {
        open.remove(dumpId);
        done.put(dumpId, Boolean.TRUE);
    }

    @Override
    public boolean supportsParallelData() {
        return true;
    }

    @Override
    public synchronized void finish() throws IOException {
        if (header == null) {
            throw new IllegalStateException("begin not called");
        }
        if (finished) {
            return;
        }
        List<Integer> missing = new ArrayList<>();
        for (Integer id : dataEntries.keySet()) {
            if (!done.containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no data written for TOC entries " + missing);
        }
        publish();
        finished = true;
    }

    private void publish() throws IOException {
        checkTarget(target);
        sync();
        try {
            Files.move(work, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // an empty target folder that this file system does not replace on rename
            Files.delete(destination);
            Files.move(work, destination, StandardCopyOption.ATOMIC_MOVE);
        }
        PartialFiles.forget(work);
        if (options.sync().enabled()) {
            Path parent = destination.getParent();
            try {
                Fsync.directory(parent);
            } catch (IOException e) {
                throw FileOutput.fsyncFailed(parent, e);
            }
        }
    }

    /** pg_dump's sync_dir_recurse (or syncfs) of the work folder; messages name the file under the target. */
    private void sync() {
        try {
            switch (options.sync()) {
                case FSYNC -> Fsync.tree(work);
                case SYNCFS -> Fsync.fileSystem(work);
                case NONE -> {
                }
            }
        } catch (FileSystemException e) {
            Path failed = e.getFile() == null ? work : Path.of(e.getFile());
            throw FileOutput.fsyncFailed(failed.startsWith(work) ? target.resolve(work.relativize(failed)) : failed, e);
        } catch (IOException e) {
            throw FileOutput.fsyncFailed(target, e);
        }
    }

    /** Without a successful {@link #finish}, deletes everything written. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!finished) {
            Folders.deleteTree(work);
            PartialFiles.forget(work);
        }
    }

    /** The stream of one data file; closing it ends the entry. */
    private final class EntryStream extends FilterOutputStream {
        private final int dumpId;
        private boolean streamClosed;

        EntryStream(OutputStream out, int dumpId) {
            super(out);
            this.dumpId = dumpId;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (!streamClosed) {
                streamClosed = true;
                out.close();
                complete(dumpId);
            }
        }
    }
}
