package org.pgdump4j.archive.codec;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes the archive primitives (see {@link ArchiveIO}) to a stream or a seekable channel, always with intSize 4
 * and offSize 8, counting the absolute position (what the custom format records as data offsets). Seeking back
 * (to rewrite the TOC) works only on a channel. Single-threaded.
 */
public final class ArchiveOutput implements Closeable {
    private static final int BUF = 64 * 1024;

    private final @Nullable OutputStream stream;
    private final @Nullable SeekableByteChannel channel;
    private final byte[] buf = new byte[BUF];
    private int bufLen;
    /** Absolute position of buf[0]. */
    private long bufStart;

    private ArchiveOutput(@Nullable OutputStream stream, @Nullable SeekableByteChannel channel, long start) {
        this.stream = stream;
        this.channel = channel;
        this.bufStart = start;
    }

    /** A sequential output (stdout, a pipe): positions count from 0. */
    public static ArchiveOutput of(OutputStream out) {
        return new ArchiveOutput(Objects.requireNonNull(out), null, 0);
    }

    /** A seekable output starting at the channel's current position. */
    public static ArchiveOutput of(SeekableByteChannel channel) throws IOException {
        return new ArchiveOutput(null, channel, channel.position());
    }

    public boolean isSeekable() {
        return channel != null;
    }

    public long position() {
        return bufStart + bufLen;
    }

    /** Flushes and moves to {@code pos}; only on a seekable output. */
    public void seek(long pos) throws IOException {
        if (channel == null) {
            throw new IllegalStateException("output is not seekable");
        }
        flush();
        channel.position(pos);
        bufStart = pos;
    }

    public void writeByte(int b) throws IOException {
        if (bufLen == BUF) {
            flushBuffer();
        }
        buf[bufLen++] = (byte) b;
    }

    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= BUF) {
            flushBuffer();
            writeRaw(b, off, len);
            bufStart += len;
            return;
        }
        if (bufLen + len > BUF) {
            flushBuffer();
        }
        System.arraycopy(b, off, buf, bufLen, len);
        bufLen += len;
    }

    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    /** An Int: sign byte and 4 magnitude bytes. */
    public void writeInt(long v) throws IOException {
        if (v < -0xFFFFFFFFL || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("integer out of range: " + v);
        }
        writeByte(v < 0 ? 1 : 0);
        long m = Math.abs(v);
        for (int i = 0; i < ArchiveIO.INT_SIZE; i++) {
            writeByte((int) (m >>> (8 * i)) & 0xff);
        }
    }

    /** A Str; null writes length -1. Strings must not contain NUL (the C reader would cut them there). */
    public void writeStr(@Nullable String s) throws IOException {
        writeStrBytes(s == null ? null : s.getBytes(ArchiveIO.CHARSET));
    }

    public void writeStrBytes(byte @Nullable [] b) throws IOException {
        if (b == null) {
            writeInt(-1);
            return;
        }
        writeInt(b.length);
        write(b);
    }

    /** An Offset: flag byte and 8 position bytes (zero unless the flag is SET). */
    public void writeOffset(DataOffset off) throws IOException {
        writeByte(off.flag());
        long p = off.position();
        for (int i = 0; i < ArchiveIO.OFF_SIZE; i++) {
            writeByte((int) (p >>> (8 * i)) & 0xff);
        }
    }

    private void flushBuffer() throws IOException {
        if (bufLen > 0) {
            writeRaw(buf, 0, bufLen);
            bufStart += bufLen;
            bufLen = 0;
        }
    }

    private void writeRaw(byte[] b, int off, int len) throws IOException {
        if (channel != null) {
            ByteBuffer bb = ByteBuffer.wrap(b, off, len);
            while (bb.hasRemaining()) {
                channel.write(bb);
            }
        } else {
            Objects.requireNonNull(stream).write(b, off, len);
        }
    }

    /** Writes buffered bytes through (and flushes a stream). */
    public void flush() throws IOException {
        flushBuffer();
        if (stream != null) {
            stream.flush();
        }
    }

    /** An OutputStream view writing through this output (closing it does nothing). */
    public OutputStream asStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writeByte(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ArchiveOutput.this.write(b, off, len);
            }
        };
    }

    /** Flushes and closes the underlying stream or channel. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            if (channel != null) {
                channel.close();
            } else if (stream != null) {
                stream.close();
            }
        }
    }
}
