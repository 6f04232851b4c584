package org.pgdump4j.dump;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.EntryData;
import org.pgdump4j.toc.TocEntry;
import org.postgresql.copy.CopyManager;

/**
 * Streams a table's rows with {@code COPY ... TO stdout} straight into the output, never holding a table in
 * memory, and ends the block with the {@code \.} line as pg_dump does.
 */
final class TableDataCopier implements EntryData {
    private static final byte[] TERMINATOR = "\\.\n\n\n".getBytes(StandardCharsets.US_ASCII);

    private final CopyManager copy;
    private final Map<Integer, String> statements;
    private final String encoding;
    private final ProgressListener listener;

    TableDataCopier(CopyManager copy, Map<Integer, String> statements, String encoding, ProgressListener listener) {
        this.copy = copy;
        this.statements = statements;
        this.encoding = encoding;
        this.listener = listener;
    }

    @Override
    public void writeTo(TocEntry entry, OutputStream out) throws IOException {
        String sql = statements.get(entry.dumpId());
        if (sql == null) {
            throw new IllegalStateException("no COPY statement for TOC entry " + entry.dumpId());
        }
        listener.info("dumping contents of table \"" + entry.namespace() + "." + entry.tag() + "\"");
        // The session stays UTF8 for the driver; COPY converts rows to the dump's encoding itself.
        String stmt = encoding.equals("UTF8") ? sql
                : sql.substring(0, sql.length() - 1) + " (ENCODING '" + encoding + "');";
        try {
            copy.copyOut(stmt, out);
        } catch (SQLException e) {
            throw new PgDumpException("Dumping the contents of table \"" + entry.tag() + "\" failed: "
                    + e.getMessage(), e);
        }
        out.write(TERMINATOR);
    }
}
