package org.pgdump4j.archive;

/**
 * An archive format version, major.minor.rev as the header's three bytes. pg_restore 18 reads 1.0 to 1.16.x
 * and pg_dump 17/18 write 1.16; pg_dump 15 wrote 1.14.
 */
public record ArchiveVersion(int major, int minor, int rev) implements Comparable<ArchiveVersion> {
    public static final ArchiveVersion V1_12 = new ArchiveVersion(1, 12, 0);
    public static final ArchiveVersion V1_14 = new ArchiveVersion(1, 14, 0);
    public static final ArchiveVersion V1_15 = new ArchiveVersion(1, 15, 0);
    public static final ArchiveVersion V1_16 = new ArchiveVersion(1, 16, 0);
    /** What we write unless told otherwise: the newest version pg_restore 18 reads. */
    public static final ArchiveVersion DEFAULT = V1_16;

    public int code() {
        return (major * 256 + minor) * 256 + rev;
    }

    public boolean atLeast(ArchiveVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ArchiveVersion o) {
        return Integer.compare(code(), o.code());
    }

    /** As pg_restore -l prints it: {@code 1.16-0}. */
    @Override
    public String toString() {
        return major + "." + minor + "-" + rev;
    }
}
