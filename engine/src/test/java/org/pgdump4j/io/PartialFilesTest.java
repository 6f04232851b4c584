package org.pgdump4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialFilesTest {
    @TempDir
    Path dir;

    /** The partial file gets what a plain create gets under this umask (pg_dump's 0666 less the umask). */
    @Test
    void permissionsAreThoseOfAPlainCreate() throws IOException {
        Path plain = dir.resolve("plain");
        Files.newOutputStream(plain).close();
        Path partial = PartialFiles.create(dir.resolve("dump.sql"), ".partial");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(partial));
        assertEquals(0, Files.size(partial));
    }

    /** A process ended by SIGTERM (what {@code Process.destroy} sends) leaves no partial file or folder behind. */
    @Test
    void terminatedProcessRemovesItsPartialFile() throws Exception {
        Path target = dir.resolve("x.dump");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Path partial = Path.of(lines.readLine());
        Path folder = Path.of(lines.readLine());
        assertTrue(Files.exists(partial), partial.toString());
        assertTrue(Files.exists(folder.resolve("sub").resolve("toc.dat")), folder.toString());
        child.destroy();
        assertEquals(143, child.waitFor());
        assertTrue(Files.notExists(partial), "left behind: " + partial);
        assertTrue(Files.notExists(folder), "left behind: " + folder);
    }

    /** Creates a partial file and a partial folder for its argument, prints their paths, and waits to be killed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            System.out.println(PartialFiles.create(Path.of(args[0]), ".tmp"));
            Path folder = Files.createDirectories(Path.of(args[0] + ".work").resolve("sub")).getParent();
            Files.writeString(folder.resolve("sub").resolve("toc.dat"), "x");
            PartialFiles.deleteOnExit(folder);
            System.out.println(folder);
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void hiddenUniqueSiblings() throws IOException {
        Path a = PartialFiles.create(dir.resolve("out.dump"), ".tmp");
        Path b = PartialFiles.create(dir.resolve("out.dump"), ".tmp");
        assertNotEquals(a, b);
        for (Path p : new Path[] {a, b}) {
            assertEquals(dir, p.getParent());
            String name = p.getFileName().toString();
            assertTrue(name.startsWith(".out.dump.") && name.endsWith(".tmp"), name);
        }
    }
}
