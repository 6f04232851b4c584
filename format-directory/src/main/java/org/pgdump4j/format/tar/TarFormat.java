package org.pgdump4j.format.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.archive.ArchiveFormat;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.archive.codec.ArchiveIO;

/** pg_dump's tar format ({@code -Ft}): the directory layout inside a ustar archive, plus restore.sql. */
public final class TarFormat implements ArchiveFormat {
    @Override
    public String name() {
        return "tar";
    }

    @Override
    public List<String> aliases() {
        return List.of("t");
    }

    /** pg_restore's test: a file not starting with PGDMP whose first 512 bytes are a valid tar header. */
    @Override
    public boolean canRead(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        byte[] block = new byte[TarMembers.BLOCK];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(block, 0, block.length);
        }
        return matches(block, n);
    }

    /** The same test on the first bytes of a stream (standard input). */
    public static boolean matches(byte[] signature, int length) {
        if (length >= ArchiveIO.MAGIC.length
                && Arrays.equals(Arrays.copyOf(signature, ArchiveIO.MAGIC.length), ArchiveIO.MAGIC)) {
            return false;
        }
        return TarMembers.isTarHeader(signature, length);
    }

    /** @param target the archive file, or null for standard output */
    @Override
    public TarArchiveWriter newWriter(@Nullable Path target, WriterOptions options) throws IOException {
        return new TarArchiveWriter(target, options);
    }

    /** @param source the archive file, or null for standard input (read in archive order) */
    @Override
    public TarArchiveReader newReader(@Nullable Path source) throws IOException {
        if (source == null) {
            return TarArchiveReader.open(System.in, "-");
        }
        return TarArchiveReader.open(source);
    }

    @Override
    public TarArchiveWriter newWriter(OutputStream out, WriterOptions options) throws IOException {
        return new TarArchiveWriter(out, options);
    }

    @Override
    public TarArchiveReader newReader(InputStream in, String name) throws IOException {
        return TarArchiveReader.open(in, name);
    }
}
