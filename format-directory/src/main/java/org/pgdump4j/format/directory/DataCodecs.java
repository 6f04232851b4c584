package org.pgdump4j.format.directory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.pgdump4j.compress.Compression;

/**
 * The engine's codecs as the directory format uses them: one compressed file stream per file ("file" framing:
 * gzip files, lz4/zstd frames, nothing at all for empty lz4/zstd content). The returned streams own the file:
 * closing them finishes the compressed stream and closes the file.
 */
final class DataCodecs {
    private DataCodecs() {
    }

    static OutputStream compress(Compression compression, OutputStream file) throws IOException {
        OutputStream c = compression.codec().compressFile(file);
        return new FilterOutputStream(c) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                } finally {
                    file.close();
                }
            }
        };
    }

    static InputStream decompress(Compression.Method method, InputStream file) throws IOException {
        InputStream d = new Compression(method, Compression.DEFAULT_LEVEL).codec().decompressFile(file);
        return new java.io.FilterInputStream(d) {
            @Override
            public void close() throws IOException {
                try {
                    in.close();
                } finally {
                    file.close();
                }
            }
        };
    }
}
