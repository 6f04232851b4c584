package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.format.custom.CustomArchiveReader;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.TocEntry;

/**
 * A custom archive whose zstd frames declare a 2 GiB window (window log 31, beyond libzstd's default limit of 27):
 * real pg_restore 18 refuses it at the first data block, and so do we, with its words, before decoding a byte.
 */
class ZstdWindowIT {
    @TempDir
    Path dir;

    /** A frame declaring 2^31 bytes of window: flushed after one byte, so libzstd cannot fit it to the input. */
    private static byte[] hugeWindowFrame(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStreamNoFinalizer z = new ZstdOutputStreamNoFinalizer(out, 3)) {
            z.setChecksum(false);
            z.setLong(31);
            z.setWindowLog(31);
            z.write(data, 0, Math.min(1, data.length));
            z.flush();
            if (data.length > 1) {
                z.write(data, 1, data.length - 1);
            }
        }
        return out.toByteArray();
    }

    /** pg18_custom_zstd.dump with every table's data recompressed in huge-window frames (large objects left out). */
    private Path archive() throws IOException {
        Path file = dir.resolve("window31.dump");
        try (CustomArchiveReader fixture = CustomArchiveReader.open(Fixtures.path("pg18_custom_zstd.dump"))) {
            List<TocEntry> entries = fixture.toc().entries().stream().filter(e -> !e.is(EntryKind.BLOBS)).toList();
            CustomArchiveParts.write(file, fixture.header(), entries.size(), entries::iterator, (e, body) -> {
                byte[] data;
                try (InputStream in = fixture.openData(e)) {
                    data = in.readAllBytes();
                }
                CustomArchiveParts.chunk(body, hugeWindowFrame(data));
                CustomArchiveParts.end(body);
                return CustomArchiveParts.BLK_DATA;
            });
        }
        return file;
    }

    @Test
    void refusedAtTheFirstDataBlockAsPgRestoreRefusesIt() throws IOException {
        Path archive = archive();
        ReferenceClients.Result real = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"),
                List.of("-f", "-", archive.toString()), Map.of());
        assertEquals(1, real.exitCode(), real.stderr());
        String realLine = real.stderr().strip();
        assertEquals("pg_restore: error: could not decompress data: Frame requires too much memory for decoding",
                realLine);

        Cli.Run ours = Cli.run(Cli.context(Fixtures.UTC, new ByteArrayInputStream(new byte[0])), "restore", "-f", "-",
                archive.toString());
        assertEquals(1, ours.exitCode(), ours.err());
        assertEquals(1, ours.errLines().size(), ours.err());
        assertTrue(ours.errLines().get(0).startsWith(realLine + " (TOC entry "), ours.err());
        // the script stops where pg_restore's stops: at the first data entry's COPY line, no row decoded
        assertEquals(real.stdoutText().replaceAll("\\\\(un)?restrict \\S+", ""),
                ours.out().replaceAll("\\\\(un)?restrict \\S+", ""));
        // the listing needs no data
        assertEquals(0, Cli.run(Cli.context(Fixtures.UTC, new ByteArrayInputStream(new byte[0])), "restore", "-l",
                archive.toString()).exitCode());
    }
}
