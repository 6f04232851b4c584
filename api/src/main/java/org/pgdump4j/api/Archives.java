package org.pgdump4j.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
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
    private static final int SNIFF = 512;
    private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT_DUMP = "--\n-- PostgreSQL database".getBytes(StandardCharsets.US_ASCII);

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
            buffered.mark(SNIFF);
            byte[] head = buffered.readNBytes(SNIFF);
            buffered.reset();
            String name;
            if (startsWith(head, MAGIC)) {
                name = ArchiveFormats.CUSTOM;
            } else if (!startsWith(head, TEXT_DUMP) && ArchiveFormats.isTarHeader(head)) {
                name = ArchiveFormats.TAR;
            } else {
                throw notAnArchive(head);
            }
            ArchiveFormat format = ArchiveFormats.byName(name).orElseThrow();
            return new Opened(Format.named(name), format.newReader(buffered, STREAM), null);
        } catch (IOException e) {
            throw new ArchiveFormatException("could not read input file: " + IoErrors.reason(e), e);
        }
    }

    /** pg_restore 18's words for input that is no archive. */
    private static ArchiveFormatException notAnArchive(byte[] head) {
        if (startsWith(head, TEXT_DUMP)) {
            return new ArchiveFormatException("input file appears to be a text format dump. Please use psql.");
        }
        if (head.length < MAGIC.length) {
            return new ArchiveFormatException("input file is too short (read " + head.length + ", expected 5)");
        }
        if (head.length < SNIFF) {
            return new ArchiveFormatException("input file does not appear to be a valid archive (too short?)");
        }
        return new ArchiveFormatException("input file does not appear to be a valid tar archive");
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
