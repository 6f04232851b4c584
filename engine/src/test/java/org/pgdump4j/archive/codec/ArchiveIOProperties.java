package org.pgdump4j.archive.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.pgdump4j.ArchiveFormatException;

/** The primitive encodings round-trip and have the documented bytes. */
class ArchiveIOProperties {
    static byte[] bytes(IoWrite w) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ArchiveOutput out = ArchiveOutput.of(b)) {
            w.write(out);
        }
        return b.toByteArray();
    }

    interface IoWrite {
        void write(ArchiveOutput out) throws IOException;
    }

    static ArchiveInput in(byte[] b) {
        return ArchiveInput.of(new ByteArrayInputStream(b), "test");
    }

    @Property
    void intRoundTrips(@ForAll @LongRange(min = -0xFFFFFFFFL, max = 0xFFFFFFFFL) long v) throws IOException {
        byte[] b = bytes(o -> o.writeInt(v));
        assertEquals(5, b.length);
        ArchiveInput in = in(b);
        assertEquals(v, in.readIntLong());
        assertEquals(5, in.position());
    }

    @Example
    void intBytesAsPgDumpWritesThem() throws IOException {
        assertArrayEquals(new byte[] {0, 0x2d, 0, 0, 0}, bytes(o -> o.writeInt(45)));
        assertArrayEquals(new byte[] {1, 1, 0, 0, 0}, bytes(o -> o.writeInt(-1)));
        assertArrayEquals(new byte[] {0, 0x2c, 0x0d, 0, 0}, bytes(o -> o.writeInt(3372)));
    }

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 99_999_999_999L).map(l -> Long.toString(l)),
                Arbitraries.strings().withChars("0123456789 +-x").ofMaxLength(12)).injectNull(0.1);
    }

    /**
     * The quick path of OIDs and dump ids: the value readStr-and-parse gives for plain digits up to 2^32-1; for
     * anything else -1 with nothing consumed, so the Str is then read as before.
     */
    @Property
    void decimalStrIsAPlainNumberOrNothingConsumed(@ForAll("numberish") String s) throws IOException {
        ArchiveInput in = in(bytes(o -> {
            o.writeStr(s);
            o.writeInt(7);
        }));
        long v = in.readDecimalStr();
        boolean plain = s != null && !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')
                && s.length() <= 10 && Long.parseLong(s) <= 0xFFFFFFFFL;
        if (plain) {
            assertEquals(Long.parseLong(s), v);
        } else {
            assertEquals(-1, v);
            assertEquals(0, in.position());
            assertEquals(s, in.readStr("x"));
        }
        assertEquals(7, in.readIntLong());
    }

    @Example
    void decimalStrAcrossTheBufferIsReadTheSlowWay() throws IOException {
        byte[] b = bytes(o -> {
            o.writeStr("x".repeat(64 * 1024 - 8));
            o.writeStr("4294967295");
        });
        ArchiveInput in = in(b);
        in.skipStr("pad");
        assertEquals(-1, in.readDecimalStr()); // split by the 64 KiB buffer: left to readStr
        assertEquals("4294967295", in.readStr("oid"));
    }

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(300).injectNull(0.1);
    }

    @Property
    void strRoundTrips(@ForAll("strings") String s) throws IOException {
        byte[] b = bytes(o -> o.writeStr(s));
        ArchiveInput in = in(b);
        assertEquals(s, in.readStr("s"));
        assertEquals(b.length, in.position());
    }

    @Example
    void nullAndEmptyDiffer() throws IOException {
        assertArrayEquals(new byte[] {1, 1, 0, 0, 0}, bytes(o -> o.writeStr(null)));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0}, bytes(o -> o.writeStr("")));
        assertNull(in(new byte[] {1, 7, 0, 0, 0}).readStr("s"));
    }

    @Property
    void offsetRoundTrips(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long pos,
            @ForAll("flags") int flag) throws IOException {
        DataOffset off = new DataOffset(flag, flag == DataOffset.SET ? pos : 0);
        byte[] b = bytes(o -> o.writeOffset(off));
        assertEquals(9, b.length);
        assertEquals(off, in(b).readOffset());
    }

    @Provide
    Arbitrary<Integer> flags() {
        return Arbitraries.of(DataOffset.NOT_SET, DataOffset.SET, DataOffset.NO_DATA);
    }

    @Example
    void badInputIsAnArchiveFormatException() {
        assertThrows(ArchiveFormatException.class, () -> in(new byte[] {0, 1, 2}).readIntLong());
        assertThrows(ArchiveFormatException.class, () -> in(new byte[] {4, 0, 0, 0, 0, 0, 0, 0, 0}).readOffset());
        // a huge length on a short stream: fails on the missing bytes, never allocates 1 GiB
        assertThrows(ArchiveFormatException.class, () -> in(new byte[] {0, 0, 0, 0, 0x40, 'x'}).readStr("s"));
        assertThrows(ArchiveFormatException.class, () -> in(new byte[] {0, 0, 0, 0, 0x7f}).readStr("s"));
    }
}
