package org.pgdump4j.format.custom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.codec.ArchiveInput;
import org.pgdump4j.archive.codec.DataOffset;
import org.pgdump4j.archive.codec.HeaderCodec;
import org.pgdump4j.archive.codec.TocCodec;
import org.pgdump4j.compress.CompressionCodec;
import org.pgdump4j.compress.DecompressionException;
import org.pgdump4j.restore.ReaderExtras;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Reads a custom-format archive of any version pg_restore 18 reads (1.0–1.16), as pg_restore does
 * (archive-format.md 5.5): from a file with random access (real offsets are used; blocks without one are found by
 * scanning forward and remembered), or from a stream (stdin), where data must be requested in archive order.
 *
 * <p>Only one data stream is valid at a time: opening the next one invalidates the previous. Corrupt or truncated
 * input ends in an {@link ArchiveFormatException} naming the file, the TOC entry and the offset. Single-threaded.
 */
public final class CustomArchiveReader implements ArchiveReader, ReaderExtras {
    private final ArchiveInput in;
    private final ArchiveHeader header;
    private final Toc toc;
    private final DataOffsets offsets = new DataOffsets();
    /** Block positions found while scanning (dump id → position of the type byte). */
    private final Map<Integer, Long> found = new HashMap<>();
    private final CompressionCodec codec;
    /** Where a forward scan continues: the end of the last block read (initially the end of the TOC). */
    private long scanPos;
    private DataBlock.@Nullable ChunkInputStream current;
    /** The set data offsets in ascending order, for {@link #dataLength}; computed on first use. */
    private long @Nullable [] blockStarts;
    private @Nullable Runnable currentEnd;

    /**
     * Opens {@code file} for random access. The TOC stays in the file ({@link StoredToc}): it is checked in full now,
     * and its entries are read again from the file whenever they are iterated, so its size is not bounded by memory.
     */
    public static CustomArchiveReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new CustomArchiveReader(ArchiveInput.of(ch, file.toString()), ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Reads a stream sequentially; {@code name} is used in messages (pg_restore says "stdin"). The TOC is held in
     * memory, as pg_restore holds it.
     */
    public static CustomArchiveReader open(InputStream stream, String name) throws IOException {
        return new CustomArchiveReader(ArchiveInput.of(stream, name), null);
    }

    private CustomArchiveReader(ArchiveInput in, @Nullable FileChannel file) throws IOException {
        this.in = in;
        this.header = HeaderCodec.read(in, HeaderCodec.FORMAT_CUSTOM);
        if (file == null) {
            List<TocCodec.Item<DataOffset>> items = TocCodec.read(in, header, TocCodec.OFFSET);
            for (TocCodec.Item<DataOffset> item : items) {
                offsets.put(item.entry().dumpId(), item.extra());
            }
            this.toc = TocCodec.toc(header, items);
        } else {
            long[] positions = TocCodec.scan(in, TocCodec.OFFSET, (dumpId, offset) -> offsets.put(dumpId, offset));
            this.toc = new Toc(header.info(), new StoredToc(file, in.name(), header, positions));
        }
        this.scanPos = in.position();
        try {
            this.codec = header.compression().codec();
        } catch (RuntimeException e) {
            throw new ArchiveFormatException("unsupported compression in \"" + in.name() + "\"", e);
        }
    }

    @Override
    public ArchiveHeader header() {
        return header;
    }

    @Override
    public Toc toc() {
        return toc;
    }

    @Override
    public boolean isRandomAccess() {
        return in.isSeekable();
    }

    /** The offset recorded in the TOC for an entry. */
    public DataOffset offset(TocEntry entry) {
        DataOffset o = offsets.get(entry.dumpId());
        if (o == null) {
            throw new IllegalArgumentException("TOC entry " + entry.dumpId() + " is not in this archive");
        }
        return o;
    }

    @Override
    public Optional<String> verboseTocLine(TocEntry entry) {
        return Optional.of("-- Data Pos: " + offset(entry).position());
    }

    /**
     * _PrepParallelRestore: from an entry's offset to the next block's (or the end of the file), when the offsets are
     * known and the file seekable; 0 otherwise.
     */
    @Override
    public long dataLength(TocEntry entry) {
        DataOffset off = offsets.get(entry.dumpId());
        if (off == null || !off.isSet() || !in.isSeekable()) {
            return 0;
        }
        if (blockStarts == null) {
            blockStarts = offsets.setPositions();
        }
        long[] starts = blockStarts;
        int at = Arrays.binarySearch(starts, off.position());
        try {
            long end = at >= 0 && at + 1 < starts.length ? starts[at + 1] : in.size();
            return Math.max(0, end - off.position());
        } catch (IOException e) {
            return 0;
        }
    }

    private String describe(TocEntry e) {
        return "TOC entry " + e.dumpId() + " \"" + e.tag() + "\"";
    }

    /** Finishes the previous block (sequential input must stay at block boundaries). */
    private void endCurrent() throws IOException {
        if (current != null) {
            DataBlock.ChunkInputStream c = current;
            Runnable end = currentEnd;
            current = null;
            currentEnd = null;
            if (!in.isSeekable() || end != null) {
                c.skipRest();
                if (end != null) {
                    end.run();
                }
            }
        }
    }

    /**
     * Positions the input just after the block header (type byte and dump id) of {@code e}'s block; returns its
     * type, or -1 when the entry has no data block.
     */
    private int locate(TocEntry e) throws IOException {
        endCurrent();
        in.context(describe(e));
        DataOffset off = offset(e);
        if (!off.hasData()) {
            return -1;
        }
        Long pos = off.isSet() && in.isSeekable() ? Long.valueOf(off.position()) : found.get(e.dumpId());
        if (pos != null && in.isSeekable()) {
            if (pos >= in.size()) {
                throw in.corruptAt("data offset " + pos + " is beyond the end of the file", 0);
            }
            in.seek(pos);
            int type = in.readByte();
            long ipos = in.position();
            int id = in.readInt("block id");
            if (id != e.dumpId()) {
                throw in.corruptAt("found unexpected block ID (" + id + ") when reading data -- expected "
                        + e.dumpId(), ipos);
            }
            checkType(type, pos);
            return type;
        }
        // scan forward
        if (in.isSeekable()) {
            in.seek(scanPos);
        }
        while (true) {
            long bpos = in.position();
            int type = in.readByteOrEof();
            if (type < 0) {
                throw in.corruptAt("could not find block ID " + e.dumpId() + " in archive -- "
                        + (in.isSeekable() ? "possibly corrupt archive"
                        : "possibly due to out-of-order restore request, which cannot be handled due to "
                        + "non-seekable input file"), bpos);
            }
            int id = in.readInt("block id");
            checkType(type, bpos);
            found.put(id, bpos);
            if (id == e.dumpId()) {
                return type;
            }
            skipBlock(type);
            scanPos = in.position();
        }
    }

    private void checkType(int type, long pos) {
        if (type != DataBlock.BLK_DATA && type != DataBlock.BLK_BLOBS && type != DataBlock.BLK_BLOB) {
            throw in.corruptAt("unrecognized data block type " + type + " while searching archive", pos);
        }
    }

    private void skipBlock(int type) throws IOException {
        if (type == DataBlock.BLK_BLOBS) {
            while (true) {
                long oid = in.readIntLong();
                if (oid == 0) {
                    return;
                }
                new DataBlock.ChunkInputStream(in).skipRest();
            }
        }
        new DataBlock.ChunkInputStream(in).skipRest();
    }

    private void blockEnded() {
        if (in.isSeekable()) {
            try {
                scanPos = Math.max(scanPos, in.position());
            } catch (RuntimeException e) {
                // position is always available
            }
        }
    }

    @Override
    public InputStream openData(TocEntry entry) throws IOException {
        int type = locate(entry);
        if (type < 0) {
            return InputStream.nullInputStream();
        }
        if (type == DataBlock.BLK_BLOBS) {
            if (entry.is(EntryKind.BLOBS)) {
                throw new IllegalArgumentException(describe(entry) + " is a BLOBS entry: use readLargeObjects");
            }
            throw in.corrupt("found a large-object block for " + describe(entry));
        }
        if (type == DataBlock.BLK_BLOB) {
            // archives before 1.3 stored one large object per block: Int oid, then chunks
            in.readIntLong();
        }
        DataBlock.ChunkInputStream chunks = new DataBlock.ChunkInputStream(in);
        current = chunks;
        currentEnd = this::blockEnded;
        return guard(entry, codec.decompressBlock(chunks), chunks);
    }

    @Override
    public void readLargeObjects(TocEntry blobs, LargeObjectConsumer consumer) throws IOException {
        int type = locate(blobs);
        if (type < 0) {
            return;
        }
        if (type != DataBlock.BLK_BLOBS) {
            throw in.corrupt("expected a large-object block for " + describe(blobs) + ", found type " + type);
        }
        String objectContext = describe(blobs) + ", large object";
        while (true) {
            long opos = in.position();
            long oid = in.readIntLong();
            if (oid == 0) {
                break;
            }
            if (oid < 0 || oid > 0xFFFFFFFFL) {
                throw in.corruptAt("invalid large object OID " + oid, opos);
            }
            in.context(objectContext, oid, -1);
            DataBlock.ChunkInputStream chunks = new DataBlock.ChunkInputStream(in);
            current = chunks;
            currentEnd = null;
            try (InputStream data = guard(blobs, codec.decompressBlock(chunks), chunks)) {
                consumer.accept(oid, data);
            }
            current = null;
            chunks.skipRest();
            in.context(describe(blobs));
        }
        blockEnded();
    }

    /** Turns decompression and read failures into {@link ArchiveFormatException}s naming entry and offset. */
    private InputStream guard(TocEntry e, InputStream data, DataBlock.ChunkInputStream chunks) {
        return new FilterInputStream(data) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (PgDumpException ex) {
                    throw ex;
                } catch (IOException | RuntimeException ex) {
                    throw fail(ex);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (PgDumpException ex) {
                    throw ex;
                } catch (IOException | RuntimeException ex) {
                    throw fail(ex);
                }
            }

            private ArchiveFormatException fail(Exception ex) {
                if (ex instanceof DecompressionException refused) {
                    return CustomArchiveReader.this.in.corrupt(refused.getMessage());
                }
                String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                return CustomArchiveReader.this.in.corrupt("could not decompress data (" + codec.method().word() + "): " + why);
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } catch (IOException | RuntimeException ex) {
                    // decompressor cleanup only; the chunks are skipped by the reader
                }
                if (current == chunks && !CustomArchiveReader.this.in.isSeekable()) {
                    endCurrent();
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
