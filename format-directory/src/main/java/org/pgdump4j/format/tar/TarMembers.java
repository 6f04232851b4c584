package org.pgdump4j.format.tar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/** The tar member headers pg_dump writes, and pg_restore's test for a tar header (archive-format.md 7.2, 7.3). */
final class TarMembers {
    static final int BLOCK = 512;
    private static final int OWNER_UID = 04000;
    private static final int OWNER_GID = 02000;
    private static final String OWNER_NAME = "postgres";

    private TarMembers() {
    }

    /** A member header as pg_dump writes it: mode 0600, uid 2048, gid 1024, user and group "postgres". */
    static TarArchiveEntry entry(String name, long size, long mtimeMillis) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setMode(0600);
        e.setIds(OWNER_UID, OWNER_GID);
        e.setNames(OWNER_NAME, OWNER_NAME);
        e.setSize(size);
        e.setModTime(mtimeMillis);
        return e;
    }

    /** A tar stream configured as pg_dump writes: 512-byte records, big sizes in base-256, names never long. */
    static TarArchiveOutputStream output(java.io.OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, BLOCK, StandardCharsets.US_ASCII.name());
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
        return tar;
    }

    /**
     * pg_restore's isValidTarHeader: the checksum is right and the magic is POSIX {@code ustar\0} + {@code 00},
     * GNU {@code ustar  \0}, or pre-9.3 pg_dump's {@code ustar00\0}.
     */
    static boolean isTarHeader(byte[] block, int length) {
        if (length < BLOCK) {
            return false;
        }
        byte[] magic = Arrays.copyOfRange(block, 257, 265);
        boolean posix = Arrays.equals(magic, "ustar\u000000".getBytes(StandardCharsets.US_ASCII));
        boolean gnu = Arrays.equals(magic, "ustar  \u0000".getBytes(StandardCharsets.US_ASCII));
        boolean old = Arrays.equals(magic, "ustar00\u0000".getBytes(StandardCharsets.US_ASCII));
        return (posix || gnu || old) && TarUtils.verifyCheckSum(Arrays.copyOf(block, BLOCK));
    }
}
