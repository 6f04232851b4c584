package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged archives (made here from the real fixtures) end in exactly one line, {@code pg_restore: error: ...} naming
 * the problem, exit status 1, and no output file.
 */
class BadArchiveTest {
    @TempDir
    Path dir;

    /** Runs {@code restore args...} and checks the one-line failure; returns the message after the prefix. */
    private static String fails(byte[] stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("restore"));
        all.addAll(List.of(args));
        Cli.Run run = Cli.run(Cli.context(Fixtures.UTC, new ByteArrayInputStream(stdin)), all.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("pg_restore: error: "), line);
        assertFalse(line.contains("Exception"), line);
        return line.substring("pg_restore: error: ".length());
    }

    private static String fails(String... args) {
        return fails(new byte[0], args);
    }

    private Path copy(String fixture) throws IOException {
        Path p = Fixtures.copy(fixture, dir);
        makeWritable(p);
        return p;
    }

    private static void makeWritable(Path p) throws IOException {
        p.toFile().setWritable(true);
        if (Files.isDirectory(p)) {
            try (var files = Files.list(p)) {
                files.forEach(f -> f.toFile().setWritable(true));
            }
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, (int) size));
    }

    private static int indexOf(byte[] data, int from, byte... needle) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 40, 200, 5000, 10000})
    void truncatedInTheHeaderOrToc(int size) throws IOException {
        Path archive = copy("pg18_custom_none.dump");
        truncate(archive, size);
        String message = fails("-l", archive.toString());
        if (size < 5) {
            assertEquals("input file is too short (read " + size + ", expected 5)", message); // pg_restore 18's
        } else {
            assertTrue(message.contains(archive.toString()), message);
        }
    }

    @Test
    void truncatedInTheData() throws IOException {
        Path archive = copy("pg18_custom_none.dump");
        truncate(archive, Files.size(archive) - 300);
        Path out = dir.resolve("out.sql");
        String message = fails("-f", out.toString(), archive.toString());
        assertTrue(message.contains(archive.toString()), message);
        assertFalse(Files.exists(out), "a failed restore leaves no script");
        // the listing needs no data
        assertEquals(0, Cli.run(Cli.context(Fixtures.UTC, new ByteArrayInputStream(new byte[0])), "restore", "-l",
                archive.toString()).exitCode());
    }

    @Test
    void truncatedOnStandardInput() throws IOException {
        byte[] all = Files.readAllBytes(Fixtures.path("pg18_custom_none.dump"));
        assertTrue(fails(Arrays.copyOf(all, 5000), "-l").endsWith("at offset 5000 in \"stdin\""));
        assertTrue(fails(Arrays.copyOf(all, all.length - 300), "-f", "-").contains("TOC entry 3372"));
        byte[] tar = Files.readAllBytes(Fixtures.path("pg18_tar.tar"));
        assertTrue(fails(Arrays.copyOf(tar, 8000), "-f", "-").contains("stdin"));
    }

    @Test
    void truncatedTar() throws IOException {
        Path archive = copy("pg18_tar.tar");
        truncate(archive, 8000);
        String message = fails("-f", "-", archive.toString());
        assertTrue(message.contains(archive.toString()), message);
    }

    @Test
    void wrongMagic() throws IOException {
        Path archive = copy("pg18_custom_none.dump");
        byte[] all = Files.readAllBytes(archive);
        all[4] = 'X';
        Files.write(archive, all);
        String expected = "input file does not appear to be a valid tar archive"; // pg_restore 18's words
        assertEquals(expected, fails("-l", archive.toString()));
        assertEquals(expected, fails("-d", "x", archive.toString()), "not run as a script either");
        assertEquals(expected, fails(all, "-f", "-"));
        // forced: the reader's own words
        assertTrue(fails("-Fc", "-l", archive.toString()).startsWith("did not find magic string in file header"));
    }

    @ParameterizedTest
    @ValueSource(ints = {17, 99})
    void unknownArchiveVersion(int minor) throws IOException {
        Path archive = copy("pg18_custom_none.dump");
        byte[] all = Files.readAllBytes(archive);
        all[6] = (byte) minor; // PGDMP, major 1, minor 16 -> 1.x
        Files.write(archive, all);
        String message = fails("-l", archive.toString());
        assertTrue(message.startsWith("unsupported version (1." + minor + ") in file header"), message);

        Path directory = copy("pg18_dir_gzip");
        byte[] toc = Files.readAllBytes(directory.resolve("toc.dat"));
        toc[6] = (byte) minor;
        Files.write(directory.resolve("toc.dat"), toc);
        String dirMessage = fails("-l", directory.toString());
        assertTrue(dirMessage.contains("toc.dat") && dirMessage.contains("(1." + minor + ")"), dirMessage);
    }

    @Test
    void corruptCompressedBlockInACustomArchive() throws IOException {
        Path archive = copy("pg18_custom_gzip.dump");
        byte[] all = Files.readAllBytes(archive);
        // the data block of TOC entry 3372 starts at 10672: type byte, dump id and chunk length (5 bytes each), then
        // 144 bytes of zlib stream
        int zlib = indexOf(all, 10672, (byte) 0x78, (byte) 0x9c);
        assertEquals(10683, zlib);
        Arrays.fill(all, zlib + 10, zlib + 40, (byte) 0x5a);
        Files.write(archive, all);
        String message = fails("-f", "-", archive.toString());
        assertTrue(message.contains(archive.toString()) && message.contains("3372"), message);
    }

    @Test
    void corruptCompressedDataFileInADirectoryArchive() throws IOException {
        Path directory = copy("pg18_dir_gzip");
        Path data = directory.resolve("3372.dat.gz");
        byte[] all = Files.readAllBytes(data);
        Arrays.fill(all, 12, 40, (byte) 0x5a);
        Files.write(data, all);
        String message = fails("-f", "-", directory.toString());
        assertTrue(message.contains("3372.dat.gz") && message.contains("TOC entry 3372"), message);
    }

    @Test
    void directoryArchiveWithAMissingDataFile() throws IOException {
        Path directory = copy("pg18_dir_gzip");
        Files.delete(directory.resolve("3372.dat.gz"));
        Path out = dir.resolve("out.sql");
        String message = fails("-f", out.toString(), directory.toString());
        assertTrue(message.contains("3372.dat"), message);
        assertFalse(Files.exists(out));
    }

    @Test
    void aNewlineInAQuotedTagStaysOnOneLine() throws IOException {
        Path archive = copy("pg18_custom_none.dump");
        truncate(archive, 10660); // inside the data block of 3376, the table named "odd\nname"
        String message = fails("-f", "-", archive.toString());
        assertTrue(message.contains("odd name"), message);
    }

    @Test
    void directoryArchiveWithoutToc() throws IOException {
        Path directory = copy("pg18_dir_gzip");
        Files.delete(directory.resolve("toc.dat"));
        assertEquals("directory \"" + directory + "\" does not appear to be a valid archive (\"toc.dat\" does not exist)",
                fails("-l", directory.toString()));
    }

    @Test
    void useListNamingUnknownIds() throws IOException {
        Path list = dir.resolve("use.list");
        Files.writeString(list, "; comment\n3372; 0 0 TABLE DATA shop customer fx_owner\n9999; 0 0 TABLE x y z\n",
                StandardCharsets.UTF_8);
        String message = fails("-L", list.toString(), "-f", "-", Fixtures.path("pg18_custom_none.dump").toString());
        assertTrue(message.contains("9999") && message.contains(list.toString()), message);
        assertEquals("could not open TOC file \"" + dir.resolve("none.list") + "\": No such file or directory",
                fails("-L", dir.resolve("none.list").toString(), "-l",
                        Fixtures.path("pg18_custom_none.dump").toString()));
    }
}
