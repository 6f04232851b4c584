package org.pgdump4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingOutputStreamTest {
    private static final String TEXT = "café, 東京, \uD83D\uDE00 and a long tail ".repeat(2000);

    @Test
    void decodesCharactersSplitAcrossWritesOfAnySize() throws IOException {
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("EUC-JP")}) {
            String text = cs.equals(StandardCharsets.UTF_8) ? TEXT : "東京 latin ".repeat(3000);
            byte[] bytes = text.getBytes(cs);
            for (int chunk : new int[] {1, 2, 3, 7, 8191, 8192, 100_000}) {
                StringWriter w = new StringWriter();
                try (DecodingOutputStream out = new DecodingOutputStream(w, cs)) {
                    for (int at = 0; at < bytes.length; at += chunk) {
                        out.write(bytes, at, Math.min(chunk, bytes.length - at));
                    }
                }
                assertEquals(text, w.toString(), cs + " in chunks of " + chunk);
            }
        }
    }

    @Test
    void closeEndsAnIncompleteCharacterAndKeepsTheWriterOpen() throws IOException {
        StringWriter w = new StringWriter();
        DecodingOutputStream out = new DecodingOutputStream(w, StandardCharsets.UTF_8);
        out.write(new byte[] {'a', (byte) 0xE6, (byte) 0x9D});
        out.close();
        assertEquals("a\uFFFD", w.toString());
        w.write("still open");
        assertThrows(IOException.class, () -> out.write('x'));
    }
}
