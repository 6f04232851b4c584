package org.pgdump4j.archive.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.pgdump4j.ArchiveFormatException;

/**
 * Constants and guards shared by {@link ArchiveInput} and {@link ArchiveOutput}, which implement the archive's
 * primitive encodings (archive-format.md section 2):
 * <ul>
 *   <li><b>Int</b>: a sign byte ({@code 0} non-negative, anything else negative; absent in archive 1.0) then
 *       {@code intSize} magnitude bytes, least significant first;</li>
 *   <li><b>Str</b>: an Int length, then that many raw bytes; a negative length is NULL;</li>
 *   <li><b>Offset</b>: a flag byte (see {@link DataOffset}) then {@code offSize} bytes, least significant first.</li>
 * </ul>
 * Writers always use intSize 4 and offSize 8.
 */
public final class ArchiveIO {
    /** The header magic, "PGDMP". */
    public static final byte[] MAGIC = {'P', 'G', 'D', 'M', 'P'};
    /** What we write and what every platform PostgreSQL supports writes. */
    public static final int INT_SIZE = 4;
    public static final int OFF_SIZE = 8;
    /** pg_restore refuses larger integer sizes ("sanity check on integer size failed"). */
    public static final int MAX_INT_SIZE = 32;
    /** Largest string we accept from an archive (a definition of 1 GiB is already absurd). */
    public static final int MAX_STRING = 1 << 30;
    /** Strings are decoded as UTF-8 (pg_dump's client encoding in practice). */
    public static final Charset CHARSET = StandardCharsets.UTF_8;

    private ArchiveIO() {
    }

    /** Throws unless {@code 0 <= n <= max}; {@code what} names the value in the message. */
    public static long requireRange(ArchiveInput in, long n, long max, String what) {
        if (n < 0 || n > max) {
            throw in.corrupt("invalid " + what + " " + n + " (expected 0 to " + max + ")");
        }
        return n;
    }

    static ArchiveFormatException format(String message, long offset, String name) {
        return new ArchiveFormatException(message + " at offset " + offset + " in \"" + name + "\"");
    }
}
