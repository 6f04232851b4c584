package org.pgdump4j.restore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * {@code pg_restore -l}: the archive header as comment lines, then one line per selected entry
 * ({@code dumpId; tableoid oid desc schema tag owner}), byte for byte as pg_restore 18's PrintTOCSummary.
 * Parsing the same text back ({@code -L}) is {@link UseList}.
 */
public final class TocListing {
    /** strftime's {@code %Y-%m-%d %H:%M:%S %Z}. */
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);

    private TocListing() {
    }

    /**
     * Prints the listing.
     *
     * @param formatName {@code CUSTOM}, {@code DIRECTORY} or {@code TAR} (what the reader is)
     * @param zone       the zone the creation time is printed in (pg_restore: the reader's local zone)
     * @param charset    the charset the reader decoded the archive's strings with
     */
    public static void print(ArchiveHeader header, String formatName, Toc toc, RestoreSelection selection,
            boolean verbose, ZoneId zone, Charset charset, OutputStream out) throws IOException {
        Objects.requireNonNull(formatName, "formatName");
        StringBuilder sb = new StringBuilder(256 + 64 * toc.entries().size());
        ArchiveInfo info = toc.info();
        sb.append(";\n; Archive created at ").append(timestamp(info, zone)).append('\n');
        sb.append(";     dbname: ").append(sanitize(info.dbname(), false)).append('\n');
        sb.append(";     TOC Entries: ").append(toc.entries().size()).append('\n');
        sb.append(";     Compression: ").append(header.compression().method().name().toLowerCase(Locale.ROOT))
                .append('\n');
        sb.append(";     Dump Version: ").append(header.version()).append('\n');
        sb.append(";     Format: ").append(formatName).append('\n');
        sb.append(";     Integer: ").append(header.intSize()).append(" bytes\n");
        sb.append(";     Offset: ").append(header.offSize()).append(" bytes\n");
        if (info.serverVersion() != null) {
            sb.append(";     Dumped from database version: ").append(info.serverVersion()).append('\n');
        }
        if (info.dumpVersion() != null) {
            sb.append(";     Dumped by pg_dump version: ").append(info.dumpVersion()).append('\n');
        }
        sb.append(";\n;\n; Selected TOC Entries:\n;\n");
        for (TocEntry e : selection.ordered()) {
            if (verbose || selection.restores(e)) {
                sb.append(line(e)).append('\n');
            }
            if (verbose && !e.dependencies().isEmpty()) {
                sb.append(";\tdepends on:");
                for (int d : e.dependencies()) {
                    sb.append(' ').append(d);
                }
                sb.append('\n');
            }
        }
        out.write(sb.toString().getBytes(charset));
        out.flush();
    }

    /** One entry line: {@code 217; 1259 16499 TABLE shop customer fx_owner}. */
    public static String line(TocEntry e) {
        return e.dumpId() + "; " + Long.toUnsignedString(e.catalogId().tableOid()) + " "
                + Long.toUnsignedString(e.catalogId().oid()) + " " + e.desc() + " " + sanitize(e.namespace(), true)
                + " " + sanitize(e.tag(), false) + " " + sanitize(e.owner(), false);
    }

    /** The creation time as pg_restore prints it ("Archive created at", "-- Started on"). */
    static String timestamp(ArchiveInfo info, ZoneId zone) {
        ZoneId z = zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
        return STAMP.format(info.createdAt().withZoneSameInstant(z));
    }

    /** dumputils' sanitize_line: NULL is "-" or "", CR and LF become spaces. */
    static String sanitize(@Nullable String s, boolean wantHyphen) {
        if (s == null) {
            return wantHyphen ? "-" : "";
        }
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
