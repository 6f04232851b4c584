package org.pgdump4j.compress;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * gzip through java.util.zip: zlib streams (RFC 1950) in 4096-byte chunks for the custom format, gzip files for
 * the directory format.
 */
public final class GzipCodec implements CompressionCodec {
    /** pg_dump's DEFAULT_IO_BUFFER_SIZE: the zlib output buffer, hence the custom format's chunk size. */
    public static final int CHUNK = 4096;

    private final int level;

    /** @param level zlib level, -1 for the default (6) */
    public GzipCodec(int level) {
        if (level != -1 && (level < 0 || level > 9)) {
            throw new IllegalArgumentException("gzip level " + level);
        }
        this.level = level;
    }

    @Override
    public Compression.Method method() {
        return Compression.Method.GZIP;
    }

    @Override
    public OutputStream compressBlock(OutputStream sink) {
        return new DeflatingStream(sink, new Deflater(level, false), false, level);
    }

    @Override
    public InputStream decompressBlock(InputStream in) {
        return new InflaterInputStream(NoneCodec.shield(in), new Inflater(false), CHUNK) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    inf.end();
                }
            }
        };
    }

    @Override
    public OutputStream compressFile(OutputStream sink) {
        return new DeflatingStream(sink, new Deflater(level, true), true, level);
    }

    /**
     * A truncated file ends where its bytes end, without an error: pg_restore reads these files with zlib's gzread,
     * which returns what it could inflate and then reports end of file. Corrupt data still fails.
     */
    @Override
    public InputStream decompressFile(InputStream in) throws IOException {
        GZIPInputStream gzip;
        try {
            gzip = new GZIPInputStream(NoneCodec.shield(in), CHUNK);
        } catch (EOFException e) {
            return InputStream.nullInputStream(); // not even a whole header
        }
        return new FilterInputStream(gzip) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (EOFException e) {
                    return -1;
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (EOFException e) {
                    return -1;
                }
            }
        };
    }

    /** Deflates into a 4096-byte buffer and writes it out whenever it is full, then the rest at close. */
    private static final class DeflatingStream extends OutputStream {
        private final OutputStream sink;
        private final Deflater deflater;
        private final boolean gzip;
        private final byte[] out = new byte[CHUNK];
        private final CRC32 crc = new CRC32();
        private int outLen;
        private boolean closed;

        DeflatingStream(OutputStream sink, Deflater deflater, boolean gzip, int level) {
            this.sink = sink;
            this.deflater = deflater;
            this.gzip = gzip;
            if (gzip) {
                // zlib's gzip header: no mtime, XFL by level, OS 3 (Unix)
                int xfl = level == 9 ? 2 : level == 1 ? 4 : 0;
                byte[] h = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) xfl, 3};
                System.arraycopy(h, 0, out, 0, h.length);
                outLen = h.length;
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (len == 0) {
                return;
            }
            if (gzip) {
                crc.update(b, off, len);
            }
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                drain();
            }
        }

        private void drain() throws IOException {
            int n = deflater.deflate(out, outLen, CHUNK - outLen, Deflater.NO_FLUSH);
            outLen += n;
            if (outLen == CHUNK) {
                sink.write(out, 0, CHUNK);
                outLen = 0;
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                deflater.finish();
                while (!deflater.finished()) {
                    drain();
                }
                if (gzip) {
                    long c = crc.getValue();
                    long size = deflater.getBytesRead();
                    for (int i = 0; i < 8; i++) {
                        long v = i < 4 ? c >>> (8 * i) : size >>> (8 * (i - 4));
                        out[outLen++] = (byte) v;
                        if (outLen == CHUNK) {
                            sink.write(out, 0, CHUNK);
                            outLen = 0;
                        }
                    }
                }
                if (outLen > 0) {
                    sink.write(out, 0, outLen);
                    outLen = 0;
                }
                sink.flush();
            } finally {
                deflater.end();
            }
        }
    }
}
