package org.pgdump4j.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;

/**
 * LZ4 frames (magic {@code 04 22 4d 18}). Writing uses lz4-java's block compressor inside our own frame writer:
 * independent 64 KiB blocks, no checksums, no content size (pg_dump writes linked blocks; every LZ4 frame reader,
 * pg_restore's included, reads both). Reading is our own frame decoder, which also handles linked blocks, block
 * and content checksums (skipped), content size, concatenated and skippable frames.
 */
public final class Lz4Codec implements CompressionCodec {
    static final int MAGIC = 0x184D2204;
    static final int BLOCK = 64 * 1024;

    /**
     * From Java 24 the JVM warns on stderr when sun.misc.Unsafe's memory methods are first used, which lz4-java's
     * fastest pure-Java instance does; there the safe instance (plain array code, the same output) is used instead.
     */
    private static final boolean UNSAFE_WARNS = Runtime.version().feature() >= 24;

    private final int level;

    /** @param level 0 (fast) to 12; 3 and above use the high-compression compressor, as liblz4 does */
    public Lz4Codec(int level) {
        this.level = level;
    }

    @Override
    public Compression.Method method() {
        return Compression.Method.LZ4;
    }

    /** Writing only: reading needs no library. */
    private LZ4Compressor compressor() {
        CodecLibrary.LZ4.require();
        LZ4Factory f = UNSAFE_WARNS ? LZ4Factory.safeInstance() : LZ4Factory.fastestJavaInstance();
        return level < 3 ? f.fastCompressor() : f.highCompressor(level);
    }

    @Override
    public OutputStream compressBlock(OutputStream sink) throws IOException {
        return new FrameOutput(sink, compressor(), false);
    }

    @Override
    public InputStream decompressBlock(InputStream in) {
        return new Lz4FrameInputStream(NoneCodec.shield(in));
    }

    @Override
    public OutputStream compressFile(OutputStream sink) throws IOException {
        return new FrameOutput(sink, compressor(), true);
    }

    @Override
    public InputStream decompressFile(InputStream in) {
        return new Lz4FrameInputStream(NoneCodec.shield(in));
    }

    /** The 7-byte frame header: magic, FLG (version 01, independent blocks), BD (64 KiB), header checksum. */
    static byte[] frameHeader() {
        byte flg = 0x60;
        byte bd = 0x40;
        int hc = (XXHashFactory.safeInstance().hash32().hash(new byte[] {flg, bd}, 0, 2, 0) >>> 8) & 0xff;
        return new byte[] {0x04, 0x22, 0x4d, 0x18, flg, bd, (byte) hc};
    }

    private static final class FrameOutput extends OutputStream {
        private final OutputStream sink;
        private final LZ4Compressor compressor;
        private final boolean lazy;
        private final byte[] in = new byte[BLOCK];
        private final byte[] out;
        private int inLen;
        private boolean started;
        private boolean closed;

        FrameOutput(OutputStream sink, LZ4Compressor compressor, boolean lazy) throws IOException {
            this.sink = sink;
            this.compressor = compressor;
            this.lazy = lazy;
            this.out = new byte[4 + compressor.maxCompressedLength(BLOCK) + 4];
            if (!lazy) {
                start();
            }
        }

        private void start() throws IOException {
            if (!started) {
                started = true;
                sink.write(frameHeader());
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
            if (len > 0) {
                start();
            }
            while (len > 0) {
                int k = Math.min(len, BLOCK - inLen);
                System.arraycopy(b, off, in, inLen, k);
                inLen += k;
                off += k;
                len -= k;
                if (inLen == BLOCK) {
                    sink.write(out, 0, encodeBlock(0));
                }
            }
        }

        /** Encodes the pending input as one block at out[pos..]; returns the end position. */
        private int encodeBlock(int pos) {
            int n = compressor.compress(in, 0, inLen, out, pos + 4, out.length - pos - 8);
            int size;
            if (n >= inLen) {
                System.arraycopy(in, 0, out, pos + 4, inLen);
                size = inLen | 0x80000000;
                n = inLen;
            } else {
                size = n;
            }
            writeLe(out, pos, size);
            inLen = 0;
            return pos + 4 + n;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (!started) {
                if (lazy) {
                    return;
                }
                start();
            }
            int end = inLen > 0 ? encodeBlock(0) : 0;
            writeLe(out, end, 0);
            sink.write(out, 0, end + 4);
            sink.flush();
        }
    }

    static void writeLe(byte[] b, int pos, int v) {
        b[pos] = (byte) v;
        b[pos + 1] = (byte) (v >>> 8);
        b[pos + 2] = (byte) (v >>> 16);
        b[pos + 3] = (byte) (v >>> 24);
    }
}
