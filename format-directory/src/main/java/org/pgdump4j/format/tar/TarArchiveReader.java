package org.pgdump4j.format.tar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.restore.ReaderExtras;
import org.pgdump4j.format.directory.Blobs;
import org.pgdump4j.format.directory.FileNames;
import org.pgdump4j.format.directory.TocDat;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Reads a tar archive ({@code -Ft}). A file is read through a seekable Commons Compress {@code TarFile}, so data
 * can be read in any order; standard input (or any stream) through a {@code TarArchiveInputStream}, strictly in
 * archive order, as pg_restore does. The first member must be {@code toc.dat}.
 */
public final class TarArchiveReader implements ArchiveReader, ReaderExtras {
    private final TocDat.Contents contents;
    private final TarSource source;
    private final Map<Integer, TocEntry> byId = new HashMap<>();

    private TarArchiveReader(TocDat.Contents contents, TarSource source) {
        this.contents = contents;
        this.source = source;
        for (TocEntry e : contents.toc().entries()) {
            byId.put(e.dumpId(), e);
        }
    }

    /** Opens a tar archive file and reads its header and TOC. */
    public static TarArchiveReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new ArchiveFormatException("could not open input file \"" + file + "\": No such file");
        }
        requireTarHeader(file);
        return open(SeekableTarSource.open(file));
    }

    /** Reads a tar archive from a stream (standard input: {@code name} "-"), data strictly in archive order. */
    public static TarArchiveReader open(InputStream in, String name) throws IOException {
        return open(new StreamingTarSource(in, name));
    }

    private static TarArchiveReader open(TarSource source) throws IOException {
        try {
            TocDat.Contents contents;
            try (InputStream in = source.first(FileNames.TOC)) {
                contents = TocDat.read(in, source.name() + ":" + FileNames.TOC);
            }
            if (contents.header().formatCode() != TocDat.FORMAT_CODE) {
                throw new ArchiveFormatException("expected format (" + TocDat.FORMAT_CODE
                        + ") differs from format found in file (" + contents.header().formatCode() + ") in \""
                        + source.name() + "\"");
            }
            for (TocEntry e : contents.toc().entries()) {
                String n = contents.fileName(e);
                if (!n.isEmpty()) {
                    FileNames.requireSafe(n, FileNames.describe(e) + " of \"" + source.name() + "\"");
                }
            }
            return new TarArchiveReader(contents, source);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static void requireTarHeader(Path file) throws IOException {
        byte[] block = new byte[TarMembers.BLOCK];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(block, 0, block.length);
        }
        if (!TarMembers.isTarHeader(block, n)) {
            throw new ArchiveFormatException("input file \"" + file + "\" does not appear to be a valid tar archive"
                    + (n < TarMembers.BLOCK ? " (too short)" : ""));
        }
    }

    @Override
    public ArchiveHeader header() {
        return contents.header();
    }

    @Override
    public Toc toc() {
        return contents.toc();
    }

    /** The file-name field of an entry as toc.dat stores it ({@code <dumpId>.dat}, or "" without data). */
    public String fileName(TocEntry entry) {
        return contents.fileName(entry);
    }

    @Override
    public InputStream openData(TocEntry entry) throws IOException {
        TocEntry e = known(entry);
        if (e.is(EntryKind.BLOBS)) {
            throw new IllegalArgumentException(FileNames.describe(e) + " is a BLOBS entry: use readBlobs");
        }
        if (fileName(e).isEmpty()) {
            return InputStream.nullInputStream(); // marked as having data, but no member: none, as pg_restore
        }
        return source.open(fileName(e), "data of " + FileNames.describe(e));
    }

    /**
     * Reads the large objects of a BLOBS entry. From a file they are the members its list
     * ({@code blobs_<dumpId>.toc}, or {@code blobs.toc} before 1.16) names; from a stream, as in pg_restore, the
     * {@code blob_<oid>.dat} members that come next, up to that list.
     */
    public void readBlobs(TocEntry entry, Blobs.Consumer consumer) throws IOException {
        TocEntry e = known(entry);
        if (!e.is(EntryKind.BLOBS)) {
            throw new IllegalArgumentException(FileNames.describe(e) + " is not a BLOBS entry");
        }
        if (fileName(e).isEmpty()) {
            return;
        }
        source.blobs(FileNames.blobsToc(e.dumpId(), header().version()), FileNames.describe(e), consumer);
    }


    private TocEntry known(TocEntry entry) {
        TocEntry e = byId.get(entry.dumpId());
        if (e == null) {
            throw new IllegalArgumentException("TOC entry " + entry.dumpId() + " is not in this archive");
        }
        return e;
    }

    /** pg_restore -v's {@code -- File: 3372.dat} line, for entries with a file. */
    @Override
    public Optional<String> verboseTocLine(TocEntry entry) {
        String name = contents.fileName(entry);
        return name.isEmpty() ? Optional.empty() : Optional.of("-- File: " + name);
    }

    @Override
    public void readLargeObjects(TocEntry blobs, LargeObjectConsumer consumer) throws IOException {
        readBlobs(blobs, consumer::accept);
    }

    @Override
    public boolean isRandomAccess() {
        return source.isRandomAccess();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
