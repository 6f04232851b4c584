package org.pgdump4j.archive.codec;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveVersion;

/**
 * Reads the archive primitives (see {@link ArchiveIO}) from a stream or a seekable channel, tracking the absolute
 * position so that every error names the file and the offset. Single-threaded.
 *
 * <p>Before {@link HeaderCodec#read} configures it, Ints are read as in the newest versions (sign byte, 4 bytes).
 * Every length read from the input is bounded before anything is allocated; big strings grow with the bytes that
 * actually arrive, so a corrupt length cannot exhaust memory.
 */
public final class ArchiveInput implements Closeable {
    private static final int BUF = 64 * 1024;

    private final @Nullable InputStream stream;
    private final @Nullable SeekableByteChannel channel;
    private final String name;
    private final byte[] buf = new byte[BUF];
    private int bufPos;
    private int bufLen;
    /** Absolute position of buf[0]. */
    private long bufStart;
    private boolean signByte = true;
    private int intSize = ArchiveIO.INT_SIZE;
    private int offSize = ArchiveIO.OFF_SIZE;
    private ArchiveVersion version = ArchiveVersion.DEFAULT;
    private long size = -1;
    private String context = "";
    /** Numbers completing {@link #context} ({@code TOC entry 57 of 1000}), -1 for none: set per entry, so not joined. */
    private long contextNumber = -1;
    private long contextOf = -1;

    private ArchiveInput(@Nullable InputStream stream, @Nullable SeekableByteChannel channel, String name) {
        this.stream = stream;
        this.channel = channel;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A sequential input (stdin, a pipe); {@code name} is used in messages. */
    public static ArchiveInput of(InputStream in, String name) {
        return new ArchiveInput(in, null, name);
    }

    /** A random-access input positioned at the channel's current position. */
    public static ArchiveInput of(SeekableByteChannel channel, String name) throws IOException {
        ArchiveInput in = new ArchiveInput(null, channel, name);
        in.bufStart = channel.position();
        return in;
    }

    /** Sets the encoding parameters from the header: sign byte only for version > 1.0. */
    public void configure(ArchiveVersion version, int intSize, int offSize) {
        this.version = Objects.requireNonNull(version);
        this.signByte = version.compareTo(new ArchiveVersion(1, 0, 0)) > 0;
        this.intSize = intSize;
        this.offSize = offSize;
    }

    public ArchiveVersion version() {
        return version;
    }

    public int intSize() {
        return intSize;
    }

    public int offSize() {
        return offSize;
    }

    public String name() {
        return name;
    }

    /** A phrase naming what is being read (e.g. {@code TOC entry 57}), added to error messages; "" for none. */
    public void context(String context) {
        this.context = Objects.requireNonNull(context);
        this.contextNumber = -1;
        this.contextOf = -1;
    }

    /** {@code context + " " + number}, and {@code " of " + of} when {@code of >= 0}; joined only for a message. */
    public void context(String context, long number, long of) {
        this.context = Objects.requireNonNull(context);
        this.contextNumber = number;
        this.contextOf = of;
    }

    public boolean isSeekable() {
        return channel != null;
    }

    /** Absolute position of the next byte. */
    public long position() {
        return bufStart + bufPos;
    }

    /** Total size when seekable, else -1; asked of the file once (chunk checks ask for it per chunk). */
    public long size() throws IOException {
        if (channel == null) {
            return -1;
        }
        if (size < 0) {
            size = channel.size();
        }
        return size;
    }

    /** Moves to an absolute position; only on a seekable input. */
    public void seek(long pos) throws IOException {
        if (channel == null) {
            throw new IllegalStateException("input is not seekable");
        }
        if (pos < 0 || pos > channel.size()) {
            throw corrupt("seek to invalid position " + pos);
        }
        if (pos >= bufStart && pos <= bufStart + bufLen) {
            bufPos = (int) (pos - bufStart);
            return;
        }
        channel.position(pos);
        bufStart = pos;
        bufPos = 0;
        bufLen = 0;
    }

    /** An {@link ArchiveFormatException} naming the file, the current context and offset. */
    public ArchiveFormatException corrupt(String message) {
        return corruptAt(message, position());
    }

    public ArchiveFormatException corruptAt(String message, long offset) {
        String full = contextNumber < 0 ? context
                : context + " " + contextNumber + (contextOf < 0 ? "" : " of " + contextOf);
        String ctx = full.isEmpty() ? "" : " (" + full + ")";
        return ArchiveIO.format(message + ctx, offset, name);
    }

    private ArchiveFormatException truncated() {
        return corrupt("unexpected end of file");
    }

    private boolean fill() throws IOException {
        if (bufPos < bufLen) {
            return true;
        }
        bufStart += bufLen;
        bufPos = 0;
        bufLen = 0;
        int n;
        if (channel != null) {
            n = channel.read(ByteBuffer.wrap(buf));
        } else {
            n = Objects.requireNonNull(stream).read(buf);
        }
        if (n <= 0) {
            return false;
        }
        bufLen = n;
        return true;
    }

    /** The next byte, or -1 at end of input. */
    public int readByteOrEof() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buf[bufPos++] & 0xff;
    }

    /** The next byte; end of input is an error. */
    public int readByte() throws IOException {
        int b = readByteOrEof();
        if (b < 0) {
            throw truncated();
        }
        return b;
    }

    /** Reads up to {@code len} bytes; returns -1 at end of input. */
    public int read(byte[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (bufPos >= bufLen && len >= BUF) {
            // large read straight from the source
            bufStart += bufLen;
            bufPos = 0;
            bufLen = 0;
            int n = channel != null ? channel.read(ByteBuffer.wrap(dst, off, len))
                    : Objects.requireNonNull(stream).read(dst, off, len);
            if (n > 0) {
                bufStart += n;
            }
            return n <= 0 ? -1 : n;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, bufLen - bufPos);
        System.arraycopy(buf, bufPos, dst, off, n);
        bufPos += n;
        return n;
    }

    /** Reads exactly {@code len} bytes; end of input is an error. */
    public void readFully(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            int n = read(dst, off, len);
            if (n < 0) {
                throw truncated();
            }
            off += n;
            len -= n;
        }
    }

    /** Skips exactly {@code n} bytes; end of input is an error. */
    public void skip(long n) throws IOException {
        if (channel != null) {
            long target = position() + n;
            if (target > channel.size()) {
                throw truncated();
            }
            seek(target);
            return;
        }
        while (n > 0) {
            if (!fill()) {
                throw truncated();
            }
            int k = (int) Math.min(n, bufLen - bufPos);
            bufPos += k;
            n -= k;
        }
    }

    /** Reads {@code n} bytes; memory grows only with the bytes actually present. */
    public byte[] readBytes(int n) throws IOException {
        if (n <= BUF) {
            byte[] b = new byte[n];
            readFully(b, 0, n);
            return b;
        }
        if (channel != null && position() + n > channel.size()) {
            throw corrupt("length " + n + " exceeds the end of the file");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(BUF);
        byte[] piece = new byte[BUF];
        int left = n;
        while (left > 0) {
            int k = Math.min(left, BUF);
            readFully(piece, 0, k);
            out.write(piece, 0, k);
            left -= k;
        }
        return out.toByteArray();
    }

    /** An Int as a long (sign byte if the version has it, then intSize bytes). */
    public long readIntLong() throws IOException {
        if (signByte && intSize == 4 && bufLen - bufPos >= 5) {
            // the common layout, straight from the buffer (a TOC of a million entries reads tens of millions)
            int p = bufPos;
            long v = (buf[p + 1] & 0xffL) | (buf[p + 2] & 0xffL) << 8 | (buf[p + 3] & 0xffL) << 16
                    | (buf[p + 4] & 0xffL) << 24;
            bufPos = p + 5;
            return buf[p] != 0 ? -v : v;
        }
        boolean negative = false;
        if (signByte) {
            negative = readByte() != 0;
        }
        long v = 0;
        for (int i = 0; i < intSize; i++) {
            int b = readByte();
            if (i < 8) {
                v |= ((long) b) << (8 * i);
            } else if (b != 0) {
                throw corrupt("integer too large");
            }
        }
        if (intSize >= 8 && v < 0) {
            throw corrupt("integer too large");
        }
        return negative ? -v : v;
    }

    /** An Int that must fit a Java int; {@code what} names the field in the message. */
    public int readInt(String what) throws IOException {
        long pos = position();
        long v = readIntLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw corruptAt("invalid " + what + " " + v, pos);
        }
        return (int) v;
    }

    /**
     * A Str of plain decimal digits (an OID, a dump id) parsed where it lies in the buffer, or -1, consuming nothing,
     * when it is not one that fits in 32 unsigned bits or is not wholly buffered: NULL, empty, spaces, signs. The
     * caller then reads it as a Str, with that path's checks and errors. (A TOC of 40,000 entries holds 120,000 of
     * them; decoding each into a String and parsing it was a tenth of reading the TOC.)
     */
    public long readDecimalStr() throws IOException {
        if (!fill()) {
            return -1; // the end: readStr reports it
        }
        int p = bufPos;
        if (!signByte || intSize != 4 || bufLen - p < 6 || buf[p] != 0) {
            return -1;
        }
        int len = (buf[p + 1] & 0xff) | (buf[p + 2] & 0xff) << 8 | (buf[p + 3] & 0xff) << 16 | (buf[p + 4] & 0xff) << 24;
        if (len < 1 || len > 10 || bufLen - p - 5 < len) {
            return -1;
        }
        long v = 0;
        for (int i = p + 5, end = p + 5 + len; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        if (v > 0xFFFFFFFFL) {
            return -1;
        }
        bufPos = p + 5 + len;
        return v;
    }

    /** A Str as raw bytes, null for NULL (any negative length). */
    public byte @Nullable [] readStrBytes(String what) throws IOException {
        long pos = position();
        long len = readIntLong();
        if (len < 0) {
            return null;
        }
        if (len > ArchiveIO.MAX_STRING) {
            throw corruptAt("invalid length " + len + " of " + what, pos);
        }
        return readBytes((int) len);
    }

    /**
     * A Str decoded as {@link ArchiveIO#CHARSET}, null for NULL. A NUL byte ends the string there, as in pg_restore,
     * whose ReadStr gives a C string: {@code "a\0b"} reads as {@code "a"}.
     */
    public @Nullable String readStr(String what) throws IOException {
        long pos = position();
        long len = readIntLong();
        if (len < 0) {
            return null;
        }
        if (len > ArchiveIO.MAX_STRING) {
            throw corruptAt("invalid length " + len + " of " + what, pos);
        }
        if (len <= bufLen - bufPos) {
            // decoded in place: no intermediate array
            String s = new String(buf, bufPos, untilNul(buf, bufPos, (int) len), ArchiveIO.CHARSET);
            bufPos += (int) len;
            return s;
        }
        byte[] b = readBytes((int) len);
        return new String(b, 0, untilNul(b, 0, b.length), ArchiveIO.CHARSET);
    }

    /** Skips a Str with the checks and errors of {@link #readStr}: its bytes are not copied or decoded. */
    public void skipStr(String what) throws IOException {
        long pos = position();
        long len = readIntLong();
        if (len < 0) {
            return;
        }
        if (len > ArchiveIO.MAX_STRING) {
            throw corruptAt("invalid length " + len + " of " + what, pos);
        }
        if (len <= bufLen - bufPos) {
            bufPos += (int) len;
            return;
        }
        if (channel != null) {
            long end = position() + len;
            if (end > size()) {
                if (len > BUF) {
                    throw corrupt("length " + len + " exceeds the end of the file");
                }
                seek(size()); // readStr's error: the end of the file reached while reading
                throw truncated();
            }
            seek(end);
            return;
        }
        skip(len);
    }

    private static int untilNul(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (b[off + i] == 0) {
                return i;
            }
        }
        return len;
    }

    /** An Offset (flag byte + offSize bytes); an unknown flag is an error. */
    public DataOffset readOffset() throws IOException {
        long pos = position();
        int flag = readByte();
        long v = 0;
        for (int i = 0; i < offSize; i++) {
            int b = readByte();
            if (i < 8) {
                v |= ((long) b) << (8 * i);
            } else if (b != 0) {
                throw corruptAt("file offset in dump file is too large", pos);
            }
        }
        if (flag < DataOffset.NOT_SET || flag > DataOffset.NO_DATA) {
            throw corruptAt("unexpected data offset flag " + flag, pos);
        }
        if (v < 0) {
            throw corruptAt("file offset in dump file is too large", pos);
        }
        return new DataOffset(flag, flag == DataOffset.SET ? v : 0);
    }

    /** An InputStream view of the remaining input (does not close this input). */
    public InputStream asStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return readByteOrEof();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ArchiveInput.this.read(b, off, len);
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        } else if (stream != null) {
            stream.close();
        }
    }


}
