package org.pgdump4j.compress;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** No compression: bytes pass through; each write is one chunk. */
public final class NoneCodec implements CompressionCodec {
    public static final NoneCodec INSTANCE = new NoneCodec();

    private NoneCodec() {
    }

    @Override
    public Compression.Method method() {
        return Compression.Method.NONE;
    }

    @Override
    public OutputStream compressBlock(OutputStream sink) {
        return shield(sink);
    }

    @Override
    public InputStream decompressBlock(InputStream in) {
        return shield(in);
    }

    @Override
    public OutputStream compressFile(OutputStream sink) {
        return shield(sink);
    }

    @Override
    public InputStream decompressFile(InputStream in) {
        return shield(in);
    }

    /** An OutputStream that passes writes through unchanged and does not close {@code out}. */
    static OutputStream shield(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) {
                    out.write(b, off, len);
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** An InputStream that does not close {@code in}. */
    static InputStream shield(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
