package org.pgdump4j.dump;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.pgdump4j.monitor.CountedRows;
import org.pgdump4j.PgDumpException;

/**
 * The rows of a {@code COPY ... TO stdout (FORMAT binary)} turned into the bytes the same COPY in text format
 * sends: what pg_dump stores. The server spends about 40% less CPU sending integers and strings in binary than
 * formatting and escaping them as text, and its single backend is what a dump waits on.
 *
 * <p>Only types whose text form follows from the binary one alone take this path ({@link #supports}): the
 * integers, {@code numeric}, {@code oid}, {@code bool} and the string types (not floats, whose text depends on
 * extra_float_digits, nor dates and times, which depend on DateStyle and TimeZone). Strings arrive in the client
 * encoding, as in text COPY, and are escaped as {@code CopyAttributeOutText} escapes them; that is exact only for
 * encodings that do not embed ASCII bytes in multibyte characters, so the caller takes this path for UTF8 only.
 */
final class BinaryCopyStream extends InputStream implements CountedRows {
    static final long BOOL = 16;
    static final long NAME = 19;
    static final long INT8 = 20;
    static final long INT2 = 21;
    static final long INT4 = 23;
    static final long TEXT = 25;
    static final long OID = 26;
    static final long BPCHAR = 1042;
    static final long VARCHAR = 1043;
    static final long NUMERIC = 1700;
    private static final Set<Long> SUPPORTED =
            Set.of(BOOL, NAME, INT8, INT2, INT4, TEXT, OID, BPCHAR, VARCHAR, NUMERIC);

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final byte[] LONG_MIN = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INT_MIN = "-2147483648".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NAN = "NaN".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFINITY = "Infinity".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MINUS_INFINITY = "-Infinity".getBytes(StandardCharsets.US_ASCII);
    private static final int[] POWERS = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
    /** "00" to "99", two bytes each. */
    private static final byte[] PAIRS = new byte[200];

    private static final int OUT_SIZE = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final CopyData data;
    private final int[] kinds;
    private final String table;
    /** The bytes being decoded: {@code in[ip, end)}, a message in place or, where a value spans messages, a copy. */
    private byte[] in = new byte[0];
    private int ip;
    private int end;
    private boolean headerRead;
    private boolean ended;
    private long rows;

    private final byte[] out = new byte[OUT_SIZE];
    private int op;
    private OutputStream sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private byte[] served = new byte[0];
    private int sp;

    /** Whether every column type has an exact binary-to-text conversion here (and there is a column at all). */
    static boolean supports(List<Long> columnTypes) {
        return !columnTypes.isEmpty() && SUPPORTED.containsAll(columnTypes);
    }

    BinaryCopyStream(CopyData data, List<Long> columnTypes, String table) {
        if (!supports(columnTypes)) {
            throw new IllegalArgumentException("column types " + columnTypes + " have no binary COPY conversion");
        }
        this.data = data;
        this.table = table;
        this.kinds = columnTypes.stream().mapToInt(t -> (int) (long) t).toArray();
        this.sink = pending;
    }

    // ---- reading: InputStream -----------------------------------------------------------------------------

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (sp == served.length) {
            if (ended) {
                return -1;
            }
            pending.reset();
            sink = pending;
            step();
            drain();
            served = pending.toByteArray();
            sp = 0;
        }
        int n = Math.min(len, served.length - sp);
        System.arraycopy(served, sp, b, off, n);
        sp += n;
        return n;
    }

    /** The dump's path: rows are converted straight into {@code target} through one 64 KiB buffer. */
    @Override
    public long transferTo(OutputStream target) throws IOException {
        long n = served.length - sp;
        target.write(served, sp, served.length - sp);
        sp = served.length;
        CountingStream counted = new CountingStream(target);
        sink = counted;
        while (!ended) {
            step();
        }
        drain();
        return n + counted.count;
    }

    /** Tuples decoded so far; at the end, the COPY's completion tag. */
    @Override
    public long rowsSoFar() {
        long tag = ended ? data.completedRows() : -1;
        return tag >= 0 ? tag : rows;
    }

    @Override
    public void close() throws IOException {
        data.close();
    }

    // ---- decoding -----------------------------------------------------------------------------------------

    /** Decodes the header if not yet read, then one tuple or the trailer (which writes pg_dump's terminator). */
    private void step() throws IOException {
        if (!headerRead) {
            header();
        }
        need(2);
        int fields = (short) ((in[ip] & 0xff) << 8 | in[ip + 1] & 0xff);
        ip += 2;
        if (fields == -1) {
            if (ip != end || data.next()) {
                throw corrupt("data after the trailer");
            }
            put(TextCopyStream.TERMINATOR, 0, TextCopyStream.TERMINATOR.length);
            ended = true;
            return;
        }
        if (fields != kinds.length) {
            throw corrupt("a row has " + fields + " fields, expected " + kinds.length);
        }
        rows++;
        for (int f = 0; f < fields; f++) {
            need(4);
            int len = int4();
            int kind = kinds[f];
            if (len == -1) {
                ensure(3);
                out[op++] = '\\';
                out[op++] = 'N';
            } else if (len < 0) {
                throw corrupt("a field of length " + len);
            } else {
                need(len);
                if (!textual(kind)) {
                    ensure(21); // the widest integer and the tab or newline after it; numeric makes its own room
                    field(kind, len);
                } else if (2 * len + 1 <= OUT_SIZE) {
                    ensure(2 * len + 1); // every byte escaped, and the tab or newline
                    escaped(ip, len);
                } else {
                    escapedInPieces(ip, len);
                }
                ip += len;
            }
            out[op++] = f == fields - 1 ? (byte) '\n' : (byte) '\t';
        }
    }

    private static boolean textual(int kind) {
        return kind == TEXT || kind == VARCHAR || kind == BPCHAR || kind == NAME;
    }

    private void header() throws IOException {
        need(SIGNATURE.length + 8);
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (in[ip + i] != SIGNATURE[i]) {
                throw corrupt("no binary COPY signature");
            }
        }
        ip += SIGNATURE.length;
        int flags = int4();
        if ((flags & (1 << 16)) != 0) {
            throw corrupt("rows carry OIDs");
        }
        int extension = int4();
        need(extension);
        ip += extension;
        headerRead = true;
    }

    /** One non-null field of {@code len} bytes at {@code in[ip]}; the output has room for its widest text. */
    private void field(int kind, int len) throws IOException {
        switch (kind) {
            case (int) BOOL -> {
                fixed(len, 1);
                out[op++] = in[ip] != 0 ? (byte) 't' : (byte) 'f';
            }
            case (int) INT2 -> {
                fixed(len, 2);
                decimal((short) ((in[ip] & 0xff) << 8 | in[ip + 1] & 0xff));
            }
            case (int) INT4 -> {
                fixed(len, 4);
                decimal(intAt(ip));
            }
            case (int) OID -> {
                fixed(len, 4);
                decimal(intAt(ip) & 0xffffffffL);
            }
            case (int) INT8 -> {
                fixed(len, 8);
                decimal((long) intAt(ip) << 32 | intAt(ip + 4) & 0xffffffffL);
            }
            case (int) NUMERIC -> numeric(len);
            default -> throw new IllegalStateException("type " + kind);
        }
    }

    /**
     * numeric_out (get_str_from_var) from numeric_send's form: ndigits, weight, sign, dscale, then ndigits base-10000
     * digits, the first one weight groups left of the point. Leaves room for the tab or newline after it.
     */
    private void numeric(int len) throws IOException {
        if (len < 8) {
            throw corrupt("a numeric of " + len + " bytes");
        }
        int ndigits = (in[ip] & 0xff) << 8 | in[ip + 1] & 0xff;
        int weight = (short) ((in[ip + 2] & 0xff) << 8 | in[ip + 3] & 0xff);
        int sign = (in[ip + 4] & 0xff) << 8 | in[ip + 5] & 0xff;
        int dscale = (in[ip + 6] & 0xff) << 8 | in[ip + 7] & 0xff;
        if (len != 8 + 2 * ndigits) {
            throw corrupt("a numeric of " + len + " bytes with " + ndigits + " digits");
        }
        byte[] special = switch (sign) {
            case 0x0000, 0x4000 -> null;
            case 0xC000 -> NAN;
            case 0xD000 -> INFINITY;
            case 0xF000 -> MINUS_INFINITY;
            default -> throw corrupt("a numeric with sign word " + Integer.toHexString(sign));
        };
        if (special != null) {
            put(special, 0, special.length);
            ensure(1);
            return;
        }
        int bound = 1 + (weight < 0 ? 1 : 4 * (weight + 1)) + 1 + dscale + 4;
        byte[] dst = out;
        if (bound + 1 > OUT_SIZE - op) {
            drain();
            if (bound + 1 > OUT_SIZE) {
                dst = new byte[bound]; // a very long number: written out in pieces below
            }
        }
        int p = dst == out ? op : 0;
        if (sign == 0x4000) {
            dst[p++] = '-';
        }
        int d;
        if (weight < 0) {
            d = weight + 1;
            dst[p++] = '0';
        } else {
            for (d = 0; d <= weight; d++) {
                int dig = d < ndigits ? digitAt(d) : 0;
                if (d == 0) { // no leading zeros in the first group
                    int start = p;
                    p = group(dst, p, dig);
                    int zeros = 0;
                    while (zeros < 3 && dst[start + zeros] == '0') {
                        zeros++;
                    }
                    System.arraycopy(dst, start + zeros, dst, start, 4 - zeros);
                    p -= zeros;
                } else {
                    p = group(dst, p, dig);
                }
            }
        }
        if (dscale > 0) {
            dst[p++] = '.';
            int stop = p + dscale;
            for (int i = 0; i < dscale; d++, i += 4) {
                p = group(dst, p, d >= 0 && d < ndigits ? digitAt(d) : 0);
            }
            p = stop;
        }
        if (dst == out) {
            op = p;
        } else {
            put(dst, 0, p);
            ensure(1);
        }
    }

    /** The base-10000 digit {@code d} of the numeric at {@code in[ip]}. */
    private int digitAt(int d) {
        return (in[ip + 8 + 2 * d] & 0xff) << 8 | in[ip + 9 + 2 * d] & 0xff;
    }

    /** Four decimal digits of {@code dig} (0 to 9999) at {@code dst[p]}. */
    private static int group(byte[] dst, int p, int dig) {
        int hi = dig / 100;
        int lo = dig - hi * 100;
        dst[p] = PAIRS[2 * hi];
        dst[p + 1] = PAIRS[2 * hi + 1];
        dst[p + 2] = PAIRS[2 * lo];
        dst[p + 3] = PAIRS[2 * lo + 1];
        return p + 4;
    }

    private void fixed(int len, int expected) throws IOException {
        if (len != expected) {
            throw corrupt("a field of " + len + " bytes where " + expected + " were expected");
        }
    }

    /**
     * COPY's text escaping (CopyAttributeOutText): backslash, and the control characters C writes as \b etc.;
     * other control characters go out as they are. Eight bytes at a time while none needs escaping.
     */
    private void escaped(int from, int len) {
        int stop = from + len;
        int i = from;
        while (i + 8 <= stop && !special((long) LONGS.get(in, i))) {
            i += 8;
        }
        System.arraycopy(in, from, out, op, i - from);
        op += i - from;
        for (; i < stop; i++) {
            byte c = in[i];
            byte letter = letter(c);
            if (letter == 0) {
                out[op++] = c;
            } else {
                out[op++] = '\\';
                out[op++] = letter;
            }
        }
    }

    /** A field too wide for the buffer, escaped into it piece by piece. */
    private void escapedInPieces(int from, int len) throws IOException {
        for (int i = from, stop = from + len; i < stop; i++) {
            ensure(2);
            byte letter = letter(in[i]);
            if (letter == 0) {
                out[op++] = in[i];
            } else {
                out[op++] = '\\';
                out[op++] = letter;
            }
        }
        ensure(1);
    }

    /** The letter after the backslash that stands for {@code c}, or 0 when {@code c} goes out as it is. */
    private static byte letter(byte c) {
        if (c >= 0x20 && c != '\\' || c < 0) {
            return 0;
        }
        return switch (c) {
            case '\b' -> 'b';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case 0x0b -> 'v';
            case '\\' -> '\\';
            default -> 0;
        };
    }

    /** Whether any of the eight bytes is below 0x20 or a backslash (the bit tricks of "Bit Twiddling Hacks"). */
    private static boolean special(long w) {
        long below = (w - 0x2020202020202020L) & ~w & 0x8080808080808080L;
        long x = w ^ 0x5c5c5c5c5c5c5c5cL;
        long backslash = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
        return (below | backslash) != 0;
    }

    /** Writes {@code v} in decimal; the output has room for 20 bytes. */
    private void decimal(long v) {
        if (v == (int) v) {
            decimal((int) v);
            return;
        }
        if (v == Long.MIN_VALUE) {
            System.arraycopy(LONG_MIN, 0, out, op, LONG_MIN.length);
            op += LONG_MIN.length;
            return;
        }
        if (v < 0) {
            out[op++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long p = 10; digits < 19 && v >= p; p *= 10) {
            digits++;
        }
        int at = op + digits;
        op = at;
        do {
            out[--at] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
    }

    /** Writes {@code v} in decimal, two digits per division; the output has room for 11 bytes. */
    private void decimal(int v) {
        if (v < 0) {
            if (v == Integer.MIN_VALUE) {
                System.arraycopy(INT_MIN, 0, out, op, INT_MIN.length);
                op += INT_MIN.length;
                return;
            }
            out[op++] = '-';
            v = -v;
        }
        int digits = 1;
        while (digits < 10 && v >= POWERS[digits]) {
            digits++;
        }
        int at = op + digits;
        op = at;
        while (v >= 100) {
            int q = v / 100;
            int r = v - q * 100;
            v = q;
            out[--at] = PAIRS[2 * r + 1];
            out[--at] = PAIRS[2 * r];
        }
        if (v >= 10) {
            out[--at] = PAIRS[2 * v + 1];
            out[--at] = PAIRS[2 * v];
        } else {
            out[--at] = (byte) ('0' + v);
        }
    }

    // ---- input: the data messages as one byte sequence ----------------------------------------------------

    /** Makes {@code n} bytes available at {@code in[ip]}; small, so that the JIT inlines the common case. */
    private void need(int n) throws IOException {
        if (end - ip < n) {
            more(n);
        }
    }

    /** Moves to the next message, joining it to what is left of this one when a value spans them. */
    private void more(int n) throws IOException {
        while (end - ip < n) {
            // the message in place is valid only until the next one is read: keep what is left of it
            byte[] rest = ip == end ? null : Arrays.copyOfRange(in, ip, end);
            if (!data.next()) {
                throw corrupt("the data ended inside a row");
            }
            if (rest == null) {
                in = data.buf;
                ip = data.off;
                end = data.off + data.len;
            } else {
                byte[] joined = Arrays.copyOf(rest, rest.length + data.len);
                System.arraycopy(data.buf, data.off, joined, rest.length, data.len);
                in = joined;
                ip = 0;
                end = joined.length;
            }
        }
    }

    private int int4() {
        int v = intAt(ip);
        ip += 4;
        return v;
    }

    private int intAt(int at) {
        return (in[at] & 0xff) << 24 | (in[at + 1] & 0xff) << 16 | (in[at + 2] & 0xff) << 8 | in[at + 3] & 0xff;
    }

    private PgDumpException corrupt(String what) {
        return CopyData.failed(table, "unexpected binary COPY data: " + what, null);
    }

    // ---- output: a 64 KiB buffer in front of the sink -----------------------------------------------------

    private void ensure(int n) throws IOException {
        if (OUT_SIZE - op < n) {
            drain();
        }
    }

    private void put(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (op == OUT_SIZE) {
                drain();
            }
            int k = Math.min(len, OUT_SIZE - op);
            System.arraycopy(b, off, out, op, k);
            op += k;
            off += k;
            len -= k;
        }
    }

    private void drain() throws IOException {
        if (op > 0) {
            sink.write(out, 0, op);
            op = 0;
        }
    }

    /** Counts what {@link #transferTo} writes. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream target;
        private long count;

        CountingStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            count += len;
        }
    }
}
