package org.pgdump4j.dump;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.dump.inserts.InsertMode;
import org.pgdump4j.dump.inserts.InsertRows;
import org.pgdump4j.dump.inserts.InsertShape;
import org.pgdump4j.dump.inserts.RowSource;
import org.pgdump4j.dump.inserts.ValueText;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.TableCopy;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * The dump's side of INSERT-mode data: TABLE DATA entries without a COPY statement (pg_dump stores none: pg_restore
 * then runs the data as SQL), and each table's rows read by a text {@code COPY (SELECT ...) TO stdout} and turned
 * into statements by {@link InsertRows}. The SELECT reads what pg_dump's cursor reads ({@code FROM ONLY} the table,
 * with its filter), in the same session settings, so the values' text is the same.
 */
final class InsertData {
    /**
     * Client-only encodings whose multibyte characters may hold ASCII bytes (a backslash or a quote byte): the
     * COPY text and the literals would have to be parsed character by character; not done yet.
     */
    private static final Set<String> EMBEDDING_ASCII = Set.of("SJIS", "SHIFT_JIS_2004", "BIG5", "GBK", "UHC",
            "GB18030", "JOHAB");

    private final Connection conn;
    private final InsertMode mode;
    private final String encoding;
    private final boolean standardStrings;
    private @Nullable Map<Long, Long> domainBases;

    InsertData(Connection conn, InsertMode mode, String encoding, boolean standardStrings) {
        this.conn = conn;
        this.mode = mode;
        this.encoding = encoding;
        this.standardStrings = standardStrings;
    }

    /** The same rows read on {@code other}: a parallel dump worker's connection. */
    InsertData on(Connection other) {
        return new InsertData(other, mode, encoding, standardStrings);
    }

    /** Refuses what is not done exactly as pg_dump does it. */
    static void check(String encoding) {
        if (EMBEDDING_ASCII.contains(encoding)) {
            throw new UsageException("option --inserts is not supported yet with encoding " + encoding);
        }
    }

    /** The TOC as pg_dump writes it in INSERT mode: TABLE DATA entries carry no COPY statement. */
    static Toc withoutCopyStatements(Toc toc) {
        List<TocEntry> entries = new ArrayList<>(toc.entries().size());
        for (TocEntry e : toc.entries()) {
            if (e.is(EntryKind.TABLE_DATA) && e.copyStatement() != null) {
                TocEntry.EntrySql sql = e.sql();
                e = new TocEntry(e.dumpId(), e.catalogId(), e.desc(), e.section(), e.names(),
                        new TocEntry.EntrySql(sql.definition(), sql.dropStatement(), null, sql.emptyDropStored()),
                        e.dependencies(), e.hasData(), e.relkind());
            }
            entries.add(e);
        }
        return new Toc(toc.info(), entries);
    }

    /** The rows of {@code plan}'s table as INSERT statements. */
    InputStream open(TableCopy plan, String tag) throws SQLException {
        TableCopy.Rows rows = plan.rows();
        if (rows == null) {
            throw new IllegalStateException("no INSERT shape for table \"" + tag + "\"");
        }
        List<ValueText.Kind> kinds = new ArrayList<>();
        for (long type : plan.columnTypes()) {
            kinds.add(ValueText.kind(baseType(type)));
        }
        InsertShape shape = new InsertShape(rows.into(), rows.names(), rows.generated(), kinds, rows.overriding(),
                mode, standardStrings);
        String filter = plan.filter() == null || plan.filter().isEmpty() ? "" : " " + plan.filter();
        String sql = "COPY (SELECT " + shape.selectListForCopy() + " FROM ONLY " + plan.target() + filter
                + ") TO stdout" + (encoding.equals("UTF8") ? "" : " (ENCODING " + Sql.literal(encoding) + ")") + ";";
        CopyData data = CopyData.start(conn, sql, tag, true);
        return new InsertRows(new Rows(data), shape, tag, Encodings.charset(encoding));
    }

    /** A domain's base type (through domains over domains), else {@code type} itself. */
    private long baseType(long type) throws SQLException {
        if (domainBases == null) {
            domainBases = new HashMap<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT oid, typbasetype FROM pg_catalog.pg_type WHERE typtype = 'd'")) {
                while (rs.next()) {
                    domainBases.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        long t = type;
        for (int depth = 0; domainBases.containsKey(t) && depth < 100; depth++) {
            t = domainBases.get(t);
        }
        return t;
    }

    /** {@link CopyData}'s messages, each one row. */
    private record Rows(CopyData data) implements RowSource {
        @Override
        public boolean next() throws IOException {
            return data.next();
        }

        @Override
        public byte[] buf() {
            return data.buf;
        }

        @Override
        public int off() {
            return data.off;
        }

        @Override
        public int len() {
            return data.len;
        }

        @Override
        public void close() throws IOException {
            data.close();
        }
    }
}
