package org.pgdump4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
