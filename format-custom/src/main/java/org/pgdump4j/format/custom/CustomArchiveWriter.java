package org.pgdump4j.format.custom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveWriter;
import org.pgdump4j.archive.LargeObjectSink;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.archive.codec.ArchiveIO;
import org.pgdump4j.archive.codec.ArchiveOutput;
import org.pgdump4j.archive.codec.DataOffset;
import org.pgdump4j.archive.codec.HeaderCodec;
import org.pgdump4j.archive.codec.TocCodec;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.compress.CompressionCodec;
import org.pgdump4j.compress.PipelinedOutputStream;
import org.pgdump4j.io.KeptOpen;
import org.pgdump4j.io.FileOutput;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Writes a custom-format archive as pg_dump does (archive-format.md 5.4): header and TOC first, with every data
 * entry's offset "not set"; then one data block per data entry in the order {@link #openData} /
 * {@link #openLargeObjects} are called; at {@link #finish} a seekable output gets the TOC rewritten in place with
 * the real block positions. A file target is written to a temporary sibling, synced and renamed on finish
 * ({@link FileOutput}); {@link #close} without finish deletes it. A stream target (stdout, and a device or FIFO
 * named by {@code -f}) keeps the "not set" flags and is read back sequentially.
 *
 * <p>Compressed data is compressed on a second thread ({@link PipelinedOutputStream}) while the caller produces it.
 * Data entries never opened get an empty block at finish. Single-threaded API: one data stream open at a time.
 */
public final class CustomArchiveWriter implements ArchiveWriter {
    private final @Nullable FileOutput file;
    private final WriterOptions options;
    private final ArchiveOutput out;
    private @Nullable ArchiveHeader header;
    private List<TocEntry> entries = List.of();
    private final Map<Integer, DataOffset> offsets = new HashMap<>();
    private final Map<Integer, TocEntry> byId = new HashMap<>();
    private long tocStart;
    private boolean dataOpen;
    private boolean finished;
    private boolean closed;

    /**
     * Writes {@code target}: a file through a temporary sibling, a device or FIFO in place (as a stream).
     *
     * @throws org.pgdump4j.PgDumpException {@code could not open output file "x": ...}, before anything is written
     */
    public CustomArchiveWriter(Path target, WriterOptions options) throws IOException {
        this.options = Objects.requireNonNull(options);
        this.file = FileOutput.open(target, options.sync(), "could not open output file \"%s\"");
        this.out = file.seekable() ? ArchiveOutput.of(file.channel()) : ArchiveOutput.of(file.stream());
    }

    /** Writes to a stream (stdout, a pipe): no offsets, not closed by {@link #close()} beyond a flush. */
    public CustomArchiveWriter(OutputStream stream, WriterOptions options) {
        this.file = null;
        this.options = Objects.requireNonNull(options);
        this.out = ArchiveOutput.of(KeptOpen.of(stream));
    }

    /** The header actually written: the given info with the options' version and compression. */
    public ArchiveHeader header() {
        return Objects.requireNonNull(header, "begin() not called");
    }

    @Override
    public void begin(ArchiveHeader given, Toc toc) throws IOException {
        if (header != null) {
            throw new IllegalStateException("begin() called twice");
        }
        header = new ArchiveHeader(options.version(), ArchiveIO.INT_SIZE, ArchiveIO.OFF_SIZE,
                HeaderCodec.FORMAT_CUSTOM, options.compression(), given.info());
        entries = toc.entries();
        for (TocEntry e : entries) {
            if (byId.put(e.dumpId(), e) != null) {
                throw new IllegalArgumentException("duplicate dump id " + e.dumpId() + " in TOC");
            }
            offsets.put(e.dumpId(), e.hasData() ? DataOffset.UNKNOWN : DataOffset.NONE);
        }
        HeaderCodec.write(out, header);
        tocStart = out.position();
        writeToc();
    }

    private void writeToc() throws IOException {
        List<TocCodec.Item<DataOffset>> items = new ArrayList<>(entries.size());
        for (TocEntry e : entries) {
            DataOffset off = offsets.get(e.dumpId());
            // a pipe cannot get real offsets: keep "not set" as pg_dump does
            items.add(new TocCodec.Item<>(e, out.isSeekable() ? off : (off.isSet() ? DataOffset.UNKNOWN : off)));
        }
        TocCodec.write(out, header().version(), items, TocCodec.OFFSET);
    }

    private TocEntry dataEntry(TocEntry entry) {
        if (header == null || finished || closed) {
            throw new IllegalStateException("archive is not open for data");
        }
        if (dataOpen) {
            throw new IllegalStateException("another data stream is still open");
        }
        TocEntry e = byId.get(entry.dumpId());
        if (e == null || !e.hasData()) {
            throw new IllegalArgumentException("TOC entry " + entry.dumpId() + " is not a data entry of this archive");
        }
        if (offsets.get(e.dumpId()).isSet()) {
            throw new IllegalStateException("data of TOC entry " + e.dumpId() + " already written");
        }
        return e;
    }

    private void startBlock(TocEntry e, int type) throws IOException {
        offsets.put(e.dumpId(), DataOffset.at(out.position()));
        out.writeByte(type);
        out.writeInt(e.dumpId());
        dataOpen = true;
    }

    private CompressionCodec codec() {
        return header().compression().codec();
    }

    @Override
    public OutputStream openData(TocEntry entry) throws IOException {
        TocEntry e = dataEntry(entry);
        if (e.is(EntryKind.BLOBS)) {
            throw new IllegalArgumentException("TOC entry " + e.dumpId() + " is a BLOBS entry: use openLargeObjects");
        }
        startBlock(e, DataBlock.BLK_DATA);
        return stream(true, () -> {
            out.writeInt(0);
            dataOpen = false;
        });
    }

    @Override
    public LargeObjectSink openLargeObjects(TocEntry entry) throws IOException {
        TocEntry e = dataEntry(entry);
        startBlock(e, DataBlock.BLK_BLOBS);
        return new LargeObjectSink() {
            private boolean blobOpen;
            private boolean done;

            @Override
            public OutputStream openBlob(long oid) throws IOException {
                if (done || blobOpen) {
                    throw new IllegalStateException("large object stream still open or sink closed");
                }
                if (oid <= 0 || oid > 0xFFFFFFFFL) {
                    throw new IllegalArgumentException("invalid large object oid " + oid);
                }
                out.writeInt(oid);
                blobOpen = true;
                return stream(false, () -> {
                    out.writeInt(0);
                    blobOpen = false;
                });
            }

            @Override
            public void close() throws IOException {
                if (!done) {
                    if (blobOpen) {
                        throw new IllegalStateException("large object stream still open");
                    }
                    done = true;
                    out.writeInt(0);
                    dataOpen = false;
                }
            }
        };
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Compressor → chunks → archive; the terminator action runs after the compressor's last chunk. */
    private OutputStream stream(boolean pipelined, IoAction end) throws IOException {
        DataBlock.ChunkOutputStream chunks = new DataBlock.ChunkOutputStream(out);
        OutputStream compressor = codec().compressBlock(chunks);
        OutputStream tail = new OutputStream() {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                compressor.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                compressor.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    compressor.close();
                    chunks.close();
                    end.run();
                }
            }
        };
        if (pipelined && header().compression().method() != Compression.Method.NONE) {
            return new PipelinedOutputStream(tail);
        }
        return tail;
    }


    @Override
    public void finish() throws IOException {
        if (header == null) {
            throw new IllegalStateException("begin() not called");
        }
        if (finished) {
            return;
        }
        if (dataOpen) {
            throw new IllegalStateException("a data stream is still open");
        }
        for (TocEntry e : entries) {
            if (e.hasData() && !offsets.get(e.dumpId()).isSet()) {
                if (e.is(EntryKind.BLOBS)) {
                    openLargeObjects(e).close();
                } else {
                    openData(e).close();
                }
            }
        }
        // the offsets are all the rewrite changes: an archive without data (-s) already has its final TOC
        if (out.isSeekable() && entries.stream().anyMatch(TocEntry::hasData)) {
            long end = out.position();
            out.seek(tocStart);
            writeToc();
            out.seek(end);
        }
        out.flush();
        if (file != null) {
            file.commit();
        }
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } finally {
            if (file != null) {
                file.close(); // without finish: deletes the temporary file
            }
        }
    }
}
