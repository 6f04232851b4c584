package org.pgdump4j.format.custom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveFormat;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.ArchiveWriter;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.archive.codec.ArchiveInput;
import org.pgdump4j.archive.codec.HeaderCodec;

/** pg_dump's custom format ({@code -Fc}): a single file, or stdout/stdin. */
public final class CustomFormat implements ArchiveFormat {
    @Override
    public String name() {
        return "custom";
    }

    @Override
    public List<String> aliases() {
        return List.of("c");
    }

    /** A regular file whose header has the custom format byte. */
    @Override
    public boolean canRead(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return HeaderCodec.read(ArchiveInput.of(ch, path.toString()), -1).formatCode()
                    == HeaderCodec.FORMAT_CUSTOM;
        } catch (ArchiveFormatException e) {
            return false;
        }
    }

    /** @param target the file; null writes to {@code System.out} */
    @Override
    public ArchiveWriter newWriter(@Nullable Path target, WriterOptions options) throws IOException {
        return target == null ? new CustomArchiveWriter(System.out, options) : new CustomArchiveWriter(target, options);
    }

    /** @param source the file; null reads {@code System.in} sequentially */
    @Override
    public ArchiveReader newReader(@Nullable Path source) throws IOException {
        if (source == null) {
            return newReader(System.in, "stdin");
        }
        return CustomArchiveReader.open(source);
    }

    /** Offsets are not written: pg_restore reads such an archive sequentially, as from a pipe. */
    @Override
    public ArchiveWriter newWriter(OutputStream out, WriterOptions options) {
        return new CustomArchiveWriter(out, options);
    }

    @Override
    public ArchiveReader newReader(InputStream in, String name) throws IOException {
        return CustomArchiveReader.open(in, name);
    }
}
