package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.PgMajor;
import org.pgdump4j.testing.TestDb;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@link BinaryCopyStream} against the server itself: a table of every supported type, with edge values and
 * thousands of random strings, read once as text COPY and once as binary COPY turned into text, must give the
 * same bytes.
 */
@ExtendWith(PgExtension.class)
class BinaryCopyStreamIT {
    private static final List<Long> TYPES = List.of(BinaryCopyStream.BOOL, BinaryCopyStream.INT2,
            BinaryCopyStream.INT4, BinaryCopyStream.INT8, BinaryCopyStream.OID, BinaryCopyStream.TEXT,
            BinaryCopyStream.VARCHAR, BinaryCopyStream.BPCHAR, BinaryCopyStream.NAME);
    private static final String COLUMNS = "(b, i2, i4, i8, o, t, v, c, n)";
    private static final byte[] TERMINATOR = "\\.\n\n\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void binaryRowsEqualTextRows(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (b boolean, i2 smallint, i4 integer, i8 bigint, o oid, t text,"
                        + " v varchar(300), c char(12), n name,"
                        + " skipped integer GENERATED ALWAYS AS (i2::integer + 1) STORED)");
                st.execute("INSERT INTO t VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                        + " (true, -32768, -2147483648, -9223372036854775808, 0, '', '', '', ''),"
                        + " (false, 32767, 2147483647, 9223372036854775807, 4294967295, '\\N', 'a\\b', 'x', 'y'),"
                        + " (true, 0, 0, 0, 1, E'tab\\there\\nnl\\rcr\\\\bs', E'\\b\\f\\v', E'\\x01\\x1f', 'é'),"
                        + " (false, -1, -10, 2147483648, 2147483648, 'naïve ☃ \uD83D\uDE00', repeat('ab', 150),"
                        + " 'pad', 'n')");
                // one field far wider than the 64 KiB buffer, with escapes throughout
                st.execute("INSERT INTO t (t) SELECT repeat(E'x\\\\y\\tz\\n', 40000)");
            }
            Random random = new Random(42);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO t VALUES (?, ?, ?, ?, ?::oid, ?, ?, ?, ?)")) {
                for (int i = 0; i < 3000; i++) {
                    ps.setBoolean(1, random.nextBoolean());
                    ps.setShort(2, (short) random.nextInt());
                    ps.setInt(3, random.nextInt());
                    ps.setLong(4, random.nextLong() >> random.nextInt(64));
                    ps.setString(5, Long.toString(random.nextInt() & 0xffffffffL));
                    ps.setString(6, randomText(random, random.nextInt(200)));
                    ps.setString(7, randomText(random, random.nextInt(40)));
                    ps.setString(8, randomText(random, random.nextInt(12)));
                    ps.setString(9, randomText(random, random.nextInt(20)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            copy.copyOut("COPY t " + COLUMNS + " TO stdout", text);
            text.write(TERMINATOR);
            String binary = "COPY t " + COLUMNS + " TO stdout (FORMAT binary)";
            for (boolean direct : new boolean[] {true, false}) {
                ByteArrayOutputStream transferred = new ByteArrayOutputStream();
                try (InputStream in = new BinaryCopyStream(CopyData.start(c, binary, "t", direct), TYPES, "t")) {
                    assertEquals(text.size(), in.transferTo(transferred));
                }
                assertArrayEquals(text.toByteArray(), transferred.toByteArray(), "direct " + direct);

                ByteArrayOutputStream read = new ByteArrayOutputStream();
                try (InputStream in = new BinaryCopyStream(CopyData.start(c, binary, "t", direct), TYPES, "t")) {
                    byte[] buf = new byte[7];
                    for (int n; (n = in.read(buf, 0, 1 + random.nextInt(7))) >= 0; ) {
                        read.write(buf, 0, n);
                    }
                }
                assertArrayEquals(text.toByteArray(), read.toByteArray(), "direct " + direct);

                ByteArrayOutputStream plain = new ByteArrayOutputStream();
                try (InputStream in = new TextCopyStream(CopyData.start(c, "COPY t " + COLUMNS + " TO stdout", "t",
                        direct))) {
                    in.transferTo(plain);
                }
                assertArrayEquals(text.toByteArray(), plain.toByteArray(), "direct " + direct);
            }
        }
    }

    /** Closing a stream before its end cancels the COPY and leaves the connection usable. */
    @Test
    void closingEarlyLeavesTheConnectionUsable(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            db.execute("CREATE TABLE big AS SELECT i, repeat('x', 100) AS s FROM generate_series(1, 20000) i");
            for (boolean direct : new boolean[] {true, false}) {
                try (InputStream in = new BinaryCopyStream(CopyData.start(c,
                        "COPY big (i, s) TO stdout (FORMAT binary)", "big", direct), List.of(23L, 25L), "big")) {
                    assertEquals(1000, in.readNBytes(1000).length);
                }
                try (InputStream in = new TextCopyStream(
                        CopyData.start(c, "COPY big (i, s) TO stdout", "big", direct))) {
                    assertEquals(1000, in.readNBytes(1000).length);
                }
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM big")) {
                    assertTrue(rs.next());
                    assertEquals(20000, rs.getInt(1));
                }
            }
        }
    }

    /** An error in the middle of the rows comes out as one message naming the table. */
    @Test
    void aFailingCopyNamesTheTable(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            for (boolean direct : new boolean[] {true, false}) {
                PgDumpException e = assertThrows(PgDumpException.class, () -> {
                    try (InputStream in = new TextCopyStream(CopyData.start(c,
                            "COPY (SELECT 1 / (i - 3000) FROM generate_series(1, 5000) i) TO stdout", "q", direct))) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                });
                assertEquals("Dumping the contents of table \"q\" failed: PQgetResult() failed.\n"
                        + "detail: Error message from server: ERROR:  division by zero\n"
                        + "detail: Command was: COPY (SELECT 1 / (i - 3000) FROM generate_series(1, 5000) i) TO stdout",
                        e.getMessage());
            }
        }
    }

    /** numeric_out's text, from NaN and the infinities (14+) to a hundred thousand digits and 16383 decimals. */
    @Test
    void numericsEqualTextRows(TestDb db) throws Exception {
        numerics(db);
    }

    /** The same on the oldest server CI runs, before numeric had infinities. */
    @Test
    @PgMajor(12)
    void numericsEqualTextRowsOn12(TestDb db) throws Exception {
        numerics(db);
    }

    private static void numerics(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            db.execute("CREATE TABLE n (a numeric, b numeric(12,4), c numeric(1000, 500))");
            db.execute("INSERT INTO n VALUES (NULL, NULL, NULL), (0, 0, 0), ('NaN', 1.5, -1.5),"
                    + " (-0.0000000001, -99999999.9999, 1e-500), (1e100000, 0.0001, 10000),"
                    + " ((1e-16383)::numeric, 12345678.1234, 9999.9999), (123456789012345678901234567890.5, 1, 1)");
            if (db.major() >= 14) {
                db.execute("INSERT INTO n VALUES ('Infinity', 2, 2), ('-Infinity', 3, 3)");
            }
            Random random = new Random(7);
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO n VALUES (?::numeric, ?::numeric, ?::numeric)")) {
                for (int i = 0; i < 3000; i++) {
                    ps.setString(1, randomNumber(random, 40, 30));
                    ps.setString(2, randomNumber(random, 8, 4));
                    ps.setString(3, randomNumber(random, 200, 200));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY n (a, b, c) TO stdout", text);
            text.write(TERMINATOR);
            List<Long> types = List.of(BinaryCopyStream.NUMERIC, BinaryCopyStream.NUMERIC, BinaryCopyStream.NUMERIC);
            for (boolean direct : new boolean[] {true, false}) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                try (InputStream in = new BinaryCopyStream(
                        CopyData.start(c, "COPY n (a, b, c) TO stdout (FORMAT binary)", "n", direct), types, "n")) {
                    in.transferTo(got);
                }
                assertEquals(text.toString(StandardCharsets.UTF_8), got.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /** A decimal with up to {@code intDigits} and {@code fracDigits} digits, sometimes negative or in e-notation. */
    private static String randomNumber(Random random, int intDigits, int fracDigits) {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "-" : "");
        int whole = random.nextInt(intDigits + 1);
        s.append(whole == 0 ? "0" : "");
        for (int i = 0; i < whole; i++) {
            s.append((char) ('0' + (i == 0 ? 1 + random.nextInt(9) : random.nextInt(10))));
        }
        int frac = random.nextInt(fracDigits + 1);
        if (frac > 0) {
            s.append('.');
            for (int i = 0; i < frac; i++) {
                s.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
            }
        }
        if (random.nextInt(10) == 0 && intDigits > 30) {
            s.append('e').append(random.nextInt(61) - 30);
        }
        return s.toString();
    }

    @Test
    void emptyTableIsTheTerminatorOnly(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            db.execute("CREATE TABLE e (i integer)");
            CopyData data = CopyData.start(c, "COPY e (i) TO stdout (FORMAT binary)", "e", true);
            // the pinned PgJDBC still has its buffer where CopyData reads it in place
            assertTrue(data instanceof CopyData.Direct, data.getClass().getName());
            try (InputStream in = new BinaryCopyStream(data, List.of(BinaryCopyStream.INT4), "e")) {
                assertArrayEquals(TERMINATOR, in.readAllBytes());
            }
            // once complete, the COPY stays complete: asking again does not wait on the connection
            assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(10), data::next));
            assertEquals("1", db.queryString("SELECT 1"));
        }
    }

    @Test
    void supportsOnlyExactTypes() {
        assertTrue(BinaryCopyStream.supports(TYPES));
        assertFalse(BinaryCopyStream.supports(List.of()));
        assertFalse(BinaryCopyStream.supports(List.of(BinaryCopyStream.INT4, 700L))); // float4: text differs
        assertTrue(BinaryCopyStream.supports(List.of(BinaryCopyStream.NUMERIC)));
        assertFalse(BinaryCopyStream.supports(List.of(1082L))); // date: text depends on DateStyle
    }

    @Test
    void brokenStreamsFailNamingTheTable() {
        byte[] header = concat("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1), new byte[8]);
        byte[] row = {0, 1, 0, 0, 0, 4, 0, 0, 0, 7};
        byte[] trailer = {(byte) 0xff, (byte) 0xff};
        assertEquals("7\n\\.\n\n\n", decode(List.of(header, row, trailer)));
        assertEquals("7\n\\.\n\n\n", decode(split(concat(header, row, trailer))));
        assertFails("no binary COPY signature", List.of(concat(new byte[19], row, trailer)));
        assertFails("the data ended inside a row", List.of(header, Arrays.copyOf(row, 7)));
        assertFails("a row has 2 fields, expected 1", List.of(header, new byte[] {0, 2}, trailer));
        assertFails("data after the trailer", List.of(header, trailer, row));
        assertFails("a field of 3 bytes where 4 were expected",
                List.of(header, new byte[] {0, 1, 0, 0, 0, 3, 1, 2, 3}));
        byte[] withOids = header.clone();
        withOids[12] = 1; // flags bit 16
        assertFails("rows carry OIDs", List.of(withOids, row, trailer));
    }

    private static void assertFails(String message, List<byte[]> messages) {
        PgDumpException e = assertThrows(PgDumpException.class, () -> decode(messages));
        assertEquals("Dumping the contents of table \"t\" failed: unexpected binary COPY data: " + message,
                e.getMessage());
    }

    private static String decode(List<byte[]> messages) {
        List<byte[]> left = new ArrayList<>(messages);
        CopyData data = new CopyData() {
            @Override
            boolean next() {
                if (left.isEmpty()) {
                    return false;
                }
                buf = left.remove(0);
                off = 0;
                len = buf.length;
                return true;
            }

            @Override
            void close() {
            }
        };
        try (InputStream in = new BinaryCopyStream(data, List.of(BinaryCopyStream.INT4), "t")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The bytes one per message: every value spans messages. */
    private static List<byte[]> split(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        for (byte b : all) {
            out.add(new byte[] {b});
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Characters from every control character and backslash through Latin-1, Greek and an emoji (no NUL). */
    private static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder();
        String specials = "\\\t\n\r\b\f\u000b\u0001\u001f\u007f";
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick < 3) {
                s.append(specials.charAt(random.nextInt(specials.length())));
            } else if (pick < 8) {
                s.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (pick < 9) {
                s.append((char) (0xa0 + random.nextInt(0x300)));
            } else {
                s.append("\uD83D\uDE00");
            }
        }
        return s.toString();
    }
}
