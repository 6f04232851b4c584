package org.pgdump4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveFormat;
import org.pgdump4j.archive.ArchiveFormats;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.format.custom.CustomArchiveReader;
import org.pgdump4j.format.tar.TarArchiveReader;
import org.pgdump4j.restore.ReaderExtras;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.Timestamps;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Opens the archive reader for a {@link RestoreInput}: a file or folder through the format found by
 * {@link java.util.ServiceLoader} (random access), standard input through the format's streaming reader.
 */
final class ArchiveOpener {
    private ArchiveOpener() {
    }

    /**
     * The format {@code -F} names, as pg_restore accepts it ({@code c}, {@code custom}, {@code d}, {@code t}...,
     * any case); null for plain ({@code p}/{@code plain}), which pg_restore refuses and we run with {@code -d}.
     *
     * @throws UsageException {@code unrecognized archive format "x"; please specify "c", "d", or "t"}
     */
    static @Nullable ArchiveFormat forcedFormat(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("p") || n.equals("plain")) {
            return null;
        }
        return ArchiveFormats.require(name);
    }

    /** pg_restore's refusal of {@code -F p}. */
    static UsageException plainRefused(String name) {
        return new UsageException("archive format \"" + name + "\" is not supported; please use psql");
    }

    /**
     * The registered format for what {@code input} was recognised as (not {@link RestoreInput.Kind#PLAIN}).
     *
     * @throws ArchiveFormatException when no module for it is on the class path
     */
    static ArchiveFormat formatOf(RestoreInput input) {
        String word = input.kind().word();
        return ArchiveFormats.byName(word).orElseThrow(() -> new ArchiveFormatException(
                "no reader for the " + word + " archive format of \"" + input.name() + "\" is installed"));
    }

    /**
     * Opens {@code input} as a {@code format} archive and reads its header and TOC. Creation times are shown in
     * {@code zone} (the header holds wall-clock fields, which pg_restore reads in its local zone).
     */
    static ArchiveReader open(RestoreInput input, ArchiveFormat format, ZoneId zone) throws IOException {
        ArchiveReader reader;
        if (input.path() != null) {
            input.close(); // only sniffed; the format reads the file itself, with random access
            reader = format.newReader(input.path());
        } else {
            reader = openStream(format, Objects.requireNonNull(input.stream(), "stream"));
        }
        return zone.equals(Timestamps.localZone()) ? reader : new Zoned(reader, zone);
    }

    /**
     * Standard input: custom and tar are read sequentially; a directory cannot come from a stream. (The SPI opens
     * paths only, so this names the streaming readers; an {@code ArchiveFormat.newReader(InputStream, String)} would
     * remove that.)
     */
    private static ArchiveReader openStream(ArchiveFormat format, InputStream in) throws IOException {
        switch (format.name()) {
            case ArchiveFormats.CUSTOM:
                return CustomArchiveReader.open(in, RestoreInput.STDIN);
            case ArchiveFormats.TAR:
                return TarArchiveReader.open(in, RestoreInput.STDIN);
            case ArchiveFormats.DIRECTORY:
                throw new UsageException("no output directory specified"); // pg_restore's words
            default:
                throw new ArchiveFormatException("the " + format.name()
                        + " archive format cannot be read from standard input");
        }
    }

    /** pg_restore -l's "Format:" word: CUSTOM, DIRECTORY or TAR. */
    static String listingName(ArchiveFormat format) {
        return format.name().toUpperCase(Locale.ROOT);
    }

    /**
     * A reader whose creation time (in the header and the TOC) is its wall-clock fields in another zone; the rest is
     * delegated.
     */
    private static final class Zoned implements ArchiveReader, ReaderExtras {
        private final ArchiveReader reader;
        private final ArchiveHeader header;
        private final Toc toc;

        Zoned(ArchiveReader reader, ZoneId zone) {
            this.reader = reader;
            ArchiveHeader h = reader.header();
            this.header = new ArchiveHeader(h.version(), h.intSize(), h.offSize(), h.formatCode(), h.compression(),
                    inZone(h.info(), zone));
            this.toc = new Toc(inZone(reader.toc().info(), zone), reader.toc().entries());
        }

        private static ArchiveInfo inZone(ArchiveInfo i, ZoneId zone) {
            return new ArchiveInfo(i.dbname(), i.serverVersion(), i.dumpVersion(),
                    i.createdAt().toLocalDateTime().atZone(zone), i.createdIsDst());
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
        public InputStream openData(TocEntry entry) throws IOException {
            return reader.openData(entry);
        }

        @Override
        public boolean isRandomAccess() {
            return reader.isRandomAccess();
        }

        @Override
        public Optional<String> verboseTocLine(TocEntry entry) {
            return reader instanceof ReaderExtras x ? x.verboseTocLine(entry) : Optional.empty();
        }

        @Override
        public void readLargeObjects(TocEntry blobs, LargeObjectConsumer consumer) throws IOException {
            if (reader instanceof ReaderExtras x) {
                x.readLargeObjects(blobs, consumer);
            } else {
                ReaderExtras.super.readLargeObjects(blobs, consumer);
            }
        }

        @Override
        public long dataLength(TocEntry entry) {
            return reader instanceof ReaderExtras x ? x.dataLength(entry) : 0;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
