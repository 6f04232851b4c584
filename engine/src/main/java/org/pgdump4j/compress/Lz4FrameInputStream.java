package org.pgdump4j.compress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes LZ4 frames, including linked blocks (which lz4-java's frame reader does not support): blocks are
 * decoded into a window that keeps the previous 64 KiB. An empty input is empty content (pg_dump's 0-byte
 * {@code .lz4} files). Every length and match offset is checked; corrupt input is an {@link IOException}.
 */
final class Lz4FrameInputStream extends InputStream {
    private static final int HISTORY = 64 * 1024;
    private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
    private static final int SKIPPABLE = 0x184D2A50;

    private final InputStream in;
    private byte[] window = new byte[0];
    private byte[] src = new byte[0];
    private int outPos;
    private int outEnd;
    private boolean inFrame;
    private boolean eof;
    private boolean blockChecksum;
    private boolean contentChecksum;
    private int maxBlock;
    private long frames;

    Lz4FrameInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] b = new byte[1];
        int n = read(b, 0, 1);
        return n < 0 ? -1 : b[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outEnd) {
            if (eof || !nextBlock()) {
                eof = true;
                return -1;
            }
        }
        int n = Math.min(len, outEnd - outPos);
        System.arraycopy(window, outPos, b, off, n);
        outPos += n;
        return n;
    }

    private boolean nextBlock() throws IOException {
        if (!inFrame) {
            if (!readFrameHeader()) {
                return false;
            }
        }
        int size = readLe(true);
        if (size == 0) {
            if (contentChecksum) {
                readLe(true);
            }
            inFrame = false;
            outPos = outEnd = 0;
            return true;
        }
        boolean raw = (size & 0x80000000) != 0;
        size &= 0x7fffffff;
        if (size > maxBlock) {
            throw new IOException("corrupt lz4 frame: block size " + size + " exceeds maximum " + maxBlock);
        }
        // keep the last 64 KiB of output as history
        int keep = Math.min(outEnd, HISTORY);
        if (keep > 0 && outEnd - keep > 0) {
            System.arraycopy(window, outEnd - keep, window, 0, keep);
        }
        if (src.length < size) {
            src = new byte[size];
        }
        readFully(src, size);
        if (blockChecksum) {
            readLe(true);
        }
        int end;
        if (raw) {
            System.arraycopy(src, 0, window, keep, size);
            end = keep + size;
        } else {
            end = decodeBlock(src, size, window, keep, keep + maxBlock);
        }
        outPos = keep;
        outEnd = end;
        return true;
    }

    private boolean readFrameHeader() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return false;
            }
            int magic = first | (readByte() << 8) | (readByte() << 16) | (readByte() << 24);
            if ((magic & SKIPPABLE_MASK) == SKIPPABLE) {
                long skip = readLe(true) & 0xffffffffL;
                while (skip > 0) {
                    long k = in.skip(skip);
                    if (k <= 0) {
                        readByte();
                        k = 1;
                    }
                    skip -= k;
                }
                continue;
            }
            if (magic != Lz4Codec.MAGIC) {
                throw new IOException("corrupt lz4 data: bad frame magic 0x" + Integer.toHexString(magic));
            }
            int flg = readByte();
            int bd = readByte();
            if ((flg >>> 6) != 1) {
                throw new IOException("corrupt lz4 frame: unsupported version " + (flg >>> 6));
            }
            blockChecksum = (flg & 0x10) != 0;
            contentChecksum = (flg & 0x04) != 0;
            boolean contentSize = (flg & 0x08) != 0;
            boolean dictId = (flg & 0x01) != 0;
            int bsid = (bd >>> 4) & 7;
            if (bsid < 4) {
                throw new IOException("corrupt lz4 frame: invalid block size id " + bsid);
            }
            maxBlock = 1 << (8 + 2 * bsid);
            if (contentSize) {
                readLe(true);
                readLe(true);
            }
            if (dictId) {
                readLe(true);
            }
            readByte(); // header checksum
            if (window.length < HISTORY + maxBlock) {
                window = new byte[HISTORY + maxBlock];
            }
            if (frames++ > 0) {
                outPos = outEnd = 0; // frames do not share history
            }
            inFrame = true;
            return true;
        }
    }

    /** Decodes an LZ4 block from src[0..len) into dst[pos..limit); returns the end position. */
    static int decodeBlock(byte[] src, int len, byte[] dst, int pos, int limit) throws IOException {
        int s = 0;
        int d = pos;
        while (true) {
            if (s >= len) {
                throw corrupt();
            }
            int token = src[s++] & 0xff;
            int lit = token >>> 4;
            if (lit == 15) {
                int b;
                do {
                    if (s >= len) {
                        throw corrupt();
                    }
                    b = src[s++] & 0xff;
                    lit += b;
                } while (b == 255);
            }
            if (lit > len - s || lit > limit - d) {
                throw corrupt();
            }
            System.arraycopy(src, s, dst, d, lit);
            s += lit;
            d += lit;
            if (s == len) {
                return d;
            }
            if (len - s < 2) {
                throw corrupt();
            }
            int offset = (src[s] & 0xff) | ((src[s + 1] & 0xff) << 8);
            s += 2;
            if (offset == 0 || offset > d) {
                throw corrupt();
            }
            int ml = token & 15;
            if (ml == 15) {
                int b;
                do {
                    if (s >= len) {
                        throw corrupt();
                    }
                    b = src[s++] & 0xff;
                    ml += b;
                } while (b == 255);
            }
            ml += 4;
            if (ml > limit - d) {
                throw corrupt();
            }
            int m = d - offset;
            if (offset >= ml) {
                System.arraycopy(dst, m, dst, d, ml);
                d += ml;
            } else {
                for (int i = 0; i < ml; i++) {
                    dst[d++] = dst[m++];
                }
            }
        }
    }

    private static IOException corrupt() {
        return new IOException("corrupt lz4 block");
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("unexpected end of lz4 data");
        }
        return b;
    }

    private int readLe(boolean required) throws IOException {
        return readByte() | (readByte() << 8) | (readByte() << 16) | (readByte() << 24);
    }

    private void readFully(byte[] b, int n) throws IOException {
        int off = 0;
        while (off < n) {
            int k = in.read(b, off, n - off);
            if (k < 0) {
                throw new EOFException("unexpected end of lz4 data");
            }
            off += k;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
