package org.pgdump4j.dump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.TableCopy;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.pgdump4j.restore.ReaderExtras;
import org.pgdump4j.toc.EntryKind;

/**
 * A dump in progress seen as an archive: the freshly built TOC, with each table's data pulled from
 * {@code COPY ... TO stdout} as the restore code reads it. This is how {@code dump -Fp} prints through the very
 * code that prints {@code restore -f}, and streams rows without holding a table in memory.
 */
final class LiveDumpReader implements ArchiveReader, ReaderExtras {
    private static final byte[] TERMINATOR = "\\.\n\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ArchiveHeader header;
    private final Toc toc;
    private final CopyManager copy;
    private final LargeObjectManager largeObjects;
    private final Map<Integer, TableCopy> statements;
    private final String encoding;
    private final ProgressListener listener;

    LiveDumpReader(Toc toc, CopyManager copy, LargeObjectManager largeObjects, Map<Integer, TableCopy> statements,
            String encoding, ProgressListener listener) {
        this.largeObjects = largeObjects;
        this.header = new ArchiveHeader(ArchiveVersion.DEFAULT, 4, 8, 0, Compression.NONE, toc.info());
        this.toc = toc;
        this.copy = copy;
        this.statements = statements;
        this.encoding = encoding;
        this.listener = listener;
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
        return false;
    }

    @Override
    public InputStream openData(TocEntry entry) throws IOException {
        TableCopy plan = statements.get(entry.dumpId());
        if (plan == null) {
            throw new IllegalStateException("no COPY statement for TOC entry " + entry.dumpId());
        }
        listener.info("dumping contents of table \"" + entry.namespace() + "." + entry.tag() + "\"");
        // The session stays UTF8 for the driver; COPY converts the rows to the dump's encoding itself.
        boolean utf8 = encoding.equals("UTF8");
        boolean binary = utf8 && BinaryCopyStream.supports(plan.columnTypes());
        String stmt = plan.statement(binary ? "FORMAT binary" : utf8 ? "" : "ENCODING " + Sql.literal(encoding));
        try {
            CopyOutStream rows = new CopyOutStream(copy.copyOut(stmt), entry.tag());
            return binary ? new BinaryCopyStream(rows, plan.columnTypes(), entry.tag()) : rows;
        } catch (SQLException e) {
            throw new PgDumpException("Dumping the contents of table \"" + entry.tag() + "\" failed: "
                    + e.getMessage(), e);
        }
    }

    /** Each large object of a BLOBS entry (OIDs from its BLOB METADATA entry) read through the LO API. */
    @Override
    public void readLargeObjects(TocEntry blobs, LargeObjectConsumer consumer) throws IOException {
        TocEntry metadata = toc.entries().stream()
                .filter(e -> e.is(EntryKind.BLOB_METADATA) && blobs.dependencies().contains(e.dumpId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no BLOB METADATA for " + blobs.tag()));
        for (String line : metadata.definition().split("\n")) {
            long oid = Long.parseLong(line.trim());
            try (LargeObject lo = largeObjects.open(oid, LargeObjectManager.READ);
                 InputStream in = lo.getInputStream()) {
                consumer.accept(oid, in);
            } catch (SQLException e) {
                throw new PgDumpException("could not read large object " + oid + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        // the connection belongs to the dump
    }

    /**
     * COPY rows as a stream, one row buffered at a time, ending with pg_dump's terminator line; for a binary COPY,
     * the data messages that {@link BinaryCopyStream} turns into text.
     */
    private static final class CopyOutStream extends InputStream implements BinaryCopyStream.Chunks {
        private final CopyOut copyOut;
        private final String table;
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean ended;

        CopyOutStream(CopyOut copyOut, String table) {
            this.copyOut = copyOut;
            this.table = table;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == chunk.length) {
                if (ended) {
                    return -1;
                }
                advance();
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        /** The dump's path: each row goes straight from the driver to {@code out}, with no copy in between. */
        @Override
        public long transferTo(OutputStream out) throws IOException {
            long n = 0;
            if (pos < chunk.length) {
                out.write(chunk, pos, chunk.length - pos);
                n += chunk.length - pos;
                pos = chunk.length;
            }
            while (!ended) {
                byte[] row = advance();
                out.write(row);
                n += row.length;
                pos = chunk.length;
            }
            return n;
        }

        /** The next row, or the terminator after the last one. */
        private byte[] advance() throws IOException {
            byte[] row = next();
            if (row == null) {
                row = TERMINATOR;
                ended = true;
            }
            chunk = row;
            pos = 0;
            return row;
        }

        /** The next data message as the server sent it, null after the last. */
        @Override
        public byte[] next() throws IOException {
            try {
                return copyOut.readFromCopy();
            } catch (SQLException e) {
                throw new PgDumpException("Dumping the contents of table \"" + table + "\" failed: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                if (copyOut.isActive()) {
                    copyOut.cancelCopy();
                }
            } catch (SQLException e) {
                throw new IOException("could not end COPY of \"" + table + "\": " + e.getMessage(), e);
            }
        }
    }
}
