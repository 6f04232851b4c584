package org.pgdump4j.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveFormat;
import org.pgdump4j.archive.ArchiveFormats;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.io.IoErrors;
import org.pgdump4j.restore.ArchiveSource;

/** Opens an archive as pg_restore does: recognised by its first bytes (or, for a folder, its toc.dat). */
final class Archives {
    /** What a stream is called in messages (pg_restore names its standard input so). */
    static final String STREAM = "stdin";

    /**
     * An opened archive and its format.
     *
     * @param again opens the same archive once more (parallel restore's workers); null for a stream
     */
    record Opened(Format format, ArchiveReader reader, @Nullable ArchiveSource again) {
    }

    private Archives() {
    }

    /** A file (custom or tar, random access) or a directory archive. */
    static Opened open(Path path) {
        try {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
            ArchiveFormat format = ArchiveFormats.detect(path);
            return new Opened(Format.named(format.name()), format.newReader(path), () -> format.newReader(path));
        } catch (IOException e) {
            throw new ArchiveFormatException("could not open input file \"" + path + "\": " + IoErrors.reason(e), e);
        }
    }

    /** A custom or tar archive read from {@code in} in order (pg_restore's standard input); not closed. */
    static Opened open(InputStream in) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            buffered.mark(ArchiveFormats.SNIFF_LENGTH);
            byte[] head = buffered.readNBytes(ArchiveFormats.SNIFF_LENGTH);
            buffered.reset();
            String name = ArchiveFormats.streamFormat(head);
            if (name == null) {
                throw ArchiveFormats.notAnArchive(head);
            }
            ArchiveFormat format = ArchiveFormats.byName(name).orElseThrow();
            return new Opened(Format.named(name), format.newReader(buffered, STREAM), null);
        } catch (IOException e) {
            throw new ArchiveFormatException("could not read input file: " + IoErrors.reason(e), e);
        }
    }
}
