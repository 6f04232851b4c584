package org.pgdump4j.format.plain.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ScriptDecoderTest {

    @Property(tries = 200)
    void switchingAppliesExactlyFromTheNextUnreadCharacter(@ForAll @IntRange(min = 0, max = 20000) int before,
                                                           @ForAll @IntRange(min = 0, max = 40) int multibyte)
            throws IOException {
        // UTF-8 text (some of it multi-byte, so batches end mid-character), then Latin-1 bytes
        String head = "é".repeat(multibyte) + "x".repeat(before) + ";\n";
        String tail = "café naïve ÿ\n".repeat(1000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
        ScriptDecoder decoder = new ScriptDecoder(new ByteArrayInputStream(bytes.toByteArray()), StandardCharsets.UTF_8);
        StringBuilder read = new StringBuilder();
        for (int i = 0; i < head.length(); i++) {
            read.append((char) decoder.read());
        }
        decoder.switchCharset(StandardCharsets.ISO_8859_1);
        decoder.switchCharset(StandardCharsets.ISO_8859_1);
        char[] buffer = new char[777];
        for (int n = decoder.read(buffer, 0, buffer.length); n >= 0; n = decoder.read(buffer, 0, buffer.length)) {
            read.append(buffer, 0, n);
        }
        assertEquals(head + tail, read.toString());
    }

    @Test
    void switchingTwiceBeforeReadingKeepsEverything() throws IOException {
        byte[] bytes = "ab\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        ScriptDecoder decoder = new ScriptDecoder(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        assertEquals('a', decoder.read());
        decoder.switchCharset(StandardCharsets.US_ASCII);
        decoder.switchCharset(StandardCharsets.ISO_8859_1);
        assertEquals('b', decoder.read());
        assertEquals('\u00e9', decoder.read());
        assertEquals(-1, decoder.read());
        assertEquals(-1, decoder.read());
    }

    @Test
    void malformedBytesFailOnlyWhenReached() throws IOException {
        byte[] bytes = {'o', 'k', (byte) 0xff, 'x'};
        ScriptDecoder decoder = new ScriptDecoder(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        assertEquals('o', decoder.read());
        assertEquals('k', decoder.read());
        assertThrows(MalformedInputException.class, decoder::read);
    }

    @Test
    void aTruncatedMultiByteSequenceAtTheEndIsMalformed() throws IOException {
        byte[] bytes = {'a', (byte) 0xc3};
        ScriptDecoder decoder = new ScriptDecoder(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        assertEquals('a', decoder.read());
        assertThrows(MalformedInputException.class, decoder::read);
    }
}
