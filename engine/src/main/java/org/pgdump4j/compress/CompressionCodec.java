package org.pgdump4j.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Compresses and decompresses archive data exactly as pg_dump frames it for each method (archive-format.md 5.3
 * and 6.1). Obtain one with {@link Compression#codec()}.
 *
 * <p>Two framings exist:
 * <ul>
 *   <li><b>block</b> (custom format): one independent stream per data block or large object. Every
 *       {@code write} the returned stream makes to {@code sink} is one chunk in pg_dump's sense (gzip: zlib stream,
 *       4096-byte chunks; lz4: a frame whose 7-byte header is its own chunk, then one chunk per 64 KiB block;
 *       zstd: a frame, one chunk per library output). The compressor always emits its framing, even for empty
 *       data.</li>
 *   <li><b>file</b> (directory format): one data file. gzip writes a gzip file (RFC 1952, mtime 0, OS 3); lz4 and
 *       zstd write nothing at all when no byte was written (pg_dump initialises them lazily).</li>
 * </ul>
 * Closing a compressing stream finishes the stream and does <em>not</em> close {@code sink}. Closing a
 * decompressing stream does not close {@code in}. Corrupt input surfaces as an {@link IOException} (callers wrap it
 * into an {@link org.pgdump4j.ArchiveFormatException} naming the entry and offset).
 */
public interface CompressionCodec {
    Compression.Method method();

    OutputStream compressBlock(OutputStream sink) throws IOException;

    InputStream decompressBlock(InputStream in) throws IOException;

    OutputStream compressFile(OutputStream sink) throws IOException;

    InputStream decompressFile(InputStream in) throws IOException;
}
