package org.pgdump4j.format.custom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.testing.RequiresSharedFixtures;
import org.pgdump4j.toc.TocEntry;

/** Byte flips in a valid archive give an {@link ArchiveFormatException} or a read, never another exception. */
@AddLifecycleHook(RequiresSharedFixtures.class)
class CustomArchiveProperties {
    @Provide
    Arbitrary<String> archives() {
        return Arbitraries.of("pg17_custom_none.dump", "pg17_custom_gzip.dump", "pg17_custom_lz4.dump",
                "pg17_custom_zstd.dump", "pg15_custom_gzip.dump", "pg17_custom_none_pipe.dump");
    }

    @Property(tries = 400)
    void flippedBytesFailCleanly(@ForAll("archives") String name, @ForAll @IntRange(min = 0, max = 1 << 20) int at,
            @ForAll @IntRange(min = 1, max = 255) int xor, @ForAll @IntRange(min = 1, max = 3) int flips,
            @ForAll boolean seekable) throws IOException {
        byte[] b = Files.readAllBytes(Fixtures.dir().resolve(name));
        for (int i = 0; i < flips; i++) {
            int p = (at + i * 7919) % b.length;
            b[p] ^= (byte) xor;
        }
        Path tmp = Files.createTempFile("flip", ".dump");
        try {
            Files.write(tmp, b);
            readEverything(seekable ? CustomArchiveReader.open(tmp)
                    : CustomArchiveReader.open(new ByteArrayInputStream(b), "stdin"));
        } catch (ArchiveFormatException expected) {
            // fine: a clean, described failure
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Property(tries = 100)
    void truncatedArchivesFailCleanly(@ForAll("archives") String name, @ForAll @IntRange(min = 0, max = 1 << 20) int at,
            @ForAll boolean seekable) throws IOException {
        byte[] full = Files.readAllBytes(Fixtures.dir().resolve(name));
        byte[] b = java.util.Arrays.copyOf(full, at % full.length);
        Path tmp = Files.createTempFile("trunc", ".dump");
        try {
            Files.write(tmp, b);
            readEverything(seekable ? CustomArchiveReader.open(tmp)
                    : CustomArchiveReader.open(new ByteArrayInputStream(b), "stdin"));
            throw new AssertionError("a truncated archive was read without error");
        } catch (ArchiveFormatException expected) {
            // fine
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void readEverything(CustomArchiveReader r) throws IOException {
        try (r) {
            for (TocEntry e : r.toc().entries()) {
                if (!e.hasData()) {
                    continue;
                }
                if (e.desc().equals("BLOBS")) {
                    r.readLargeObjects(e, (oid, in) -> in.readAllBytes());
                } else {
                    try (InputStream in = r.openData(e)) {
                        in.readAllBytes();
                    }
                }
            }
        }
    }
}
