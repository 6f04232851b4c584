package org.pgdump4j.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.UsageException;

/**
 * Finds {@link ArchiveFormat}s through {@link ServiceLoader} (each format module registers its own in
 * {@code META-INF/services/org.pgdump4j.archive.ArchiveFormat}) and detects an archive's format as pg_restore does.
 */
public final class ArchiveFormats {
    /** Names {@link #detectName} returns. */
    public static final String CUSTOM = "custom";
    public static final String DIRECTORY = "directory";
    public static final String TAR = "tar";
    public static final String PLAIN = "plain";

    private ArchiveFormats() {
    }

    /** Every registered format, found through the class loader of this class. */
    public static List<ArchiveFormat> all() {
        List<ArchiveFormat> out = new ArrayList<>();
        ServiceLoader.load(ArchiveFormat.class, ArchiveFormats.class.getClassLoader()).forEach(out::add);
        return List.copyOf(out);
    }

    /** The format named {@code name} or one of its aliases (case-insensitive: "c", "custom", "d", "t", ...). */
    public static Optional<ArchiveFormat> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ArchiveFormat f : all()) {
            if (f.name().equalsIgnoreCase(n) || f.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(n))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Like {@link #byName}, failing with pg_restore's message for {@code -F}. */
    public static ArchiveFormat require(String name) {
        return byName(name).orElseThrow(() -> new UsageException("unrecognized archive format \"" + name
                + "\"; please specify \"c\", \"d\", or \"t\""));
    }

    /**
     * The format of {@code path} as pg_restore decides it: a directory holding {@code toc.dat} (also
     * {@code .gz/.lz4/.zst}) is "directory"; a file starting with {@code PGDMP} is "custom" (or "tar" if its header
     * says so); a file whose first block is a ustar header is "tar"; a plain SQL dump is "plain".
     *
     * @throws ArchiveFormatException with pg_restore's wording when nothing matches
     */
    public static String detectName(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            for (String n : List.of("toc.dat", "toc.dat.gz", "toc.dat.lz4", "toc.dat.zst")) {
                if (Files.isRegularFile(path.resolve(n))) {
                    return DIRECTORY;
                }
            }
            throw new ArchiveFormatException("directory \"" + path + "\" does not appear to be a valid archive "
                    + "(\"toc.dat\" does not exist)");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(512);
        }
        if (head.length >= 5 && head[0] == 'P' && head[1] == 'G' && head[2] == 'D' && head[3] == 'M' && head[4] == 'P') {
            int fmt = formatByte(head);
            return fmt == 3 ? TAR : CUSTOM;
        }
        if (isTarHeader(head)) {
            return TAR;
        }
        String text = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1);
        if (text.startsWith("--\n-- PostgreSQL database dump") || text.startsWith("--\n-- PostgreSQL database cluster dump")) {
            return PLAIN;
        }
        if (head.length < 5) {
            throw new ArchiveFormatException("input file \"" + path + "\" is too short (read " + head.length
                    + ", expected 5)");
        }
        throw new ArchiveFormatException("input file \"" + path + "\" does not appear to be a valid archive");
    }

    /** The registered format for {@link #detectName}; a plain dump without a plain format gives pg_restore's hint. */
    public static ArchiveFormat detect(Path path) throws IOException {
        String name = detectName(path);
        Optional<ArchiveFormat> f = byName(name);
        if (f.isPresent()) {
            return f.get();
        }
        if (name.equals(PLAIN)) {
            throw new ArchiveFormatException("input file appears to be a text format dump. Please use psql.");
        }
        throw new ArchiveFormatException("no reader for the " + name + " archive format of \"" + path
                + "\" is installed");
    }

    /** How many first bytes of a stream {@link #streamFormat} and {@link #notAnArchive} look at (a tar block). */
    public static final int SNIFF_LENGTH = 512;
    private static final byte[] CUSTOM_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT_DUMP_HEADER = "--\n-- PostgreSQL database dump\n--\n\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT_DUMPALL_HEADER = "--\n-- PostgreSQL database cluster dump\n--\n\n"
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * The archive format of a stream whose first bytes (up to {@link #SNIFF_LENGTH}) are {@code head}, as
     * pg_restore reads its standard input: {@link #CUSTOM}, {@link #TAR}, or null for anything else.
     */
    public static @Nullable String streamFormat(byte[] head) {
        if (startsWith(head, CUSTOM_MAGIC)) {
            return CUSTOM;
        }
        return !isTextDump(head) && isTarHeader(head) ? TAR : null;
    }

    /** Starts like a plain pg_dump or pg_dumpall script (pg_restore's TEXT_DUMP_HEADER test). */
    public static boolean isTextDump(byte[] head) {
        return startsWith(head, TEXT_DUMP_HEADER) || startsWith(head, TEXT_DUMPALL_HEADER);
    }

    /** Why pg_restore 18 refuses a stream starting with {@code head} as an archive, in its words. */
    public static ArchiveFormatException notAnArchive(byte[] head) {
        if (isTextDump(head)) {
            return new ArchiveFormatException("input file appears to be a text format dump. Please use psql.");
        }
        if (head.length < CUSTOM_MAGIC.length) {
            return new ArchiveFormatException("input file is too short (read " + head.length + ", expected 5)");
        }
        if (head.length < SNIFF_LENGTH) {
            return new ArchiveFormatException("input file does not appear to be a valid archive (too short?)");
        }
        return new ArchiveFormatException("input file does not appear to be a valid tar archive");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The header's format byte: after magic, version (2 or 3 bytes), intSize and (from 1.7) offSize. */
    private static int formatByte(byte[] h) {
        if (h.length < 8) {
            return -1;
        }
        int maj = h[5] & 0xff;
        int min = h[6] & 0xff;
        int p = 7;
        if (maj > 1 || (maj == 1 && min > 0)) {
            p++;
        }
        p++; // intSize
        if (maj > 1 || (maj == 1 && min >= 7)) {
            p++;
        }
        return p < h.length ? h[p] & 0xff : -1;
    }

    /** A 512-byte ustar header whose checksum is right (pg_restore's isValidTarHeader). */
    public static boolean isTarHeader(byte[] h) {
        if (h.length < 512) {
            return false;
        }
        String magic = new String(h, 257, 5, StandardCharsets.ISO_8859_1);
        if (!magic.equals("ustar")) {
            return false;
        }
        long stored = 0;
        boolean any = false;
        for (int i = 148; i < 156; i++) {
            int c = h[i] & 0xff;
            if (c >= '0' && c <= '7') {
                stored = stored * 8 + (c - '0');
                any = true;
            } else if (any && (c == ' ' || c == 0)) {
                break;
            }
        }
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        return any && stored == sum;
    }
}
