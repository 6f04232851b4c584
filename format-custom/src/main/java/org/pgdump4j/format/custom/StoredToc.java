package org.pgdump4j.format.custom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.codec.ArchiveInput;
import org.pgdump4j.archive.codec.TocCodec;
import org.pgdump4j.toc.StoredEntries;
import org.pgdump4j.toc.TocEntry;

/**
 * A custom archive file's TOC left in the file: only each entry's position is held (8 bytes an entry), and entries
 * are parsed again when iterated (sequentially, one buffer) or fetched. The file was read once in full when the
 * reader opened it, so a later failure here means the file changed underneath.
 */
final class StoredToc extends StoredEntries {
    private final FileChannel channel;
    private final String name;
    private final ArchiveHeader header;
    private final long[] positions;
    private ArchiveInput random;

    StoredToc(FileChannel channel, String name, ArchiveHeader header, long[] positions) {
        this.channel = channel;
        this.name = name;
        this.header = header;
        this.positions = positions;
    }

    private ArchiveInput input(long position) throws IOException {
        ArchiveInput in = ArchiveInput.of(new PositionalChannel(channel, position), name);
        in.configure(header.version(), header.intSize(), header.offSize());
        return in;
    }

    @Override
    public int size() {
        return positions.length;
    }

    @Override
    public TocEntry get(int index) {
        long position = positions[index];
        try {
            if (random == null) {
                random = input(position);
            } else {
                random.seek(position);
            }
            return TocCodec.readEntry(random);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read TOC entry from \"" + name + "\"", e);
        }
    }

    @Override
    public Iterator<TocEntry> iterator() {
        return new Iterator<>() {
            private int next;
            private ArchiveInput in;

            @Override
            public boolean hasNext() {
                return next < positions.length;
            }

            @Override
            public TocEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    if (in == null) {
                        in = input(positions[next]);
                    }
                    next++;
                    TocEntry e = TocCodec.readEntry(in);
                    TocCodec.OFFSET.read(in);
                    return e;
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read TOC entry from \"" + name + "\"", e);
                }
            }
        };
    }
}
