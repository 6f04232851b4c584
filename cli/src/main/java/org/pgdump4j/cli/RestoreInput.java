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
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveFormats;

/**
 * pg_restore's input, opened and recognised by its first bytes as pg_restore's {@code _discoverArchiveFormat} does:
 * a directory archive (a folder with {@code toc.dat}), a custom archive ({@code PGDMP}), a tar archive (a valid
 * ustar header block), or else plain: a text dump, or some other script or file. Only a plain input that starts
 * like pg_dump's or pg_dumpall's plain output ({@link #isPgDumpScript}) is run as a script without {@code -F p}.
 *
 * @param kind   what the input holds
 * @param name   the file name, or {@code stdin}
 * @param path   the file or folder; null for standard input
 * @param stream the file or standard input, positioned at the first byte (the sniffed bytes are still there); null
 *               for a folder
 * @param head   up to the first 512 bytes (empty for a folder)
 */
record RestoreInput(Kind kind, String name, @Nullable Path path, @Nullable InputStream stream, byte[] head)
        implements AutoCloseable {
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

    static final String STDIN = "stdin";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final List<String> SCRIPT_HEADERS = List.of("-- PostgreSQL database dump",
            "-- PostgreSQL database cluster dump");

    RestoreInput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(head, "head");
    }

    /**
     * Opens {@code fileSpec} (a file or a directory archive), or {@code stdin} when it is null.
     *
     * @throws ArchiveFormatException with pg_restore's message when the file cannot be opened or a folder
     *                                is not an archive
     */
    static RestoreInput open(@Nullable String fileSpec, InputStream stdin) {
        if (fileSpec == null) {
            return sniff(STDIN, null, new BufferedInputStream(stdin));
        }
        Path path = Path.of(fileSpec);
        if (Files.isDirectory(path)) {
            try {
                ArchiveFormats.detectName(path); // pg_restore's message when there is no toc.dat
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new RestoreInput(Kind.DIRECTORY, fileSpec, path, null, new byte[0]);
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
            return sniff(fileSpec, path, new BufferedInputStream(in));
        } catch (RuntimeException e) {
            closeQuietlyAfter(in, e);
            throw e;
        }
    }

    /** A file or folder given with {@code -F}: not looked at here, the forced format reads it. */
    static RestoreInput unsniffed(String fileSpec) {
        return new RestoreInput(Kind.PLAIN, fileSpec, Path.of(fileSpec), null, new byte[0]);
    }

    private static RestoreInput sniff(String name, @Nullable Path path, BufferedInputStream in) {
        byte[] head;
        try {
            in.mark(ArchiveFormats.SNIFF_LENGTH);
            head = in.readNBytes(ArchiveFormats.SNIFF_LENGTH);
            in.reset();
        } catch (IOException e) {
            throw new ArchiveFormatException("could not read input file" + (path == null ? "" : " \"" + name + "\"")
                    + ": " + e.getMessage(), e);
        }
        return new RestoreInput(kindOf(head), name, path, in, head);
    }

    /** The kind of input whose first bytes (up to 512) are {@code head}. */
    static Kind kindOf(byte[] head) {
        String name = ArchiveFormats.streamFormat(head);
        return name == null ? Kind.PLAIN : name.equals(ArchiveFormats.CUSTOM) ? Kind.CUSTOM : Kind.TAR;
    }

    /**
     * A plain input that {@code restore -d} runs as an SQL script without {@code -F p} (our extension: pg_restore
     * refuses them all): one that starts as pg_dump 18 and pg_dumpall 18 start their plain output (and every
     * pg_dump since 8.x), with the three lines {@code --}, {@code -- PostgreSQL database dump} (or
     * {@code -- PostgreSQL database cluster dump}), {@code --}. A UTF-8 byte-order mark before them and
     * {@code \r\n} line ends are allowed (an editor may add them; psql runs such a script alike). Any other file,
     * notes.txt with harmless-looking SQL as much as a binary, is refused with pg_restore's message and nothing of
     * it runs; {@code -F p} runs it deliberately.
     */
    boolean isPgDumpScript() {
        return kind == Kind.PLAIN && startsWithScriptHeader(head);
    }

    static boolean startsWithScriptHeader(byte[] head) {
        int at = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
        String text = new String(head, at, head.length - at, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", 4);
        return lines.length == 4 && lines[0].equals("--") && SCRIPT_HEADERS.contains(lines[1])
                && lines[2].equals("--");
    }

    /** Why pg_restore 18 refuses this plain input as an archive, in its words (which never name the file). */
    ArchiveFormatException notAnArchive() {
        return ArchiveFormats.notAnArchive(head);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
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
