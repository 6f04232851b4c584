package org.pgdump4j.archive;

import java.util.Objects;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.toc.ArchiveInfo;

/**
 * The common archive header (custom file, directory/tar toc.dat) minus the TOC.
 *
 * @param formatCode 1 custom, 3 for directory and tar toc.dat
 * @param compression how data blocks are compressed
 */
public record ArchiveHeader(
        ArchiveVersion version,
        int intSize,
        int offSize,
        int formatCode,
        Compression compression,
        ArchiveInfo info) {
    public ArchiveHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(info, "info");
    }
}
