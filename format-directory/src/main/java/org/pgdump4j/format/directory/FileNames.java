package org.pgdump4j.format.directory;

import java.nio.file.Path;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveVersion;

/**
 * The file names of the directory layout (also the member names inside a tar archive), and the guard that keeps
 * names read from an archive inside the archive's folder (CVE-2026-116314): a name from {@code toc.dat} or a
 * {@code blobs*.toc} list is a single path component made of {@code [A-Za-z0-9_.-]}, never {@code .} or
 * {@code ..}, so it can neither climb out of the directory nor name an absolute path.
 */
public final class FileNames {
    /** The header and TOC file of both layouts. */
    public static final String TOC = "toc.dat";
    /** The tar format's human-oriented script member. */
    public static final String RESTORE_SCRIPT = "restore.sql";
    /** The large-object list of archives up to 1.15 (one BLOBS entry). */
    public static final String OLD_BLOBS_TOC = "blobs.toc";
    /** Prefix of large-object members and files. */
    public static final String BLOB_PREFIX = "blob_";
    private static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** {@code <dumpId>.dat}: the data file of a TABLE DATA entry (without compression suffix). */
    public static String dataFile(int dumpId) {
        return dumpId + ".dat";
    }

    /** {@code blob_<oid>.dat} (without compression suffix). */
    public static String blobFile(long oid) {
        return BLOB_PREFIX + Long.toUnsignedString(oid) + ".dat";
    }

    /** The large-object list of a BLOBS entry: {@code blobs_<dumpId>.toc} from 1.16, {@code blobs.toc} before. */
    public static String blobsToc(int dumpId, ArchiveVersion version) {
        return version.atLeast(ArchiveVersion.V1_16) ? "blobs_" + dumpId + ".toc" : OLD_BLOBS_TOC;
    }

    /** True when {@code name} is a safe single file name (see the class comment). */
    public static boolean isSafe(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code name} if it is safe, else an {@link ArchiveFormatException} naming it and where it was found.
     *
     * @param where e.g. {@code TOC entry 3372 in "dump/toc.dat"}
     */
    public static String requireSafe(String name, String where) {
        if (!isSafe(name)) {
            throw new ArchiveFormatException("invalid file name \"" + printable(name) + "\" in " + where
                    + ": file names in an archive must be plain names inside the archive directory");
        }
        return name;
    }

    /** {@code dir/name} for a name already checked with {@link #requireSafe}, checked once more after resolving. */
    public static Path resolve(Path dir, String name) {
        Path p = dir.resolve(name).normalize();
        if (!isSafe(name) || !dir.normalize().equals(p.getParent())) {
            throw new ArchiveFormatException("invalid file name \"" + printable(name) + "\" in \"" + dir + "\"");
        }
        return p;
    }

    /** {@code TOC entry 3372 "shop.customer"}: an entry as messages name it. */
    public static String describe(org.pgdump4j.toc.TocEntry e) {
        String name = e.namespace() == null || e.namespace().isEmpty() ? e.tag() : e.namespace() + "." + e.tag();
        return "TOC entry " + e.dumpId() + " \"" + printable(name) + "\"";
    }

    /** A name as it may appear in a one-line message: control characters escaped, long names cut. */
    public static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(s.length(), 120);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > n) {
            sb.append("...");
        }
        return sb.toString();
    }
}
