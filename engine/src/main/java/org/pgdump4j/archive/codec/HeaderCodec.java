package org.pgdump4j.archive.codec;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.Timestamps;

/**
 * The common archive header (archive-format.md section 3), shared by the custom file and the directory/tar
 * {@code toc.dat}. Reads every layout from 1.0 to 1.16.255 (what pg_restore 18 accepts) and writes 1.14 (Int
 * compression level, for pg_restore 12–15), 1.15 and 1.16 (algorithm byte).
 *
 * <p>Typical use: {@code ArchiveHeader h = HeaderCodec.read(in, HeaderCodec.FORMAT_TAR);} then
 * {@link TocCodec#read}. The creation time is read as local wall-clock fields in {@code Timestamps.localZone()},
 * with the header's {@code tm_isdst} kept beside them for pg_restore's {@code mktime} reading
 * ({@code Timestamps.created}), and written as the wall-clock fields of {@link ArchiveInfo#createdAt()} in its own
 * zone and {@link ArchiveInfo#createdIsDst()}.
 */
public final class HeaderCodec {
    /** Format byte of a custom archive. */
    public static final int FORMAT_CUSTOM = 1;
    /** Format byte of a directory or tar {@code toc.dat}. */
    public static final int FORMAT_TAR = 3;
    /** Newest readable version: 1.16 with any revision. */
    public static final ArchiveVersion MAX_READABLE = new ArchiveVersion(1, 16, 255);
    /** Versions {@link #write} produces. */
    public static final List<ArchiveVersion> WRITABLE =
            List.of(ArchiveVersion.V1_14, ArchiveVersion.V1_15, ArchiveVersion.V1_16);

    private static final ArchiveVersion V1_0 = new ArchiveVersion(1, 0, 0);
    private static final ArchiveVersion V1_2 = new ArchiveVersion(1, 2, 0);
    private static final ArchiveVersion V1_4 = new ArchiveVersion(1, 4, 0);
    private static final ArchiveVersion V1_7 = new ArchiveVersion(1, 7, 0);
    private static final ArchiveVersion V1_10 = new ArchiveVersion(1, 10, 0);

    private HeaderCodec() {
    }

    /**
     * Reads the header from the magic up to (not including) the TOC count and configures {@code in} with the
     * version, intSize and offSize.
     *
     * @param expectedFormat {@link #FORMAT_CUSTOM}, {@link #FORMAT_TAR}, or -1 to accept any format byte
     * @throws org.pgdump4j.ArchiveFormatException wrong magic, unsupported version, bad sizes, other format,
     *                                             truncated input
     */
    public static ArchiveHeader read(ArchiveInput in, int expectedFormat) throws IOException {
        long start = in.position();
        byte[] magic = new byte[5];
        for (int i = 0; i < 5; i++) {
            int b = in.readByteOrEof();
            if (b < 0) {
                throw in.corruptAt("input file is too short (read " + i + ", expected 5)", start);
            }
            magic[i] = (byte) b;
        }
        for (int i = 0; i < 5; i++) {
            if (magic[i] != ArchiveIO.MAGIC[i]) {
                throw in.corruptAt("did not find magic string in file header", start);
            }
        }
        long vpos = in.position();
        int major = in.readByte();
        int minor = in.readByte();
        int rev = 0;
        if (major > 1 || (major == 1 && minor > 0)) {
            rev = in.readByte();
        }
        ArchiveVersion version = new ArchiveVersion(major, minor, rev);
        if (version.compareTo(V1_0) < 0 || version.compareTo(MAX_READABLE) > 0) {
            throw in.corruptAt("unsupported version (" + major + "." + minor + ") in file header", vpos);
        }
        long spos = in.position();
        int intSize = in.readByte();
        if (intSize > ArchiveIO.MAX_INT_SIZE || intSize == 0) {
            throw in.corruptAt("sanity check on integer size (" + intSize + ") failed", spos);
        }
        int offSize = intSize;
        if (version.atLeast(V1_7)) {
            spos = in.position();
            offSize = in.readByte();
            if (offSize == 0 || offSize > ArchiveIO.MAX_INT_SIZE) {
                throw in.corruptAt("sanity check on offset size (" + offSize + ") failed", spos);
            }
        }
        in.configure(version, intSize, offSize);
        long fpos = in.position();
        int format = in.readByte();
        if (expectedFormat >= 0 && format != expectedFormat) {
            throw in.corruptAt("expected format (" + expectedFormat + ") differs from format found in file ("
                    + format + ")", fpos);
        }
        Compression compression;
        long cpos = in.position();
        if (version.atLeast(ArchiveVersion.V1_15)) {
            int alg = in.readByte();
            compression = switch (alg) {
                case 0 -> Compression.NONE;
                case 1 -> new Compression(Compression.Method.GZIP, Compression.DEFAULT_LEVEL);
                case 2 -> new Compression(Compression.Method.LZ4, Compression.DEFAULT_LEVEL);
                case 3 -> new Compression(Compression.Method.ZSTD, Compression.DEFAULT_LEVEL);
                default -> throw in.corruptAt("invalid compression algorithm " + alg + " in file header", cpos);
            };
        } else if (version.atLeast(V1_4)) {
            compression = fromLevel(in.readInt("compression level"));
        } else if (version.atLeast(V1_2)) {
            compression = fromLevel(in.readByte());
        } else {
            compression = new Compression(Compression.Method.GZIP, Compression.DEFAULT_LEVEL);
        }
        ZonedDateTime created = ZonedDateTime.ofInstant(Instant.EPOCH, Timestamps.localZone());
        int isDst = -1;
        String dbname = "";
        if (version.atLeast(V1_4)) {
            int[] tm = new int[7];
            for (int i = 0; i < 7; i++) {
                tm[i] = in.readInt("creation time field");
            }
            created = fromTm(tm, created);
            isDst = tm[6] < 0 ? -1 : tm[6] > 0 ? 1 : 0;
            String s = in.readStr("database name");
            dbname = s == null ? "" : s;
        }
        String serverVersion = null;
        String dumpVersion = null;
        if (version.atLeast(V1_10)) {
            serverVersion = in.readStr("server version");
            dumpVersion = in.readStr("pg_dump version");
        }
        return new ArchiveHeader(version, intSize, offSize, format, compression,
                new ArchiveInfo(dbname, serverVersion, dumpVersion, created, isDst));
    }

    /** Compression from the Int level of archives 1.2–1.14: 0 none, else gzip (-1 = default level). */
    public static Compression fromLevel(int level) {
        if (level == 0) {
            return Compression.NONE;
        }
        if (level >= 1 && level <= 9) {
            return new Compression(Compression.Method.GZIP, level);
        }
        return new Compression(Compression.Method.GZIP, Compression.DEFAULT_LEVEL);
    }

    /** The Int level archive 1.14 stores for a compression; only none and gzip are representable. */
    public static int toLevel(Compression c, ArchiveVersion version) {
        return switch (c.method()) {
            case NONE -> 0;
            case GZIP -> c.level() == Compression.DEFAULT_LEVEL ? -1 : c.level();
            case LZ4, ZSTD -> throw new UsageException("compression \"" + c.method().name().toLowerCase(Locale.ROOT)
                    + "\" is not supported by archive version " + version.major() + "." + version.minor()
                    + " (needs 1.15 or newer)");
        };
    }

    private static ZonedDateTime fromTm(int[] tm, ZonedDateTime fallback) {
        try {
            // normalise like mktime: fields may be out of range
            LocalDateTime t = LocalDateTime.of(1900, 1, 1, 0, 0)
                    .plusYears(tm[5]).plusMonths(tm[4]).plusDays(tm[3] - 1L)
                    .plusHours(tm[2]).plusMinutes(tm[1]).plusSeconds(tm[0]);
            return ZonedDateTime.of(t, Timestamps.localZone());
        } catch (DateTimeException | ArithmeticException e) {
            return fallback;
        }
    }

    /**
     * Writes the header of {@code h} (magic to pg_dump version string; the caller writes the TOC next).
     *
     * @throws UsageException when the version is not in {@link #WRITABLE} or cannot carry the compression
     */
    public static void write(ArchiveOutput out, ArchiveHeader h) throws IOException {
        ArchiveVersion v = h.version();
        if (!WRITABLE.contains(new ArchiveVersion(v.major(), v.minor(), 0))) {
            throw new UsageException("cannot write archive version " + v.major() + "." + v.minor()
                    + " (supported: 1.14, 1.15, 1.16)");
        }
        out.write(ArchiveIO.MAGIC);
        out.writeByte(v.major());
        out.writeByte(v.minor());
        out.writeByte(v.rev());
        out.writeByte(ArchiveIO.INT_SIZE);
        out.writeByte(ArchiveIO.OFF_SIZE);
        out.writeByte(h.formatCode());
        if (v.atLeast(ArchiveVersion.V1_15)) {
            out.writeByte(h.compression().method().code());
        } else {
            out.writeInt(toLevel(h.compression(), v));
        }
        ZonedDateTime t = h.info().createdAt();
        out.writeInt(t.getSecond());
        out.writeInt(t.getMinute());
        out.writeInt(t.getHour());
        out.writeInt(t.getDayOfMonth());
        out.writeInt(t.getMonthValue() - 1);
        out.writeInt(t.getYear() - 1900);
        out.writeInt(h.info().createdIsDst());
        out.writeStr(h.info().dbname());
        out.writeStr(h.info().serverVersion());
        out.writeStr(h.info().dumpVersion());
    }
}
