package org.pgdump4j.format.plain.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.pgdump4j.format.plain.gen.PlainScriptLexer;
import org.pgdump4j.format.plain.script.ScriptItem.CopyEnd;
import org.pgdump4j.format.plain.script.ScriptItem.CopyLine;
import org.pgdump4j.format.plain.script.ScriptItem.SqlStatement;

class ScriptSplitterProperties {

    // ------------------------------------------------------------------------------------------------------------
    // statements joined into a script split back into the same statements, at the right lines

    @Property(tries = 500)
    void joinedStatementsSplitBackIntoTheSameList(@ForAll("statements") List<String> statements,
                                                  @ForAll("separators") List<String> separators,
                                                  @ForAll("leadingGap") String leading) {
        StringBuilder script = new StringBuilder(leading);
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            lines.add(1 + script.chars().filter(c -> c == '\n').count());
            script.append(statements.get(i)).append(separators.get(i));
        }
        List<ScriptItem> items = ScriptSplitterTest.split(script.toString());
        List<ScriptItem> expected = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            expected.add(new SqlStatement(statements.get(i), lines.get(i), false));
        }
        assertEquals(expected, items, script::toString);
    }

    @Provide
    Arbitrary<List<String>> statements() {
        return statement().list().ofMinSize(1).ofMaxSize(12);
    }

    private static Arbitrary<String> statement() {
        Arbitrary<String> inner = fragment(2);
        return Combinators.combine(significant(), inner.list().ofMaxSize(6), gaps().list().ofSize(7), significant())
                .as((first, middle, gaps, last) -> {
                    StringBuilder s = new StringBuilder(first);
                    for (int i = 0; i < middle.size(); i++) {
                        s.append(gaps.get(i)).append(middle.get(i));
                    }
                    return s.append(gaps.get(6)).append(last).toString();
                });
    }

    /** What ends one statement and leads to the next: a semicolon, then whitespace, -- comments, empty statements. */
    @Provide
    Arbitrary<List<String>> separators() {
        Arbitrary<String> separator = Arbitraries.of(";", ";\n", "; ", " ;\n\n", ";\r\n", "\n;\n", "; -- done; 'x'\n",
                ";\n-- Name: x; Type: TABLE\n\n", ";;\n", "; ;\n;", ";\t\n  ");
        return separator.list().ofSize(12);
    }

    @Provide
    Arbitrary<String> leadingGap() {
        return Arbitraries.of("", "\n", "--\n-- PostgreSQL database dump\n--\n\n", "  \t", "\r\n", ";\n");
    }

    private static Arbitrary<String> gaps() {
        return Arbitraries.of(" ", "\n", "  ", "\t", "\r\n", " -- line comment; with 'quote' and \"dq\"\n", "\n\n ");
    }

    /** A piece of a statement that is neither whitespace nor a comment, so statements start and end with one. */
    private static Arbitrary<String> significant() {
        return Arbitraries.oneOf(word(), number(), operator(), singleQuoted(), escapeString(), dollarQuoted(),
                quotedIdentifier(), Arbitraries.of("$1", "$23", "a$b$", "x$$"));
    }

    private static Arbitrary<String> fragment(int depth) {
        Arbitrary<String> base = Arbitraries.oneOf(significant(), blockComment(2));
        if (depth == 0) {
            return base;
        }
        Arbitrary<String> group = Combinators.combine(fragment(depth - 1).list().ofMaxSize(3),
                fragment(depth - 1).list().ofMaxSize(3))
                .as((a, b) -> "(" + String.join(" ", a) + "; " + String.join(" ", b) + ")");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, base), net.jqwik.api.Tuple.of(1, group));
    }

    private static Arbitrary<String> word() {
        // no COPY (COPY ... FROM stdin opens a data block) and no CREATE (psql's BEGIN ... END heuristic)
        return Arbitraries.oneOf(
                Arbitraries.of("SELECT", "insert", "Values", "e", "E", "from", "stdin", "begin", "end", "t1", "x_y$z",
                        "tätä", "日本", "𝔁", "_"),
                Arbitraries.strings().withChars("abcdefgxyz_").ofMinLength(1).ofMaxLength(6));
    }

    private static Arbitrary<String> number() {
        return Arbitraries.of("1", "42", "3.14", "1e10", "0x1F");
    }

    private static Arbitrary<String> operator() {
        return Arbitraries.of("+", "-", "*", "/", "<>", "=", ",", ".", "::", "[", "]", "!", "%", "^", "&", "|", "~",
                "#", ":", "@", "*/");
    }

    private static final String LITERAL_CHARS = "ab ;\"$/*-\n\t\\é日(){}";

    private static Arbitrary<String> singleQuoted() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars(LITERAL_CHARS).ofMaxLength(8), Arbitraries.just("''"),
                Arbitraries.just("--"), Arbitraries.just("/*"), Arbitraries.just("\\"));
        return piece.list().ofMaxSize(4).map(p -> "'" + String.join("", p) + "'");
    }

    private static Arbitrary<String> escapeString() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars(LITERAL_CHARS.replace("\\", "")).ofMaxLength(8),
                Arbitraries.of("''", "\\'", "\\\\", "\\n", "\\;", "\\\""));
        return Combinators.combine(Arbitraries.of("E", "e"), piece.list().ofMaxSize(4))
                .as((e, p) -> e + "'" + String.join("", p) + "'");
    }

    private static Arbitrary<String> dollarQuoted() {
        Arbitrary<String> tag = Arbitraries.of("", "a", "fn", "_x1", "ä");
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab ;'\"/*-\n\\é(").ofMaxLength(8),
                Arbitraries.of("$", "$$", "$b$", "$1", "$fn", "'$a$'"));
        return Combinators.combine(tag, piece.list().ofMaxSize(4)).as((t, p) -> {
            String delimiter = "$" + t + "$";
            String body = String.join("", p);
            return delimiter + body + delimiter;
        }).filter(s -> {
            // the body must not close the quote early
            int delimiterLength = s.indexOf('$', 1) + 1;
            String delimiter = s.substring(0, delimiterLength);
            return s.indexOf(delimiter, delimiterLength) == s.length() - delimiterLength;
        });
    }

    private static Arbitrary<String> quotedIdentifier() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab ;'$/*-\n\\é").ofMinLength(1).ofMaxLength(6),
                Arbitraries.just("\"\""));
        return piece.list().ofMinSize(1).ofMaxSize(3).map(p -> "\"" + String.join("", p) + "\"");
    }

    private static Arbitrary<String> blockComment(int depth) {
        Arbitrary<String> text = Arbitraries.strings().withChars("ab ;'\"$\n-\\é").ofMaxLength(8);
        if (depth == 0) {
            return text.map(t -> "/*" + t + "*/");
        }
        return Combinators.combine(text, blockComment(depth - 1).list().ofMaxSize(1), text)
                .as((a, nested, b) -> "/*" + a + String.join("", nested) + b + "*/");
    }

    // ------------------------------------------------------------------------------------------------------------
    // COPY data comes back line by line, byte for byte

    @Property(tries = 300)
    void copyLinesComeBackUnchanged(@ForAll("copyLines") @Size(max = 20) List<String> rows,
                                    @ForAll boolean crlf) {
        String eol = crlf ? "\r\n" : "\n";
        StringBuilder script = new StringBuilder("COPY t (a, b) FROM stdin;" + eol);
        for (String row : rows) {
            script.append(row).append(eol);
        }
        script.append("\\.").append(eol).append(eol).append("SELECT 1;").append(eol);
        List<ScriptItem> expected = new ArrayList<>();
        expected.add(new SqlStatement("COPY t (a, b) FROM stdin", 1, true));
        for (int i = 0; i < rows.size(); i++) {
            expected.add(new CopyLine(rows.get(i) + eol, i + 2));
        }
        expected.add(new CopyEnd(rows.size() + 2, true));
        expected.add(new SqlStatement("SELECT 1", rows.size() + 4, false));
        assertEquals(expected, ScriptSplitterTest.split(script.toString()));
    }

    @Provide
    Arbitrary<List<String>> copyLines() {
        return Arbitraries.strings().withChars("a1\t\\.N;'\"$é日 ").ofMaxLength(12)
                .filter(s -> !s.equals("\\.") && !s.equals("\\.\r"))
                .list();
    }

    // ------------------------------------------------------------------------------------------------------------
    // the speed-ups change no token: folding non-ASCII characters to 'a', and the COPY data fast path

    @Property(tries = 1000)
    void foldingAndTheCopyFastPathGiveTheSameTokensAsPlainAntlr(@ForAll("scraps") @Size(max = 60) List<String> scraps) {
        String script = String.join("", scraps);
        assertEquals(tokens(script, false), tokens(script, true), script);
    }

    @Provide
    Arbitrary<List<String>> scraps() {
        return Arbitraries.of("'", "\"", "$", "$a$", "$é$", "$$", ";", "(", ")", "\\", "\\.", "\\.\n", "\\.\r\n",
                "/*", "*/", "--", "\n", "\r\n", "\r", " ", "E'", "e", "é", "日本", "😀", "a", "x1", "_", "0",
                "COPY t FROM stdin;\n", "copy t from STDIN;", "CREATE FUNCTION f() BEGIN ATOMIC ", " END", "case",
                "$1", ":", "\\;", "\\c db", "-", "/").list();
    }

    private static List<String> tokens(String script, boolean fast) {
        PlainScriptLexer lexer = new PlainScriptLexer(CharStreams.fromString(script));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new org.antlr.v4.runtime.BaseErrorListener() {
            @Override
            public void syntaxError(org.antlr.v4.runtime.Recognizer<?, ?> r, Object o, int l, int p, String msg,
                                    org.antlr.v4.runtime.RecognitionException e) {
                throw new AssertionError("lexer error: " + msg);
            }
        });
        if (fast) {
            lexer.setInterpreter(new FoldingLexerSimulator(lexer, lexer.getInterpreter()));
        }
        lexer.setCopyFastPath(fast);
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            out.add(PlainScriptLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText());
        }
        return out;
    }

    @Property(tries = 500)
    void piecesOfAnyLengthGiveTheSameItems(@ForAll("scraps") @Size(max = 60) List<String> scraps) {
        String script = String.join("", scraps);
        assertEquals(items(script, ScriptSplitter.MAX_RUN), items(script, 4), script);
    }

    /** The splitter's items, consecutive COPY pieces of one line joined. */
    private static List<ScriptItem> items(String script, int maxRun) {
        ScriptSplitter splitter = new ScriptSplitter(new java.io.ByteArrayInputStream(
                script.getBytes(java.nio.charset.StandardCharsets.UTF_8)), java.nio.charset.StandardCharsets.UTF_8,
                ScriptSplitter.DEFAULT_MAX_LENGTH, maxRun);
        List<ScriptItem> out = new ArrayList<>();
        for (var item = splitter.next(); item.isPresent(); item = splitter.next()) {
            int last = out.size() - 1;
            if (item.get() instanceof CopyLine piece && last >= 0 && out.get(last) instanceof CopyLine before
                    && before.line() == piece.line() && !before.text().endsWith("\n")) {
                out.set(last, new CopyLine(before.text() + piece.text(), piece.line()));
            } else {
                out.add(item.get());
            }
        }
        return out;
    }

    @Property(tries = 200)
    void everyCharacterLandsInExactlyOneToken(@ForAll("scraps") @Size(max = 60) List<String> scraps) {
        String script = String.join("", scraps);
        PlainScriptLexer lexer = new PlainScriptLexer(CharStreams.fromString(script));
        lexer.setInterpreter(new FoldingLexerSimulator(lexer, lexer.getInterpreter()));
        int next = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            assertEquals(next, t.getStartIndex(), script);
            next = t.getStopIndex() + 1;
        }
        assertEquals(script.codePointCount(0, script.length()), next, script);
    }
}
