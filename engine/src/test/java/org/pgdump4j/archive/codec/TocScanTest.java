package org.pgdump4j.archive.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.testing.SharedFixtures;

/**
 * {@link TocCodec#scan} skips the entries' strings instead of decoding them: it must accept and refuse exactly what
 * {@link TocCodec#read} does, with the same message and offset, on truncated and corrupted TOCs of a real archive.
 */
class TocScanTest {
    @TempDir
    Path dir;

    /** "ok" plus the dump ids, or the error's message. */
    private static String outcome(Path file, boolean scan) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ArchiveInput in = ArchiveInput.of(ch, "x.dump");
            ArchiveHeader h = HeaderCodec.read(in, HeaderCodec.FORMAT_CUSTOM);
            List<Integer> ids = new ArrayList<>();
            if (scan) {
                TocCodec.scan(in, TocCodec.OFFSET, (id, offset) -> ids.add(id));
            } else {
                TocCodec.read(in, h, TocCodec.OFFSET).forEach(item -> ids.add(item.entry().dumpId()));
            }
            return "ok " + ids;
        } catch (ArchiveFormatException e) {
            return e.getMessage();
        }
    }

    @Test
    void scanRefusesWhatReadRefuses() throws IOException {
        byte[] good = Files.readAllBytes(SharedFixtures.require().resolve("pg18_custom_none.dump"));
        Path file = dir.resolve("x.dump");
        Files.write(file, good);
        assertEquals(outcome(file, false), outcome(file, true));
        long tocEnd;
        long[] positions;
        try (FileChannel ch = FileChannel.open(file)) {
            ArchiveInput in = ArchiveInput.of(ch, "x.dump");
            HeaderCodec.read(in, HeaderCodec.FORMAT_CUSTOM);
            positions = TocCodec.scan(in, TocCodec.OFFSET, (id, offset) -> { });
            tocEnd = in.position();
        }
        int failures = 0;
        // about 300 cuts and changes, at every field's offsets alike (the step is odd)
        int step = (int) Math.max(7, (tocEnd - positions[0]) / 300) | 1;
        for (int at = (int) positions[0]; at < tocEnd; at += step) {
            Files.write(file, java.util.Arrays.copyOf(good, at));
            String expected = outcome(file, false);
            assertEquals(expected, outcome(file, true), "cut at " + at);
            failures += expected.startsWith("ok") ? 0 : 1;
            byte[] bad = good.clone();
            bad[at] ^= (byte) 0xA5;
            Files.write(file, bad);
            expected = outcome(file, false);
            assertEquals(expected, outcome(file, true), "byte " + at + " changed");
        }
        assertTrue(failures > 0, "no cut failed: the test reads nothing");
        // the positions handed back find the entries read decodes
        Files.write(file, good);
        try (FileChannel ch = FileChannel.open(file)) {
            ArchiveInput in = ArchiveInput.of(ch, "x.dump");
            ArchiveHeader h = HeaderCodec.read(in, HeaderCodec.FORMAT_CUSTOM);
            List<TocCodec.Item<DataOffset>> items = TocCodec.read(in, h, TocCodec.OFFSET);
            long[] starts = new long[items.size()];
            for (int i = 0; i < starts.length; i++) {
                in.seek(positions[i]);
                starts[i] = TocCodec.readEntry(in).dumpId();
            }
            assertArrayEquals(items.stream().mapToLong(it -> it.entry().dumpId()).toArray(), starts);
        }
    }
}
