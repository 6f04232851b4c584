package org.pgdump4j.dump.inserts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.dump.inserts.ValueText.Kind;

/** Rows of text COPY turned into pg_dump's INSERT statements (dumpTableData_insert), no server. */
class InsertRowsTest {
    /** COPY text rows, one per message, each ending in a newline. */
    static RowSource rows(String... lines) {
        Iterator<String> it = List.of(lines).iterator();
        return new RowSource() {
            byte[] cur = new byte[0];

            @Override
            public boolean next() {
                if (!it.hasNext()) {
                    return false;
                }
                // padding around the row: readers must honour off and len
                byte[] row = (it.next() + "\n").getBytes(UTF_8);
                cur = new byte[row.length + 4];
                System.arraycopy(row, 0, cur, 2, row.length);
                return true;
            }

            @Override
            public byte[] buf() {
                return cur;
            }

            @Override
            public int off() {
                return 2;
            }

            @Override
            public int len() {
                return cur.length - 4;
            }

            @Override
            public void close() {
            }
        };
    }

    static String run(InsertShape shape, String... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InsertRows in = new InsertRows(rows(lines), shape, "t")) {
            in.transferTo(out);
        }
        return out.toString(UTF_8);
    }

    /** Read a byte array at a time, as a format writer may. */
    static String readInPieces(InsertShape shape, int piece, String... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InsertRows in = new InsertRows(rows(lines), shape, "t")) {
            byte[] buf = new byte[piece];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
            }
        }
        return out.toString(UTF_8);
    }

    static InsertShape shape(InsertMode mode, List<String> names, List<Boolean> generated, List<Kind> kinds,
            boolean overriding) {
        return new InsertShape("s.t", names, generated, kinds, overriding, mode, true);
    }

    static final InsertMode ONE = new InsertMode(1, false, false);

    @Test
    void oneRowPerStatement() throws IOException {
        InsertShape s = shape(ONE, List.of("id", "t"), List.of(false, false), List.of(Kind.NUMBER, Kind.STRING),
                false);
        assertEquals("INSERT INTO s.t VALUES (1, 'it''s');\nINSERT INTO s.t VALUES (2, NULL);\n\n\n",
                run(s, "1\tit's", "2\t\\N"));
    }

    @Test
    void emptyTableIsTwoNewlines() throws IOException {
        InsertShape s = shape(new InsertMode(5, true, true), List.of("a"), List.of(false), List.of(Kind.NUMBER),
                false);
        assertEquals("\n\n", run(s));
    }

    @Test
    void batchesWithTheLastOnePartial() throws IOException {
        InsertShape s = shape(new InsertMode(2, false, false), List.of("a"), List.of(false), List.of(Kind.NUMBER),
                false);
        assertEquals("INSERT INTO s.t VALUES\n\t(1),\n\t(2);\nINSERT INTO s.t VALUES\n\t(3);\n\n\n",
                run(s, "1", "2", "3"));
        assertEquals("INSERT INTO s.t VALUES\n\t(1),\n\t(2);\n\n\n", run(s, "1", "2"));
    }

    @Test
    void columnListOverridingAndOnConflict() throws IOException {
        InsertShape s = shape(new InsertMode(1, true, true), List.of("id", "\"G\"", "v"),
                List.of(false, true, false), List.of(Kind.NUMBER, Kind.STRING), true);
        assertEquals("INSERT INTO s.t (id, v) OVERRIDING SYSTEM VALUE VALUES (1, 'x') ON CONFLICT DO NOTHING;\n\n\n",
                run(s, "1\tx"));
        InsertShape many = shape(new InsertMode(3, true, true), List.of("id"), List.of(false), List.of(Kind.NUMBER),
                false);
        assertEquals("INSERT INTO s.t (id) VALUES\n\t(1),\n\t(2) ON CONFLICT DO NOTHING;\n\n\n", run(many, "1", "2"));
    }

    @Test
    void generatedColumnsAreDefaultWithoutAColumnList() throws IOException {
        InsertShape s = shape(ONE, List.of("g", "a", "h"), List.of(true, false, true), List.of(Kind.NUMBER), false);
        assertEquals("INSERT INTO s.t VALUES (DEFAULT, 5, DEFAULT);\n\n\n", run(s, "5"));
        assertEquals("a", s.selectListForCopy());
    }

    @Test
    void onlyGeneratedColumns() throws IOException {
        // without a column list each is DEFAULT; with one there is nothing left: DEFAULT VALUES per row
        List<String> names = List.of("g");
        InsertShape plain = shape(new InsertMode(2, false, false), names, List.of(true), List.of(), false);
        assertEquals("NULL", plain.selectListForCopy());
        assertEquals("INSERT INTO s.t VALUES\n\t(DEFAULT),\n\t(DEFAULT);\n\n\n", run(plain, "\\N", "\\N"));
        InsertShape listed = shape(new InsertMode(2, true, true), names, List.of(true), List.of(), false);
        assertEquals("INSERT INTO s.t DEFAULT VALUES;\nINSERT INTO s.t DEFAULT VALUES;\n\n\n",
                run(listed, "\\N", "\\N"));
    }

    @Test
    void noColumnsAtAll() throws IOException {
        InsertShape s = shape(new InsertMode(10, false, true), List.of(), List.of(), List.of(), false);
        assertEquals("INSERT INTO s.t DEFAULT VALUES;\nINSERT INTO s.t DEFAULT VALUES;\n\n\n",
                run(s, "\\N", "\\N"));
    }

    @Test
    void readInSmallPiecesGivesTheSameText() throws IOException {
        InsertShape s = shape(new InsertMode(2, false, false), List.of("id", "t"), List.of(false, false),
                List.of(Kind.NUMBER, Kind.STRING), false);
        String[] rows = {"1\ta\\tb", "2\t\\N", "3\tc"};
        assertEquals(run(s, rows), readInPieces(s, 1, rows));
        assertEquals(run(s, rows), readInPieces(s, 7, rows));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsFails() {
        InsertShape s = shape(ONE, List.of("a", "b"), List.of(false, false), List.of(Kind.NUMBER, Kind.NUMBER),
                false);
        PgDumpException e = assertThrows(PgDumpException.class, () -> run(s, "1"));
        assertEquals("wrong number of fields retrieved from table \"t\"", e.getMessage());
        assertThrows(PgDumpException.class, () -> run(s, "1\t2\t3"));
    }

    @Test
    void manyRowsStayStreamed() throws IOException {
        InsertShape s = shape(new InsertMode(100, false, false), List.of("a"), List.of(false), List.of(Kind.NUMBER),
                false);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(Integer.toString(i));
        }
        String text = run(s, rows.toArray(String[]::new));
        assertEquals(3, text.split("INSERT INTO", -1).length - 1);
        assertEquals(true, text.endsWith("\t(249);\n\n\n"));
    }

    /** A row is read from the COPY only when its statement text is wanted: the table never sits in memory. */
    @Test
    void rowsAreReadOnlyAsTheTextIsRead() throws IOException {
        int[] asked = {0};
        RowSource endless = new RowSource() {
            final byte[] row = "42\tsome text\n".getBytes(UTF_8);

            @Override
            public boolean next() {
                asked[0]++;
                return true;
            }

            @Override
            public byte[] buf() {
                return row;
            }

            @Override
            public int off() {
                return 0;
            }

            @Override
            public int len() {
                return row.length;
            }

            @Override
            public void close() {
            }
        };
        InsertShape s = shape(new InsertMode(1000, false, false), List.of("a", "b"), List.of(false, false),
                List.of(Kind.NUMBER, Kind.STRING), false);
        try (InsertRows in = new InsertRows(endless, s, "t")) {
            byte[] buf = new byte[4096];
            int total = 0;
            while (total < 1 << 20) {
                total += in.read(buf);
            }
            // about 20 bytes a row: a megabyte of text took about 50,000 rows, not the endless table
            assertTrue(asked[0] < 60_000, "rows read: " + asked[0]);
        }
    }
}
