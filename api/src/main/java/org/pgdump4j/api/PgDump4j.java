package org.pgdump4j.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.TocEntry;

/**
 * pg_dump and pg_restore as a library: where every use starts.
 *
 * <pre>{@code
 * String ddl = PgDump4j.dump().from(dataSource).schemaOnly().toText();
 *
 * ByteArrayOutputStream archive = new ByteArrayOutputStream();
 * PgDump4j.dump().from(dataSource).format(Format.CUSTOM).to(archive).run();
 * PgDump4j.restore().from(new ByteArrayInputStream(archive.toByteArray())).into(otherDataSource).run();
 *
 * for (TocItem item : PgDump4j.list(Path.of("shop.dump")).entries()) { ... }
 * }</pre>
 *
 * Every failure is an unchecked {@link org.pgdump4j.PgDumpException} (subclasses: {@link org.pgdump4j.UsageException}
 * for options, {@link org.pgdump4j.ConnectionException}, {@link org.pgdump4j.ArchiveFormatException},
 * {@link org.pgdump4j.RestoreException}...), whose message is the line the command-line tools print after
 * {@code pg_dump: error: }.
 */
public final class PgDump4j {
    private PgDump4j() {
    }

    /** A dump to set up ({@code pg_dump}). */
    public static DumpBuilder dump() {
        return new DumpBuilder();
    }

    /** A restore to set up ({@code pg_restore}). */
    public static RestoreBuilder restore() {
        return new RestoreBuilder();
    }

    /** {@code pg_restore -l} of an archive file or directory, as values. */
    public static ArchiveListing list(Path archive) {
        return list(Archives.open(archive));
    }

    /** {@code pg_restore -l} of a custom or tar archive read from a stream (read up to its TOC; not closed). */
    public static ArchiveListing list(InputStream archive) {
        return list(Archives.open(archive));
    }

    private static ArchiveListing list(Archives.Opened archive) {
        try (ArchiveReader reader = archive.reader()) {
            ArchiveHeader header = reader.header();
            ArchiveInfo info = reader.toc().info();
            List<TocItem> items = new ArrayList<>(reader.toc().entries().size());
            for (TocEntry e : reader.toc().entries()) {
                items.add(new TocItem(e.dumpId(), e.desc(), e.namespace(), e.tag(), e.owner(),
                        TocItem.Section.valueOf(e.section().name()), e.dependencies()));
            }
            return new ArchiveListing(archive.format(), info.dbname(), info.createdAt(),
                    header.compression().method().name().toLowerCase(Locale.ROOT), header.version().toString(),
                    info.serverVersion(), info.dumpVersion(), items);
        } catch (IOException e) {
            throw Failures.of(e);
        } catch (UncheckedIOException e) {
            throw Failures.of(e.getCause());
        }
    }
}
