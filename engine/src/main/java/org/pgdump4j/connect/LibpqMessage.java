package org.pgdump4j.connect;

import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A server error as libpq's {@code PQerrorMessage} shows it at its default verbosity (pqBuildErrorMessage3), since
 * pg_restore prints that text: {@code ERROR:  message}, the statement position as a {@code LINE n:} line with a
 * caret under it, then DETAIL, HINT, QUERY and CONTEXT lines, each ending in a newline.
 */
public final class LibpqMessage {
    /** libpq's text for a connection that broke (pqReadData). */
    public static final String CONNECTION_LOST = "server closed the connection unexpectedly\n"
            + "\tThis probably means the server terminated abnormally\n"
            + "\tbefore or while processing the request.\n";
    private static final int DISPLAY_SIZE = 60;
    private static final int MIN_RIGHT_CUT = 10;

    private LibpqMessage() {
    }

    /**
     * The message of {@code e}; {@code batch} is the text sent (for the position display), null when none applies.
     * A failure that is not a server error reads as libpq words it: a broken connection, else the driver's message.
     */
    public static String of(SQLException e, @Nullable String batch) {
        ServerErrorMessage m = serverError(e);
        if (m == null) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                return CONNECTION_LOST;
            }
            return e.getMessage() + "\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(m.getSeverity() == null ? "ERROR" : m.getSeverity()).append(":  ");
        out.append(nonNull(m.getMessage()));
        String query = null;
        int position = 0;
        if (m.getPosition() > 0) {
            query = batch;
            position = batch == null ? 0 : positionInBatch(batch, m.getPosition());
            if (query == null || position <= 0) {
                out.append(" at character ").append(m.getPosition());
                query = null;
            }
        } else if (m.getInternalPosition() > 0) {
            query = m.getInternalQuery();
            position = m.getInternalPosition();
            if (query == null) {
                out.append(" at character ").append(m.getInternalPosition());
            }
        }
        out.append('\n');
        if (query != null && position > 0) {
            cursor(out, query, position);
        }
        line(out, "DETAIL", m.getDetail());
        line(out, "HINT", m.getHint());
        line(out, "QUERY", m.getInternalQuery());
        line(out, "CONTEXT", m.getWhere());
        return out.toString();
    }

    private static @Nullable ServerErrorMessage serverError(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage();
            }
        }
        return null;
    }

    private static void line(StringBuilder out, String label, @Nullable String value) {
        if (value != null) {
            out.append(label).append(":  ").append(value).append('\n');
        }
    }

    private static String nonNull(@Nullable String s) {
        return s == null ? "" : s;
    }

    /**
     * The server counts a position within the statement PgJDBC sent, and PgJDBC sends a batch's statements one by
     * one, where libpq sends the batch whole: the position is moved by the offset of the statement that failed.
     * Which one that was the driver does not say; the first whose length reaches the position is taken (a batch
     * of one statement, the common case, is exact). Returns 0 when the batch cannot be split as PgJDBC splits it.
     */
    static int positionInBatch(String batch, int position) {
        List<NativeQuery> parts;
        try {
            parts = Parser.parseJdbcSql(batch, true, false, true, false, false);
        } catch (SQLException | RuntimeException | LinkageError e) {
            return 0;
        }
        int from = 0;
        for (NativeQuery q : parts) {
            String sql = q.nativeSql;
            int at = batch.indexOf(sql, from);
            if (at < 0) {
                return 0; // the driver rewrote the text (escapes): no longer a substring
            }
            from = at + sql.length();
            if (sql.codePointCount(0, sql.length()) >= position) {
                return batch.codePointCount(0, at) + position;
            }
        }
        return 0;
    }

    /**
     * libpq's reportErrorPosition: the line holding the (1-based, in characters) position, cut to 60 screen
     * columns around it with "..." where cut, and a caret under the position.
     */
    static void cursor(StringBuilder out, String query, int position) {
        int loc = position - 1;
        int[] cps = query.replace('\t', ' ').codePoints().toArray();
        int n = cps.length;
        int[] scr = new int[n + 1];
        int lineNo = 1;
        int ibeg = 0;
        int iend = -1;
        int col = 0;
        int cno = 0;
        for (; cno < n; cno++) {
            scr[cno] = col;
            int ch = cps[cno];
            if (ch == '\r' || ch == '\n') {
                if (cno < loc) {
                    if (ch == '\r' || cno == 0 || cps[cno - 1] != '\r') {
                        lineNo++;
                    }
                    ibeg = cno + 1;
                } else {
                    iend = cno;
                    break;
                }
            }
            col += width(ch);
        }
        if (iend < 0) {
            iend = cno;
            scr[iend] = col;
        }
        if (loc > cno) {
            return;
        }
        boolean begTrunc = false;
        boolean endTrunc = false;
        if (scr[iend] - scr[ibeg] > DISPLAY_SIZE) {
            if (scr[ibeg] + DISPLAY_SIZE >= scr[loc] + MIN_RIGHT_CUT) {
                while (scr[iend] - scr[ibeg] > DISPLAY_SIZE) {
                    iend--;
                }
                endTrunc = true;
            } else {
                while (scr[loc] + MIN_RIGHT_CUT < scr[iend]) {
                    iend--;
                    endTrunc = true;
                }
                while (scr[iend] - scr[ibeg] > DISPLAY_SIZE) {
                    ibeg++;
                    begTrunc = true;
                }
            }
        }
        String prefix = "LINE " + lineNo + ": " + (begTrunc ? "..." : "");
        out.append(prefix).append(new String(cps, ibeg, iend - ibeg)).append(endTrunc ? "..." : "").append('\n');
        out.append(" ".repeat(prefix.length() + scr[loc] - scr[ibeg])).append("^\n");
    }

    /**
     * Screen columns of a character as libpq counts them in UTF8: East Asian wide ones take two, all others one
     * (control and combining characters too). These are the classic wcwidth ranges; libpq 18's table also widens
     * some emoji, so a caret after such a character on the error's line can sit a column off.
     */
    static int width(int cp) {
        boolean wide = cp >= 0x1100
                && (cp <= 0x115f
                || (cp >= 0x2e80 && cp <= 0xa4cf && (cp & ~0x0011) != 0x300a && cp != 0x303f)
                || (cp >= 0xac00 && cp <= 0xd7a3)
                || (cp >= 0xf900 && cp <= 0xfaff)
                || (cp >= 0xfe30 && cp <= 0xfe6f)
                || (cp >= 0xff00 && cp <= 0xff5f)
                || (cp >= 0xffe0 && cp <= 0xffe6)
                || (cp >= 0x20000 && cp <= 0x2ffff));
        return wide ? 2 : 1;
    }
}
