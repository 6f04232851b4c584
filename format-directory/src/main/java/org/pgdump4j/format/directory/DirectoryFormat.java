package org.pgdump4j.format.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveFormat;
import org.pgdump4j.archive.WriterOptions;

/** pg_dump's directory format ({@code -Fd}): a folder with toc.dat and one file per data entry. */
public final class DirectoryFormat implements ArchiveFormat {
    @Override
    public String name() {
        return "directory";
    }

    @Override
    public List<String> aliases() {
        return List.of("d");
    }

    /** pg_restore's test: a folder holding {@code toc.dat} (or a compressed {@code toc.dat.gz/.lz4/.zst}). */
    @Override
    public boolean canRead(Path path) {
        return DirectoryArchiveReader.looksLikeArchive(path);
    }

    @Override
    public DirectoryArchiveWriter newWriter(@Nullable Path target, WriterOptions options) throws IOException {
        if (target == null) {
            throw new UsageException("no output directory specified");
        }
        return new DirectoryArchiveWriter(target, options);
    }

    @Override
    public DirectoryArchiveReader newReader(@Nullable Path source) throws IOException {
        if (source == null) {
            throw new UsageException("directory archives cannot be read from standard input");
        }
        return DirectoryArchiveReader.open(source);
    }
}
