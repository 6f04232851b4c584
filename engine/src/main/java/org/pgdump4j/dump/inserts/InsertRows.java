package org.pgdump4j.dump.inserts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.pgdump4j.PgDumpException;

/**
 * A table's rows as pg_dump's INSERT statements, one stream: each row of the text COPY turned into its statement
 * (or its line of a multi-row statement) when the reader gets to it, so a table is never held in memory, only a
 * row. Ends as pg_dump's data does: the last batch's terminator, then an empty line pair.
 */
public final class InsertRows extends InputStream {
    private static final byte[] END = ";\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_NOTHING = " ON CONFLICT DO NOTHING;\n".getBytes(StandardCharsets.US_ASCII);

    private final RowSource rows;
    private final InsertShape shape;
    private final String table;
    private final byte[] head;
    private final byte[] terminator;
    private final TextBuffer text = new TextBuffer();
    private int pos;
    private int inStatement; // rows written into the statement not yet terminated
    private boolean ended;

    /** {@code table}: its name for messages; a UTF8 dump. */
    public InsertRows(RowSource rows, InsertShape shape, String table) {
        this(rows, shape, table, StandardCharsets.UTF_8);
    }

    /** {@code charset}: the dump's encoding, which the COPY's rows are in and the names are written in. */
    public InsertRows(RowSource rows, InsertShape shape, String table, Charset charset) {
        this.rows = rows;
        this.shape = shape;
        this.table = table;
        this.head = shape.head().getBytes(charset);
        this.terminator = shape.mode().onConflictDoNothing() ? END_NOTHING : END;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == text.length) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, text.length - pos);
        System.arraycopy(text.bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        long n = 0;
        do {
            out.write(text.bytes, pos, text.length - pos);
            n += text.length - pos;
            pos = text.length;
        } while (fill());
        return n;
    }

    /** The next row's text into the buffer; false at the end. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        text.clear();
        pos = 0;
        if (rows.next()) {
            row(rows.buf(), rows.off(), rows.off() + rows.len());
        } else {
            ended = true;
            if (inStatement > 0) {
                text.append(terminator);
            }
            text.add((byte) '\n');
            text.add((byte) '\n');
        }
        return true;
    }

    private void row(byte[] b, int from, int to) {
        if (to > from && b[to - 1] == '\n') {
            to--;
        }
        if (shape.fields() == 0) {
            text.append(head); // DEFAULT VALUES, a statement per row whatever the batch size
            return;
        }
        int rowsPerInsert = shape.mode().rowsPerInsert();
        if (inStatement == 0) {
            text.append(head);
        }
        text.ascii(rowsPerInsert == 1 ? " (" : inStatement > 0 ? ",\n\t(" : "\n\t(");
        boolean readsNone = shape.kinds().isEmpty(); // SELECT NULL: one field, not a value
        int field = from;
        int k = 0;
        boolean first = true;
        for (int i = 0; i < shape.names().size(); i++) {
            if (shape.generated().get(i)) {
                if (!shape.mode().columnInserts()) {
                    text.ascii(first ? "DEFAULT" : ", DEFAULT");
                    first = false;
                }
                continue;
            }
            if (field > to) {
                throw wrongFields();
            }
            int end = field;
            while (end < to && b[end] != '\t') {
                end++;
            }
            if (!first) {
                text.ascii(", ");
            }
            first = false;
            ValueText.append(shape.kinds().get(k++), b, field, end, text, shape.standardStrings());
            field = end + 1;
        }
        if (!readsNone && field != to + 1) {
            throw wrongFields();
        }
        text.add((byte) ')');
        if (++inStatement >= rowsPerInsert) {
            text.append(terminator);
            inStatement = 0;
        }
    }

    private PgDumpException wrongFields() {
        return new PgDumpException("wrong number of fields retrieved from table \"" + table + "\"");
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
