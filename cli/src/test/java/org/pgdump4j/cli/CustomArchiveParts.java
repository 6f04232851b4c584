package org.pgdump4j.cli;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Supplier;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.codec.ArchiveOutput;
import org.pgdump4j.archive.codec.DataOffset;
import org.pgdump4j.archive.codec.HeaderCodec;
import org.pgdump4j.archive.codec.TocCodec;
import org.pgdump4j.toc.TocEntry;

/**
 * Writes custom-format archives from parts, with our own codec classes, for archives no writer makes (a zstd frame
 * with a huge window, a million TOC entries): the header, the entries (streamed, never held in a list), then one
 * data block per data entry whose contents the caller writes. Offsets are "not set", as pg_dump writes to a pipe:
 * readers find the blocks by scanning.
 */
final class CustomArchiveParts {
    /** Data block types (archive-format.md 5.2). */
    static final int BLK_DATA = 1;
    static final int BLK_BLOBS = 3;

    /** Writes what follows a block's type byte and dump id: chunks and the terminator(s). */
    interface BlockBody {
        /** @return the block type, after writing its body */
        int write(TocEntry entry, ArchiveOutput body) throws IOException;
    }

    private CustomArchiveParts() {
    }

    /**
     * @param entries called twice: once for the TOC, once for the data blocks
     * @param count   how many entries {@code entries} yields
     */
    static void write(Path file, ArchiveHeader header, int count, Supplier<Iterator<TocEntry>> entries,
            BlockBody blocks) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ArchiveOutput out = ArchiveOutput.of(os);
            HeaderCodec.write(out, header);
            out.writeInt(count);
            int written = 0;
            for (Iterator<TocEntry> it = entries.get(); it.hasNext(); written++) {
                TocEntry e = it.next();
                TocCodec.writeEntry(out, header.version(), e);
                TocCodec.OFFSET.write(out, header.version(), e.hasData() ? DataOffset.UNKNOWN : DataOffset.NONE);
            }
            if (written != count) {
                throw new IllegalArgumentException(written + " entries, not " + count);
            }
            for (Iterator<TocEntry> it = entries.get(); it.hasNext(); ) {
                TocEntry e = it.next();
                if (!e.hasData()) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ArchiveOutput body = ArchiveOutput.of(bytes);
                int type = blocks.write(e, body);
                body.flush();
                out.writeByte(type);
                out.writeInt(e.dumpId());
                out.write(bytes.toByteArray());
            }
            out.flush();
        }
    }

    /** One chunk ({@code Int length, bytes}); empty data writes nothing. */
    static void chunk(ArchiveOutput out, byte[] data) throws IOException {
        if (data.length > 0) {
            out.writeInt(data.length);
            out.write(data);
        }
    }

    /** The {@code Int 0} that ends a chunk sequence (and a BLOBS block's list of objects). */
    static void end(ArchiveOutput out) throws IOException {
        out.writeInt(0);
    }
}
