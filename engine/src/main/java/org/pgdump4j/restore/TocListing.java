package org.pgdump4j.restore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.io.KeptOpen;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Timestamps;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * {@code pg_restore -l}: the archive header as comment lines, then one line per selected entry
 * ({@code dumpId; tableoid oid desc schema tag owner}), byte for byte as pg_restore 18's PrintTOCSummary.
 * Parsing the same text back ({@code -L}) is {@link UseList}.
 */
public final class TocListing {
    private TocListing() {
    }

    /**
     * Prints the listing in one pass over the TOC ({@link RestoreSelection#walk}): each entry is selected and printed
     * as it is read, as pg_restore's PrintTOCSummary does, and a --strict-names error follows the listing.
     *
     * @param formatName {@code CUSTOM}, {@code DIRECTORY} or {@code TAR} (what the reader is)
     * @param zone       the zone the creation time is printed in (pg_restore: the reader's local zone)
     * @param charset    the charset the reader decoded the archive's strings with
     */
    public static void print(ArchiveHeader header, String formatName, Toc toc, RestoreOptions options,
            ProgressListener progress, ZoneId zone, Charset charset, OutputStream out) throws IOException {
        Objects.requireNonNull(formatName, "formatName");
        // streamed line by line: a listing of a million entries is never held whole
        Writer w = new BufferedWriter(new OutputStreamWriter(KeptOpen.of(out), charset), 1 << 16);
        ArchiveInfo info = toc.info();
        w.append(";\n; Archive created at ").append(Timestamps.created(info, zone)).append('\n');
        w.append(";     dbname: ").append(sanitize(info.dbname(), false)).append('\n');
        w.append(";     TOC Entries: ").append(Integer.toString(toc.entries().size())).append('\n');
        w.append(";     Compression: ").append(header.compression().method().name().toLowerCase(Locale.ROOT))
                .append('\n');
        w.append(";     Dump Version: ").append(header.version().toString()).append('\n');
        w.append(";     Format: ").append(formatName).append('\n');
        w.append(";     Integer: ").append(Integer.toString(header.intSize())).append(" bytes\n");
        w.append(";     Offset: ").append(Integer.toString(header.offSize())).append(" bytes\n");
        if (info.serverVersion() != null) {
            w.append(";     Dumped from database version: ").append(info.serverVersion()).append('\n');
        }
        if (info.dumpVersion() != null) {
            w.append(";     Dumped by pg_dump version: ").append(info.dumpVersion()).append('\n');
        }
        w.append(";\n;\n; Selected TOC Entries:\n;\n");
        boolean verbose = options.output().verbose();
        try {
            RestoreSelection.walk(toc, options, progress, (e, reqs) -> {
                if (verbose || RestoreSelection.restores(reqs)) {
                    line(w, e).append('\n');
                }
                if (verbose && !e.dependencies().isEmpty()) {
                    w.append(";\tdepends on:");
                    for (int d : e.dependencies()) {
                        w.append(' ').append(Integer.toString(d));
                    }
                    w.append('\n');
                }
            });
        } finally {
            w.flush();
        }
    }

    /** One entry line: {@code 217; 1259 16499 TABLE shop customer fx_owner}. */
    public static String line(TocEntry e) {
        StringBuilder b = new StringBuilder(96);
        try {
            line(b, e);
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return b.toString();
    }

    private static <A extends Appendable> A line(A w, TocEntry e) throws IOException {
        CatalogId id = e.catalogId();
        w.append(Integer.toString(e.dumpId())).append("; ").append(Long.toUnsignedString(id.tableOid())).append(' ')
                .append(Long.toUnsignedString(id.oid())).append(' ').append(e.desc()).append(' ');
        sanitized(w, e.namespace(), "-").append(' ');
        sanitized(w, e.tag(), "").append(' ');
        return sanitized(w, e.owner(), "");
    }

    /** {@link #sanitize} straight into {@code w}, without a copy when there is nothing to replace. */
    private static <A extends Appendable> A sanitized(A w, @Nullable String s, String ifNull) throws IOException {
        if (s == null) {
            w.append(ifNull);
        } else if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            w.append(s);
        } else {
            w.append(s.replace('\n', ' ').replace('\r', ' '));
        }
        return w;
    }

    /**
     * The entry as warn_or_exit_horribly names it after "from TOC entry ": no schema, unsanitized, and a missing
     * field in words.
     */
    static String errorLine(TocEntry e) {
        return e.dumpId() + "; " + Long.toUnsignedString(e.catalogId().tableOid()) + " "
                + Long.toUnsignedString(e.catalogId().oid()) + " " + orWords(e.desc(), "(no desc)") + " "
                + orWords(e.tag(), "(no tag)") + " " + orWords(e.owner(), "(no owner)");
    }

    private static String orWords(@Nullable String s, String words) {
        return s == null ? words : s;
    }

    /** dumputils' sanitize_line: NULL is "-" or "", CR and LF become spaces. */
    static String sanitize(@Nullable String s, boolean wantHyphen) {
        if (s == null) {
            return wantHyphen ? "-" : "";
        }
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
