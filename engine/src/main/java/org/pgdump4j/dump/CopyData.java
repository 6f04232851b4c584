package org.pgdump4j.dump;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.catalog.QueryFailed;
import org.pgdump4j.connect.LibpqMessage;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.VisibleBufferedInputStream;

/**
 * The payloads of the CopyData messages of one {@code COPY ... TO stdout}, one message at a time: after
 * {@link #next()} returns true, {@code buf[off, off + len)} holds the message until the following call.
 *
 * <p>{@link #start} reads the messages in place from PgJDBC's input buffer when it can reach it: PgJDBC's public
 * {@link CopyOut#readFromCopy()} allocates an array per message and takes two locks: twice the CPU of reading in
 * place (0.73 against 0.35 CPU-seconds for 5 million pgbench rows). Anything that is not CopyData (the end of the
 * COPY, an error, a notice) still goes through {@code readFromCopy}, so the driver handles the protocol around the
 * rows. The buffer sits in two private fields of PgJDBC; {@link DriverBuffer} reaches it only on the driver versions
 * this was tested on and when not switched off, and otherwise every message goes through {@code readFromCopy}.
 */
abstract class CopyData {
    byte[] buf = new byte[0];
    int off;
    int len;

    /** Moves to the next message; false once the COPY is complete. */
    abstract boolean next() throws IOException;

    /** The row count of the COPY's completion tag once it is complete, else -1 (unknown). */
    long completedRows() {
        return -1;
    }

    /** Ends the COPY early when it has not finished: the rest of the rows are discarded. */
    abstract void close() throws IOException;

    /** Starts {@code sql} (a COPY TO stdout) on {@code conn}; {@code direct} allows reading PgJDBC's buffer. */
    static CopyData start(Connection conn, String sql, String table, boolean direct) {
        return start(conn, sql, table, direct, sql);
    }

    /**
     * As {@link #start(Connection, String, String, boolean)}; {@code command} is the statement pg_dump would have
     * sent (its text COPY), which its messages name: a COPY that does not start fails as pg_dump's
     * {@code query failed}, one that fails on the way as its {@code Dumping the contents of table} error.
     */
    static CopyData start(Connection conn, String sql, String table, boolean direct, String command) {
        CopyOut op;
        PGConnection pg;
        try {
            pg = conn.unwrap(PGConnection.class);
            op = pg.getCopyAPI().copyOut(sql);
        } catch (SQLException e) {
            throw QueryFailed.of(e, command);
        }
        VisibleBufferedInputStream input = null;
        if (direct) {
            try {
                input = DriverBuffer.of(conn);
            } catch (LinkageError e) { // a driver whose internals moved: the public path
                input = null;
            }
        }
        return input != null ? new Direct(pg, op, input, table, command) : new Api(pg, op, table, command);
    }

    /** Every message through {@code readFromCopy}. */
    static class Api extends CopyData {
        final PGConnection pg;
        final CopyOut op;
        final String table;
        final String command;
        boolean done; // the COPY is complete: the connection has nothing more to read for it

        Api(PGConnection pg, CopyOut op, String table, String command) {
            this.pg = pg;
            this.op = op;
            this.table = table;
            this.command = command;
        }

        @Override
        boolean next() throws IOException {
            if (done) {
                return false;
            }
            try {
                byte[] row = op.readFromCopy();
                if (row == null) {
                    done = true;
                    return false;
                }
                buf = row;
                off = 0;
                len = row.length;
                return true;
            } catch (SQLException e) {
                throw failedAfterStart(table, command, e);
            }
        }

        @Override
        long completedRows() {
            return done ? op.getHandledRowCount() : -1;
        }

        /**
         * Cancels the statement and reads on to the end of the COPY, which the cancel makes an error: PgJDBC's
         * {@code cancelCopy} leaves the rest of the rows in the connection, where the next statement would meet them.
         */
        @Override
        void close() throws IOException {
            if (!op.isActive()) {
                return;
            }
            try {
                pg.cancelQuery();
            } catch (SQLException e) {
                throw new IOException("could not cancel the COPY of \"" + table + "\": " + e.getMessage(), e);
            }
            try {
                while (next()) {
                    // discarded
                }
            } catch (PgDumpException | IOException expected) {
                // "canceling statement due to user request": the COPY has ended
            }
        }
    }

    /** CopyData messages read in place from the driver's buffer; the rest through {@code readFromCopy}. */
    static final class Direct extends Api {
        private final VisibleBufferedInputStream input;
        private int pending; // bytes of the current message still to skip in the driver's buffer

        Direct(PGConnection pg, CopyOut op, VisibleBufferedInputStream input, String table, String command) {
            super(pg, op, table, command);
            this.input = input;
        }

        @Override
        boolean next() throws IOException {
            if (done) {
                return false; // reading on would wait for a message that never comes
            }
            if (pending > 0) {
                input.skip(pending); // the previous message, left in place while it was read
                pending = 0;
            }
            if (!input.ensureBytes(5)) {
                return super.next(); // the connection ended: the driver reports it
            }
            byte[] b = input.getBuffer();
            int i = input.getIndex();
            if (b[i] != 'd') {
                return super.next(); // CopyDone, an error or a notice: the driver's part
            }
            int size = (b[i + 1] & 0xff) << 24 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 8 | b[i + 4] & 0xff;
            if (size < 4) {
                throw failed(table, "CopyData message of length " + size, null);
            }
            if (!input.ensureBytes(1 + size)) { // may move or grow the buffer
                throw connectionLost(table, command, null); // libpq: PQgetCopyData's -2
            }
            buf = input.getBuffer();
            off = input.getIndex() + 5;
            len = size - 4;
            pending = 1 + size;
            return true;
        }
    }

    static PgDumpException failed(String table, SQLException e) {
        return failed(table, e.getMessage(), e);
    }

    /**
     * pg_dump's messages for a COPY that fails after it started: a server error ends the COPY and comes from
     * PQgetResult; a connection that breaks makes PQgetCopyData fail. Each with libpq's text and the command.
     */
    static PgDumpException failedAfterStart(String table, String command, SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return connectionLost(table, command, e);
        }
        return new PgDumpException("Dumping the contents of table \"" + table + "\" failed: PQgetResult() failed.\n"
                + "detail: Error message from server: " + stripOneNewline(LibpqMessage.of(e, null))
                + "\ndetail: Command was: " + command, e);
    }

    private static PgDumpException connectionLost(String table, String command, @Nullable Throwable cause) {
        return new PgDumpException("Dumping the contents of table \"" + table + "\" failed: PQgetCopyData() failed.\n"
                + "detail: Error message from server: " + stripOneNewline(LibpqMessage.CONNECTION_LOST)
                + "\ndetail: Command was: " + command, cause);
    }

    /** pg_log's rule: one trailing newline of a message is dropped. */
    private static String stripOneNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** pg_dump's message for a COPY that went wrong, naming the table. */
    static PgDumpException failed(String table, String reason, @Nullable Throwable cause) {
        return new PgDumpException("Dumping the contents of table \"" + table + "\" failed: " + reason, cause);
    }
}
