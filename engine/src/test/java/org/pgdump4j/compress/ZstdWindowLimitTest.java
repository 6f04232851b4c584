package org.pgdump4j.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** zstd frames are decoded within libzstd's default window limit (2^27), as pg_restore decodes them. */
class ZstdWindowLimitTest {
    /**
     * A frame declaring a window of 2^windowLog bytes. The flush after the first byte starts the frame before the
     * input size is known, so libzstd cannot shrink the window to the (small) input.
     */
    static byte[] frame(int windowLog, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStreamNoFinalizer z = new ZstdOutputStreamNoFinalizer(out, 3)) {
            z.setChecksum(false);
            z.setLong(windowLog);
            z.setWindowLog(windowLog);
            z.write(data, 0, 1);
            z.flush();
            z.write(data, 1, data.length - 1);
        }
        byte[] f = out.toByteArray();
        // frame header descriptor without single-segment flag, then the window descriptor: exponent = windowLog - 10
        assertEquals(windowLog - 10, (f[5] & 0xff) >>> 3, "window descriptor");
        return f;
    }

    @Test
    void aWindowBeyondTheDefaultLimitIsRefusedBeforeAnyByteIsDecoded() throws IOException {
        byte[] data = new byte[100_000];
        Arrays.fill(data, (byte) 'x');
        InputStream in = new ZstdCodec(3, false).decompressBlock(new ByteArrayInputStream(frame(31, data)));
        DecompressionException e = assertThrows(DecompressionException.class, () -> in.read(new byte[10]));
        assertEquals("could not decompress data: Frame requires too much memory for decoding", e.getMessage());
        InputStream file = new ZstdCodec(3, false).decompressFile(new ByteArrayInputStream(frame(28, data)));
        assertThrows(DecompressionException.class, file::read);
    }

    @Test
    void pgDumpsLongModeWindowIsWithinTheLimit() throws IOException {
        byte[] data = new byte[300_000];
        Arrays.fill(data, 1000, 2000, (byte) 7);
        try (InputStream in = new ZstdCodec(3, true).decompressBlock(new ByteArrayInputStream(frame(27, data)))) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }
}
