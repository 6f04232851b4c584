package org.pgdump4j.format.directory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.restore.ReaderExtras;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Reads a directory archive: {@code toc.dat} (also compressed by a user: {@code toc.dat.gz}, {@code .lz4},
 * {@code .zst}) up front, data files on demand in any order. As pg_restore, a file is found by trying its name,
 * then with {@code .gz}, {@code .lz4} and {@code .zst}; the suffix, not the header, selects the decompressor.
 * Every file name from the archive is checked by {@link FileNames#requireSafe} when the TOC is read, so nothing
 * outside the folder is ever opened. Thread-safe after construction (each call opens its own file).
 */
public final class DirectoryArchiveReader implements ArchiveReader, ReaderExtras {
    private static final String[] SUFFIXES = {"", ".gz", ".lz4", ".zst"};

    private final Path dir;
    private final TocDat.Contents contents;
    private final Map<Integer, TocEntry> byId = new HashMap<>();

    private DirectoryArchiveReader(Path dir, TocDat.Contents contents) {
        this.dir = dir;
        this.contents = contents;
        for (TocEntry e : contents.toc().entries()) {
            byId.put(e.dumpId(), e);
        }
    }

    /** Opens the archive in {@code dir} and reads its header and TOC. */
    public static DirectoryArchiveReader open(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new ArchiveFormatException("could not open input file \"" + dir + "\": Not a directory");
        }
        Located toc = locate(dir, FileNames.TOC).orElseThrow(() -> new ArchiveFormatException(
                "could not open input file \"" + dir.resolve(FileNames.TOC) + "\": No such file or directory"));
        TocDat.Contents contents;
        try (InputStream in = toc.open("header and TOC")) {
            contents = TocDat.read(in, toc.path().toString());
        }
        if (contents.header().formatCode() != TocDat.FORMAT_CODE) {
            throw new ArchiveFormatException("expected format (" + TocDat.FORMAT_CODE
                    + ") differs from format found in file (" + contents.header().formatCode() + ") in \""
                    + toc.path() + "\"");
        }
        for (TocEntry e : contents.toc().entries()) {
            String name = contents.fileName(e);
            if (!name.isEmpty()) {
                FileNames.requireSafe(name, FileNames.describe(e) + " of \"" + toc.path() + "\"");
            }
        }
        return new DirectoryArchiveReader(dir, contents);
    }

    /** True when {@code dir} is a folder holding {@code toc.dat} (possibly compressed). */
    public static boolean looksLikeArchive(Path dir) {
        return Files.isDirectory(dir) && locate(dir, FileNames.TOC).isPresent();
    }

    @Override
    public ArchiveHeader header() {
        return contents.header();
    }

    @Override
    public Toc toc() {
        return contents.toc();
    }

    /** The file-name field of an entry as toc.dat stores it ("" for entries without data). */
    public String fileName(TocEntry entry) {
        return contents.fileName(entry);
    }

    /** The folder this archive lives in. */
    public Path directory() {
        return dir;
    }

    /** An entry marked as having data but without a file name has none, as in pg_restore (no error). */
    @Override
    public InputStream openData(TocEntry entry) throws IOException {
        TocEntry e = known(entry);
        if (e.is(EntryKind.BLOBS)) {
            throw new IllegalArgumentException(FileNames.describe(e) + " is a BLOBS entry: use readBlobs");
        }
        if (fileName(e).isEmpty()) {
            return InputStream.nullInputStream();
        }
        return require(fileName(e), e).open("data of " + FileNames.describe(e));
    }

    /** Reads the large objects of a BLOBS entry in list order (none without a file name, as pg_restore). */
    public void readBlobs(TocEntry entry, Blobs.Consumer consumer) throws IOException {
        TocEntry e = known(entry);
        if (!e.is(EntryKind.BLOBS)) {
            throw new IllegalArgumentException(FileNames.describe(e) + " is not a BLOBS entry");
        }
        if (fileName(e).isEmpty()) {
            return;
        }
        Located list = require(fileName(e), e);
        try (InputStream in = list.open("large object list of " + FileNames.describe(e))) {
            BlobsToc.read(in, list.path().toString(), line -> {
                Located blob = require(line.file(), e);
                try (InputStream data = blob.open("large object " + Long.toUnsignedString(line.oid()) + " of "
                        + FileNames.describe(e))) {
                    consumer.accept(line.oid(), data);
                }
            });
        }
    }

    private TocEntry known(TocEntry entry) {
        TocEntry e = byId.get(entry.dumpId());
        if (e == null) {
            throw new IllegalArgumentException("TOC entry " + entry.dumpId() + " is not in this archive");
        }
        return e;
    }

    private Located require(String name, TocEntry e) {
        return locate(dir, name).orElseThrow(() -> new ArchiveFormatException("could not open input file \""
                + dir.resolve(name) + "\": No such file or directory (" + FileNames.describe(e) + ")"));
    }

    /** pg_restore's lookup: the name itself, then with each compression suffix. */
    static Optional<Located> locate(Path dir, String name) {
        FileNames.requireSafe(name, "\"" + dir + "\"");
        Compression.Method explicit = methodOfSuffix(name);
        if (explicit != null) {
            Path p = FileNames.resolve(dir, name);
            return Files.isRegularFile(p) ? Optional.of(new Located(p, explicit)) : Optional.empty();
        }
        for (String suffix : SUFFIXES) {
            Path p = FileNames.resolve(dir, name + suffix);
            if (Files.isRegularFile(p)) {
                return Optional.of(new Located(p, suffix.isEmpty() ? Compression.Method.NONE : methodOfSuffix(suffix)));
            }
        }
        return Optional.empty();
    }

    private static Compression.@Nullable Method methodOfSuffix(String name) {
        for (Compression.Method m : Compression.Method.values()) {
            if (!m.suffix().isEmpty() && name.endsWith(m.suffix())) {
                return m;
            }
        }
        return null;
    }

    /** A file found on disk and how it is compressed. */
    record Located(Path path, Compression.Method method) {
        InputStream open(String what) throws IOException {
            if (method != Compression.Method.NONE && Files.size(path) == 0) {
                // pg_dump's lz4 and zstd writers create no frame at all for empty content
                return InputStream.nullInputStream();
            }
            CountingInputStream raw = new CountingInputStream(Files.newInputStream(path));
            try {
                return new GuardedInputStream(raw, DataCodecs.decompress(method, raw), path.toString(), what);
            } catch (IOException e) {
                raw.close();
                throw new ArchiveFormatException("could not read " + what + " from \"" + path + "\": "
                        + FileNames.printable(String.valueOf(e.getMessage())), e);
            }
        }
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
        return true;
    }

    /** _PrepParallelRestore: the size of the entry's file as stored (compressed or not); 0 without one. */
    @Override
    public long dataLength(TocEntry entry) {
        String name = contents.fileName(entry);
        if (name.isEmpty()) {
            return 0;
        }
        try {
            Optional<Located> file = locate(dir, name);
            return file.isPresent() ? Files.size(file.get().path()) : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // only a priority: opening the file later reports the problem
        }
    }

    @Override
    public void close() {
        // nothing held open between calls
    }
}
