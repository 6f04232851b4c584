package org.pgdump4j.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;

/**
 * pg_restore's input, opened and recognised by its first bytes: a custom archive ({@code PGDMP}), a
 * directory archive (a folder with {@code toc.dat}), a tar archive ({@code ustar} at offset 257), or else
 * a plain SQL script. The stream (if any) is positioned at the first byte.
 */
record RestoreInput(Kind kind, String name, @Nullable InputStream stream) implements AutoCloseable {
    /** What the input holds; {@link #word()} is the format name pg_dump's {@code -F} uses. */
    enum Kind {
        PLAIN("plain"), CUSTOM("custom"), DIRECTORY("directory"), TAR("tar");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }
    }

    private static final byte[] CUSTOM_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAR_MAGIC = "ustar".getBytes(StandardCharsets.US_ASCII);
    private static final int TAR_MAGIC_OFFSET = 257;
    private static final int SNIFF_LENGTH = 512;

    RestoreInput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Opens {@code fileSpec} (a file or a directory archive), or {@code stdin} when it is null.
     *
     * @throws ArchiveFormatException with pg_restore's message when the file cannot be opened or a folder
     *                                is not an archive
     */
    static RestoreInput open(@Nullable String fileSpec, InputStream stdin) {
        if (fileSpec == null) {
            return sniff("standard input", new BufferedInputStream(stdin));
        }
        Path path = Path.of(fileSpec);
        if (Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve("toc.dat"))) {
                throw new ArchiveFormatException("directory \"" + fileSpec
                        + "\" does not appear to be a valid archive (\"toc.dat\" does not exist)");
            }
            return new RestoreInput(Kind.DIRECTORY, fileSpec, null);
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new ArchiveFormatException("could not open input file \"" + fileSpec
                    + "\": No such file or directory", e);
        } catch (IOException e) {
            throw new ArchiveFormatException("could not open input file \"" + fileSpec + "\": " + e.getMessage(), e);
        }
        try {
            return sniff(fileSpec, new BufferedInputStream(in));
        } catch (RuntimeException e) {
            closeQuietlyAfter(in, e);
            throw e;
        }
    }

    private static RestoreInput sniff(String name, BufferedInputStream in) {
        byte[] head;
        try {
            in.mark(SNIFF_LENGTH);
            head = in.readNBytes(SNIFF_LENGTH);
            in.reset();
        } catch (IOException e) {
            throw new ArchiveFormatException("could not read input file \"" + name + "\": " + e.getMessage(), e);
        }
        return new RestoreInput(kindOf(head), name, in);
    }

    /** The kind of input whose first bytes (up to 512) are {@code head}. */
    static Kind kindOf(byte[] head) {
        if (startsWith(head, 0, CUSTOM_MAGIC)) {
            return Kind.CUSTOM;
        }
        if (startsWith(head, TAR_MAGIC_OFFSET, TAR_MAGIC)) {
            return Kind.TAR;
        }
        return Kind.PLAIN;
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static void closeQuietlyAfter(InputStream in, RuntimeException failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
