package org.pgdump4j.format.plain.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.pgdump4j.format.plain.gen.PlainScriptLexer;

class ScriptCharStreamTest {
    private static final String SCRIPT = "SELECT 'a;b', $x$ $ $x$ /* c /* d */ */;\n\\c db\nCOPY t FROM stdin;\n"
            + "1\tü\n\\.\nSELECT \"q\"\"x\", E'\\'' -- end\n;\n";

    private static ScriptCharStream stream(String script, int maxBuffered, int rebaseAbove) {
        return new ScriptCharStream(new ScriptDecoder(new ByteArrayInputStream(
                script.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8), maxBuffered, rebaseAbove);
    }

    private static List<String> tokens(CharStream chars) {
        PlainScriptLexer lexer = new PlainScriptLexer(chars);
        lexer.setTokenFactory(new CommonTokenFactory(true));
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(t.getType() + ":" + t.getText());
        }
        return out;
    }

    @Test
    void rebasedIndexesChangeNoToken() {
        List<String> expected = tokens(CharStreams.fromString(SCRIPT));
        ScriptCharStream rebasing = stream(SCRIPT.repeat(50), 1 << 20, 8);
        List<String> actual = tokens(rebasing);
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            repeated.addAll(expected);
        }
        assertEquals(repeated, actual);
        assertTrue(rebasing.index() < SCRIPT.length(), "index " + rebasing.index());
    }

    @Test
    void theBufferShrinksAfterALongToken() {
        // an identifier is one token however long (a literal would come in pieces)
        ScriptCharStream chars = stream("SELECT " + "x".repeat(300_000) + ";\nSELECT 1;\n", 1 << 20, 1 << 30);
        PlainScriptLexer lexer = new PlainScriptLexer(chars);
        lexer.setTokenFactory(new CommonTokenFactory(true));
        Token longest = lexer.nextToken();
        for (Token t = longest; t.getType() != Token.EOF; t = lexer.nextToken()) {
            longest = t.getText().length() > longest.getText().length() ? t : longest;
        }
        assertEquals(300_000, longest.getText().length());
        // grown to hold that token, shrunk back once it was handed out
        assertTrue(chars.bufferCapacity() <= 1 << 16, "capacity " + chars.bufferCapacity());
    }

    @Test
    void longLiteralsCommentsAndCopyLinesComeInPiecesAndTheBufferStaysSmall() {
        String big = "x".repeat(300_000);
        String script = "SELECT '" + big + "', E'" + big + "', \"" + big + "\", $q$" + big + "$q$ /* " + big
                + " */ -- " + big + "\n" + " ".repeat(300_000) + "SELECT 1" + "+1".repeat(150_000) + ";\n"
                + "COPY t FROM stdin;\n" + big + "\n\\.\n";
        ScriptCharStream chars = stream(script, 40_000, 1 << 30);
        PlainScriptLexer lexer = new PlainScriptLexer(chars);
        lexer.setTokenFactory(new CommonTokenFactory(true));
        lexer.setMaxRun(1000);
        StringBuilder all = new StringBuilder();
        int maxCapacity = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            assertTrue(t.getText().length() <= 1000, t.getText().length() + " characters");
            all.append(t.getText());
            maxCapacity = Math.max(maxCapacity, chars.bufferCapacity());
        }
        assertEquals(script, all.toString());
        assertTrue(maxCapacity <= 4096, "capacity " + maxCapacity);
    }

    @Test
    void aTokenLongerThanTheLimitIsRefused() {
        ScriptCharStream chars = stream("SELECT 'short';\nSELECT " + "x".repeat(5000) + ";\n", 1000, 1 << 30);
        PlainScriptLexer lexer = new PlainScriptLexer(chars);
        lexer.setTokenFactory(new CommonTokenFactory(true));
        assertThrows(ScriptCharStream.TokenTooLongException.class, () -> {
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                assertTrue(t.getText().length() <= 1000);
            }
        });
    }
}
