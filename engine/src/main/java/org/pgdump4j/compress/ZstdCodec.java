package org.pgdump4j.compress;

import com.github.luben.zstd.ZstdIOException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;

/**
 * zstd frames (magic {@code 28 b5 2f fd}) through zstd-jni's streaming API: no content size, no checksum, as
 * pg_dump writes them; {@code long} enables long-distance matching (window log 27).
 */
public final class ZstdCodec implements CompressionCodec {
    /** Window log zstd uses when long-distance matching is on. */
    static final int LONG_WINDOW_LOG = 27;

    private final int level;
    private final boolean longMode;

    /** @throws org.pgdump4j.PgDumpException when zstd-jni is absent or its native library cannot load */
    public ZstdCodec(int level, boolean longMode) {
        CodecLibrary.ZSTD.require();
        this.level = level;
        this.longMode = longMode;
    }

    @Override
    public Compression.Method method() {
        return Compression.Method.ZSTD;
    }

    private OutputStream open(OutputStream sink) throws IOException {
        ZstdOutputStreamNoFinalizer z = new ZstdOutputStreamNoFinalizer(NoneCodec.shield(sink), level);
        z.setChecksum(false);
        if (longMode) {
            z.setLong(LONG_WINDOW_LOG);
        }
        return z;
    }

    @Override
    public OutputStream compressBlock(OutputStream sink) throws IOException {
        return new FilterOutputStream(open(sink)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() {
                // a flush would end a zstd block early; pg_dump never flushes mid-stream
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /**
     * Decoding keeps libzstd's default window limit (2^27 bytes, ZSTD_WINDOWLOG_LIMIT_DEFAULT), as pg_restore does: a
     * frame declaring a larger window is refused before any buffer is allocated, instead of decoded with gigabytes.
     * pg_dump's {@code long} mode writes windows of exactly that size.
     */
    @Override
    public InputStream decompressBlock(InputStream in) throws IOException {
        return new FilterInputStream(new ZstdInputStreamNoFinalizer(NoneCodec.shield(in))) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (ZstdIOException e) {
                    throw refused(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (ZstdIOException e) {
                    throw refused(e);
                }
            }
        };
    }

    /** libzstd's own reason, in pg_restore's words (compress_zstd.c). */
    private static DecompressionException refused(ZstdIOException e) {
        return new DecompressionException("could not decompress data: " + e.getMessage(), e);
    }

    @Override
    public OutputStream compressFile(OutputStream sink) {
        // lazily started: no byte written means a 0-byte file, as pg_dump does
        return new OutputStream() {
            private OutputStream z;
            private boolean closed;

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
                if (z == null) {
                    z = open(sink);
                }
                z.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    if (z != null) {
                        z.close();
                    }
                }
            }
        };
    }

    @Override
    public InputStream decompressFile(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(NoneCodec.shield(in), 1);
        int first = p.read();
        if (first < 0) {
            return InputStream.nullInputStream();
        }
        p.unread(first);
        return decompressBlock(p);
    }
}
