package org.pgdump4j.dump;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.TableCopy;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.pgdump4j.restore.ReaderExtras;
import org.pgdump4j.toc.EntryKind;
import org.postgresql.PGConnection;

/**
 * A dump in progress seen as an archive: the freshly built TOC, with each table's data pulled from
 * {@code COPY ... TO stdout} as the restore code reads it. This is how {@code dump -Fp} prints through the very
 * code that prints {@code restore -f}, and streams rows without holding a table in memory.
 */
final class LiveDumpReader implements ArchiveReader, ReaderExtras {
    private final ArchiveHeader header;
    private final Toc toc;
    private final Connection connection;
    /** Made at the first large object: PgJDBC's set-up of the API is a query and a dozen classes. */
    private @Nullable LargeObjectManager largeObjects;
    private final Map<Integer, TableCopy> statements;
    private final String encoding;
    private final ProgressListener listener;
    private final @Nullable InsertData inserts;

    LiveDumpReader(Toc toc, Connection connection, Map<Integer, TableCopy> statements, String encoding,
            ProgressListener listener) {
        this(toc, connection, statements, encoding, listener, null);
    }

    /** {@code inserts}: the rows as INSERT statements, null for COPY. */
    LiveDumpReader(Toc toc, Connection connection, Map<Integer, TableCopy> statements, String encoding,
            ProgressListener listener, @Nullable InsertData inserts) {
        this.inserts = inserts;
        this.header = new ArchiveHeader(ArchiveVersion.DEFAULT, 4, 8, 0, Compression.NONE, toc.info());
        this.toc = toc;
        this.connection = connection;
        this.statements = statements;
        this.encoding = encoding;
        this.listener = listener;
    }

    /** The same dump read on {@code other}, a worker's connection in the dump's snapshot. */
    LiveDumpReader on(Connection other) throws SQLException {
        return new LiveDumpReader(toc, other, statements, encoding, listener,
                inserts == null ? null : inserts.on(other));
    }

    Connection connection() {
        return connection;
    }

    /** How many large objects a BLOBS entry holds (the OIDs its BLOB METADATA entry lists). */
    int largeObjectCount(TocEntry blobs) {
        return metadata(blobs).definition().split("\n").length;
    }

    @Override
    public ArchiveHeader header() {
        return header;
    }

    @Override
    public Toc toc() {
        return toc;
    }

    @Override
    public boolean isRandomAccess() {
        return false;
    }

    @Override
    public InputStream openData(TocEntry entry) throws IOException {
        TableCopy plan = statements.get(entry.dumpId());
        if (plan == null) {
            throw new IllegalStateException("no COPY statement for TOC entry " + entry.dumpId());
        }
        listener.info("dumping contents of table \"" + entry.namespace() + "." + entry.tag() + "\"");
        // The session stays UTF8 for the driver; COPY converts the rows to the dump's encoding itself.
        boolean utf8 = encoding.equals("UTF8");
        boolean binary = utf8 && BinaryCopyStream.supports(plan.columnTypes());
        String stmt = plan.statement(binary ? "FORMAT binary" : utf8 ? "" : "ENCODING " + Sql.literal(encoding));
        try {
            if (plan.foreign()) {
                DumpSession.restrictRelationKinds(connection, "view");
            }
            if (inserts != null) {
                InputStream statements = inserts.open(plan, entry.tag());
                return plan.foreign() ? restrictingAgain(statements, entry.tag()) : statements;
            }
            CopyData data = CopyData.start(connection, stmt, entry.tag(), true, plan.statement(""));
            InputStream rows = binary ? new BinaryCopyStream(data, plan.columnTypes(), entry.tag())
                    : new TextCopyStream(data);
            return plan.foreign() ? restrictingAgain(rows, entry.tag()) : rows;
        } catch (SQLException e) {
            throw CopyData.failed(entry.tag(), e);
        }
    }

    /** A foreign table's rows; once read, the session again refuses to read foreign tables (pg_dump's order). */
    private InputStream restrictingAgain(InputStream rows, String tag) {
        return new FilterInputStream(rows) {
            @Override
            public void close() throws IOException {
                super.close();
                try {
                    DumpSession.restrictRelationKinds(connection, DumpSession.RESTRICTED_KINDS);
                } catch (SQLException e) {
                    throw CopyData.failed(tag, e);
                }
            }
        };
    }

    private LargeObjectManager largeObjects() throws SQLException {
        if (largeObjects == null) {
            largeObjects = connection.unwrap(PGConnection.class).getLargeObjectAPI();
        }
        return largeObjects;
    }

    /** Each large object of a BLOBS entry (OIDs from its BLOB METADATA entry) read through the LO API. */
    @Override
    public void readLargeObjects(TocEntry blobs, LargeObjectConsumer consumer) throws IOException {
        for (String line : metadata(blobs).definition().split("\n")) {
            long oid = Long.parseLong(line.trim());
            try (LargeObject lo = largeObjects().open(oid, LargeObjectManager.READ);
                 InputStream in = lo.getInputStream()) {
                consumer.accept(oid, in);
            } catch (SQLException e) {
                throw new PgDumpException("could not read large object " + oid + ": " + e.getMessage(), e);
            }
        }
    }

    private TocEntry metadata(TocEntry blobs) {
        return toc.entries().stream()
                .filter(e -> e.is(EntryKind.BLOB_METADATA) && blobs.dependencies().contains(e.dumpId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no BLOB METADATA for " + blobs.tag()));
    }

    @Override
    public void close() {
        // the connection belongs to the dump
    }
}
