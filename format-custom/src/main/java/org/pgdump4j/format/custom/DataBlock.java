package org.pgdump4j.format.custom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.pgdump4j.archive.codec.ArchiveInput;
import org.pgdump4j.archive.codec.ArchiveOutput;

/**
 * The custom format's data blocks (archive-format.md 5.2): a type byte, the entry's dump id, then chunks
 * ({@code Int length > 0, bytes}) ended by {@code Int 0}; BLOBS blocks repeat {@code Int oid, chunks} and end with
 * {@code Int 0}.
 */
final class DataBlock {
    static final int BLK_DATA = 1;
    static final int BLK_BLOB = 2;
    static final int BLK_BLOBS = 3;
    /** Largest chunk we write; larger writes are split. */
    static final int MAX_CHUNK = 1 << 20;
    /** Writes smaller than this are gathered into one chunk. */
    static final int MIN_CHUNK = 4096;

    private DataBlock() {
    }

    /** Writes each gathered piece as one chunk; {@link #close} does not write the terminator. */
    static final class ChunkOutputStream extends OutputStream {
        private final ArchiveOutput out;
        private final byte[] buf = new byte[MIN_CHUNK];
        private int len;

        ChunkOutputStream(ArchiveOutput out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (len == buf.length) {
                flushChunk();
            }
            buf[len++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int n) throws IOException {
            if (n >= MIN_CHUNK && len == 0) {
                while (n > 0) {
                    int k = Math.min(n, MAX_CHUNK);
                    out.writeInt(k);
                    out.write(b, off, k);
                    off += k;
                    n -= k;
                }
                return;
            }
            while (n > 0) {
                int k = Math.min(n, buf.length - len);
                System.arraycopy(b, off, buf, len, k);
                len += k;
                off += k;
                n -= k;
                if (len == buf.length) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() throws IOException {
            if (len > 0) {
                out.writeInt(len);
                out.write(buf, 0, len);
                len = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            flushChunk();
        }

        @Override
        public void close() throws IOException {
            flushChunk();
        }
    }

    /**
     * Reads the concatenated bytes of a chunk sequence up to its {@code Int 0}; every length is checked against the
     * file size (seekable) or a hard limit before use, and nothing is allocated from it.
     */
    static final class ChunkInputStream extends InputStream {
        private final ArchiveInput in;
        private long remaining;
        private boolean ended;

        ChunkInputStream(ArchiveInput in) {
            this.in = in;
        }

        private boolean advance() throws IOException {
            while (remaining == 0 && !ended) {
                long pos = in.position();
                long n = in.readIntLong();
                if (n == 0) {
                    ended = true;
                } else {
                    long size = in.size();
                    if (n < 0 || n > Integer.MAX_VALUE || (size >= 0 && n > size - in.position())) {
                        throw in.corruptAt("invalid data chunk length " + n, pos);
                    }
                    remaining = n;
                }
            }
            return !ended;
        }

        @Override
        public int read() throws IOException {
            if (!advance()) {
                return -1;
            }
            remaining--;
            return in.readByte();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!advance()) {
                return -1;
            }
            int k = (int) Math.min(len, remaining);
            in.readFully(b, off, k);
            remaining -= k;
            return k;
        }

        /** Skips to just after the terminating {@code Int 0}. */
        void skipRest() throws IOException {
            while (true) {
                if (remaining > 0) {
                    in.skip(remaining);
                    remaining = 0;
                }
                if (!advance()) {
                    return;
                }
            }
        }

        boolean ended() {
            return ended;
        }

        @Override
        public void close() {
        }
    }
}
