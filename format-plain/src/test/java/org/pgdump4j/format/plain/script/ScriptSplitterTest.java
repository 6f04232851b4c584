package org.pgdump4j.format.plain.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.format.plain.script.ScriptItem.CopyEnd;
import org.pgdump4j.format.plain.script.ScriptItem.CopyLine;
import org.pgdump4j.format.plain.script.ScriptItem.MetaCommand;
import org.pgdump4j.format.plain.script.ScriptItem.SqlStatement;

class ScriptSplitterTest {

    static List<ScriptItem> split(String script) {
        return split(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    static List<ScriptItem> split(InputStream in, Charset charset) {
        ScriptSplitter splitter = new ScriptSplitter(in, charset);
        List<ScriptItem> items = new ArrayList<>();
        for (Optional<ScriptItem> item = splitter.next(); item.isPresent(); item = splitter.next()) {
            items.add(item.get());
        }
        return items;
    }

    /** pg_dump 18's plain dump of the fixture database (a copy of shared/fixtures/archives/pg18_plain.sql). */
    static InputStream fixture() {
        InputStream in = ScriptSplitterTest.class.getResourceAsStream("/script/pg18_plain.sql");
        if (in == null) {
            throw new IllegalStateException("test resource /script/pg18_plain.sql is missing");
        }
        return in;
    }

    static List<String> sql(List<ScriptItem> items) {
        return items.stream().filter(i -> i instanceof SqlStatement).map(i -> ((SqlStatement) i).sql()).toList();
    }

    static List<String> sql(String script) {
        return sql(split(script));
    }

    @Test
    void semicolonsInsideSingleQuotesDoNotEndStatements() {
        assertEquals(List.of("SELECT 'a;b', 'it''s; here'", "SELECT 2"), sql("SELECT 'a;b', 'it''s; here';\nSELECT 2;\n"));
    }

    @Test
    void escapeStringsTakeBackslashQuote() {
        assertEquals(List.of("SELECT E'it\\'s; x', e'\\\\'", "SELECT 1"),
                sql("SELECT E'it\\'s; x', e'\\\\';\nSELECT 1;"));
    }

    @Test
    void plainStringsTakeBackslashEscapesWhenStandardConformingStringsIsOff() {
        String script = "SET standard_conforming_strings = off;\nSELECT 'a\\'; b';\n"
                + "SET standard_conforming_strings = on;\nSELECT 'c\\';\nSELECT 3;";
        assertEquals(List.of("SET standard_conforming_strings = off", "SELECT 'a\\'; b'",
                "SET standard_conforming_strings = on", "SELECT 'c\\'", "SELECT 3"), sql(script));
    }

    @Test
    void standardConformingStringsCanBeSetByTheCaller() {
        ScriptSplitter splitter = new ScriptSplitter(new ByteArrayInputStream(
                "SELECT 1;\nSELECT 'a\\'; b';\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("SELECT 1", ((SqlStatement) splitter.next().orElseThrow()).sql());
        splitter.setStandardConformingStrings(false);
        assertEquals("SELECT 'a\\'; b'", ((SqlStatement) splitter.next().orElseThrow()).sql());
        assertTrue(splitter.next().isEmpty());
    }

    @Test
    void dollarQuotesWithTags() {
        String body = "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$\nBEGIN\n  RETURN $$;'\"$$ || $x$;$x$;\n"
                + "  -- $fn is not the end; $fnx$ neither\nEND;\n$fn$";
        assertEquals(List.of(body, "SELECT $1, $$a$$"), sql(body + ";\nSELECT $1, $$a$$;\n"));
    }

    @Test
    void dollarSignsInsideIdentifiersAndParametersDoNotOpenQuotes() {
        assertEquals(List.of("SELECT a$b$, $1$", "SELECT 2"), sql("SELECT a$b$, $1$;\nSELECT 2;"));
    }

    @Test
    void closingTagMayStartInsideADifferentTag() {
        // "$b$a$": $b$ is body text, and its last $ opens the closing $a$
        assertEquals(List.of("SELECT $a$ x $b$a$", "SELECT 2"), sql("SELECT $a$ x $b$a$;\nSELECT 2;"));
    }

    @Test
    void nestedBlockCommentsAndLineComments() {
        String script = "/* head; /* nested; ' */ still comment; */ SELECT 1 -- tail; '\n + 2;\n"
                + "-- a comment line with ; and '\nSELECT /* ; */ 3;";
        assertEquals(List.of("/* head; /* nested; ' */ still comment; */ SELECT 1 -- tail; '\n + 2",
                "SELECT /* ; */ 3"), sql(script));
    }

    @Test
    void quotedIdentifiersWithSemicolonsAndDoubledQuotes() {
        assertEquals(List.of("CREATE TABLE \"a;\"\"b\" (\"x;\" int)", "SELECT 1"),
                sql("CREATE TABLE \"a;\"\"b\" (\"x;\" int);\nSELECT 1;"));
    }

    @Test
    void semicolonsInsideParenthesesDoNotEndStatements() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";
        assertEquals(List.of(rule, "SELECT 1"), sql(rule + ";\nSELECT 1;"));
    }

    @Test
    void sqlStandardFunctionBodiesKeepTheirSemicolons() {
        String function = "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + " SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\n SELECT a;\nEND";
        String procedure = "CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); END";
        assertEquals(List.of(function, procedure, "BEGIN", "END"),
                sql(function + ";\n" + procedure + ";\nBEGIN;\nEND;\n"));
    }

    @Test
    void statementsStartAfterWhitespaceAndLineCommentsAndKnowTheirLine() {
        List<ScriptItem> items = split("\n-- comment\n\n  SELECT\n1;  SELECT 2;\n\n/* c */ SELECT 3;");
        assertEquals(List.of(new SqlStatement("SELECT\n1", 4, false), new SqlStatement("SELECT 2", 5, false),
                new SqlStatement("/* c */ SELECT 3", 7, false)), items);
    }

    @Test
    void emptyStatementsAndCommentOnlyStatementsAreDropped() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), sql(";;\n ; SELECT 1;;; -- x\n;SELECT 2;\n/* only */;\n-- end"));
    }

    @Test
    void aLastStatementWithoutSemicolonIsKept() {
        assertEquals(List.of("SELECT 1", "SELECT 2 -- no semicolon"), sql("SELECT 1;\nSELECT 2 -- no semicolon\n"));
        assertEquals(List.of("SELECT 'unterminated;\n"), sql("SELECT 'unterminated;\n"));
    }

    @Test
    void metaCommandsOutsideStatements() {
        List<ScriptItem> items = split("\\restrict KEY123\n\\connect \"my db\"\n\\c other\nSELECT 1;\n"
                + "\\unrestrict KEY123\n\\set ON_ERROR_STOP on\n\\.\n\\\n");
        assertEquals(List.of(
                new MetaCommand("restrict", "KEY123", 1),
                new MetaCommand("connect", "\"my db\"", 2),
                new MetaCommand("c", "other", 3),
                new SqlStatement("SELECT 1", 4, false),
                new MetaCommand("unrestrict", "KEY123", 5),
                new MetaCommand("set", "ON_ERROR_STOP on", 6),
                new MetaCommand(".", "", 7),
                new MetaCommand("", "", 8)), items);
    }

    @Test
    void metaCommandInsideAStatementComesFirstAndTheStatementContinues() {
        List<ScriptItem> items = split("SELECT 1,\n\\echo hi\n2;\n");
        // the meta-command's line leaves its newline: the statement text has both
        assertEquals(List.of(new MetaCommand("echo", "hi", 2), new SqlStatement("SELECT 1,\n\n2", 1, false)), items);
    }

    @Test
    void backslashesInsideQuotesAndCommentsAreNotMetaCommands() {
        assertEquals(List.of("SELECT '\\c x', $$\\q$$, \"\\d\" /* \\! ls */ -- \\q"),
                sql("SELECT '\\c x', $$\\q$$, \"\\d\" /* \\! ls */ -- \\q\n;"));
    }

    @Test
    void backslashSemicolonIsALiteralSemicolon() {
        assertEquals(List.of("SELECT 1; SELECT 2"), sql("SELECT 1\\; SELECT 2;"));
    }

    @Test
    void copyBlockWithTabsBackslashesNullsAndTheRealTerminator() {
        String data = "1\tAlice\t\\N\ttab\\there\n"
                + "2\tback\\\\slash and \\\\. dot\t\\N\tx\n"
                + "\\\\.\n"                      // an escaped backslash and a dot: data
                + "\\.x\n"                       // more than \. on the line: data
                + " \\.\n"                       // not at the start: data
                + "\n";                          // an empty line: data
        List<ScriptItem> items = split("COPY t (a, b) FROM stdin;\n" + data + "\\.\n\n\nSELECT 1;\n");
        List<ScriptItem> expected = new ArrayList<>();
        expected.add(new SqlStatement("COPY t (a, b) FROM stdin", 1, true));
        long line = 2;
        for (String row : data.split("(?<=\n)")) {
            expected.add(new CopyLine(row, line++));
        }
        expected.add(new CopyEnd(8, true));
        expected.add(new SqlStatement("SELECT 1", 11, false));
        assertEquals(expected, items);
    }

    @Test
    void terminatorInsideQuotedCsvDataStillEndsTheBlockLikePsql() {
        // psql reads COPY data line by line; only the exact line "\." ends it
        List<ScriptItem> items = split("COPY t FROM STDIN WITH (FORMAT csv);\n\"a\nb\"\n\\.\nSELECT 1;");
        assertEquals(List.of(new SqlStatement("COPY t FROM STDIN WITH (FORMAT csv)", 1, true),
                new CopyLine("\"a\n", 2), new CopyLine("b\"\n", 3), new CopyEnd(4, true),
                new SqlStatement("SELECT 1", 5, false)), items);
    }

    @Test
    void copyFromStdinIsRecognisedInAnyCaseWithOptionsAndOnlyAtTopLevel() {
        assertTrue(isCopy("copy t from stdin"));
        assertTrue(isCopy("COPY public.\"odd\nname\" (v) FROM stdin"));
        assertTrue(isCopy("Copy t(a) FROM /* x */ StdIn WITH (FORMAT text, NULL '\\N')"));
        assertTrue(isCopy("COPY t FROM STDIN BINARY"));
        assertFalse(isCopy("COPY t TO stdout"));
        assertFalse(isCopy("COPY (SELECT * FROM stdin) TO stdout"));
        assertFalse(isCopy("COPY t FROM '/tmp/stdin'"));
        assertFalse(isCopy("SELECT 1 FROM stdin"));
        assertFalse(isCopy("COPY t FROM stdin_table"));
    }

    private static boolean isCopy(String statement) {
        List<ScriptItem> items = split(statement + ";\n\\.\n");
        return ((SqlStatement) items.get(0)).copyFromStdin();
    }

    @Test
    void crlfLines() {
        List<ScriptItem> items = split("SELECT 1;\r\nCOPY t FROM stdin;\r\na\tb\r\n\\.\r\nSELECT\r\n 2;\r\n\\c db\r\n");
        assertEquals(List.of(new SqlStatement("SELECT 1", 1, false), new SqlStatement("COPY t FROM stdin", 2, true),
                new CopyLine("a\tb\r\n", 3), new CopyEnd(4, true), new SqlStatement("SELECT\r\n 2", 5, false),
                new MetaCommand("c", "db", 7)), items);
    }

    @Test
    void aCopyBlockCutOffByTheEndOfTheScriptEndsThere() {
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyLine("1\n", 2),
                new CopyLine("2", 3), new CopyEnd(3, false)), split("COPY t FROM stdin;\n1\n2"));
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyEnd(1, false)),
                split("COPY t FROM stdin;"));
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyEnd(2, true)),
                split("COPY t FROM stdin;\n\\."));
    }

    @Test
    void textAfterCopyFromStdinOnItsLineRunsAfterTheDataAsInPsql() {
        // psql 18 sends the COPY at its semicolon, reads the data from the next line, then goes on with the line
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyLine("1\tx\n", 2),
                new CopyLine("2\ty\n", 3), new CopyEnd(4, true), new SqlStatement("SELECT 1 AS one", 1, false),
                new SqlStatement("SELECT 2", 5, false)),
                split("COPY t FROM stdin; SELECT 1 AS one;\n1\tx\n2\ty\n\\.\nSELECT 2;\n"));
        // a statement begun there goes on after the data
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyLine("3\tz\n", 2),
                new CopyEnd(3, true), new SqlStatement("SELECT 10\n+ 1 AS eleven", 1, false),
                new SqlStatement("SELECT 3", 5, false)),
                split("COPY t FROM stdin; SELECT 10\n3\tz\n\\.\n+ 1 AS eleven;\nSELECT 3;"));
        // a second COPY on the line takes the block after the first one's
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyLine("4\n", 2),
                new CopyEnd(3, true), new SqlStatement("COPY u FROM stdin", 1, true), new CopyLine("5\n", 4),
                new CopyEnd(5, true), new MetaCommand("echo", "hi", 1), new SqlStatement("SELECT 4", 6, false)),
                split("COPY t FROM stdin; COPY u FROM stdin; \\echo hi\n4\n\\.\n5\n\\.\nSELECT 4;\n"));
        // a comment is nothing; at the end of the script the rest still runs
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyLine("1\n", 2),
                new CopyEnd(3, true)), split("COPY t FROM stdin; -- data follows\n1\n\\.\n"));
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyEnd(1, false),
                new SqlStatement("SELECT 1", 1, false)), split("COPY t FROM stdin; SELECT 1;"));
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyLine("1\n", 2),
                new CopyEnd(3, false), new SqlStatement("SELECT 1", 1, false)), split("COPY t FROM stdin; SELECT 1;\n1\n"));
    }

    @Test
    void aByteOrderMarkStartingAUtf8ScriptIsSkippedAsPsqlDoes() {
        assertEquals(List.of(new SqlStatement("SELECT 1", 1, false), new SqlStatement("SELECT 2", 2, false)),
                split("\uFEFFSELECT 1;\nSELECT 2;\n"));
        assertEquals(List.of(new MetaCommand("echo", "hi", 1)), split("\uFEFF\\echo hi\n"));
        assertEquals(List.of(), split("\uFEFF"));
        // only the first one, only at the start
        assertEquals(List.of("\uFEFFSELECT 1"), sql("\uFEFF\uFEFFSELECT 1;"));
        assertEquals(List.of("SELECT 1", "\uFEFFSELECT 2"), sql("SELECT 1;\n\uFEFFSELECT 2;"));
        // in another encoding those bytes are text (psql skips it only when the client encoding is UTF8)
        byte[] latin1 = "\uFEFFSELECT 1;".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("\u00EF\u00BB\u00BFSELECT 1"),
                sql(split(new ByteArrayInputStream(latin1), StandardCharsets.ISO_8859_1)));
    }

    @Test
    void nonAsciiTextEverywhere() {
        String script = "CREATE TABLE \"täble\" (ñame text DEFAULT 'è;é', 𝔁 int);\nCOPY \"täble\" FROM stdin;\n"
                + "日本語\t😀\n\\.\nSELECT $ü$;$ü$;";
        List<ScriptItem> items = split(script);
        assertEquals(List.of(new SqlStatement("CREATE TABLE \"täble\" (ñame text DEFAULT 'è;é', 𝔁 int)", 1, false),
                new SqlStatement("COPY \"täble\" FROM stdin", 2, true), new CopyLine("日本語\t😀\n", 3),
                new CopyEnd(4, true), new SqlStatement("SELECT $ü$;$ü$", 5, false)), items);
    }

    @Test
    void setClientEncodingSwitchesTheDecoderForTheRestOfTheScript() throws IOException {
        byte[] head = "SET client_encoding = 'LATIN1';\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "SELECT 'café';\nCOPY t FROM stdin;\nnaïve\n\\.\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] script = new byte[head.length + tail.length];
        System.arraycopy(head, 0, script, 0, head.length);
        System.arraycopy(tail, 0, script, head.length, tail.length);
        ScriptSplitter splitter = new ScriptSplitter(new ByteArrayInputStream(script));
        assertEquals("SET client_encoding = 'LATIN1'", ((SqlStatement) splitter.next().orElseThrow()).sql());
        splitter.switchEncoding(StandardCharsets.ISO_8859_1);
        assertEquals("SELECT 'café'", ((SqlStatement) splitter.next().orElseThrow()).sql());
        splitter.next();
        assertEquals(new CopyLine("naïve\n", 4), splitter.next().orElseThrow());
        assertEquals(StandardCharsets.ISO_8859_1, splitter.encoding());
    }

    @Test
    void invalidBytesAreAnErrorNamingTheLine() {
        byte[] script = "SELECT 1;\nSELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
        ArchiveFormatException e = assertThrows(ArchiveFormatException.class,
                () -> split(new ByteArrayInputStream(script), StandardCharsets.UTF_8));
        assertEquals("invalid byte sequence for encoding \"UTF-8\" at line 2 of the script (use SET "
                + "client_encoding to name the script's encoding)", e.getMessage());
    }

    @Test
    void overlongStatementsAndWordsAreRefusedButLongLinesAreNot() {
        ArchiveFormatException statement = assertThrows(ArchiveFormatException.class, () -> splitWithLimit(
                "SELECT 1;\n\nSELECT\n" + "  a,\n".repeat(30) + " b;", 100));
        assertEquals("the statement starting at line 3 of the script is longer than 100 characters",
                statement.getMessage());
        ArchiveFormatException literal = assertThrows(ArchiveFormatException.class, () -> splitWithLimit(
                "SELECT 1;\nSELECT '" + "x".repeat(200) + "';\n", 100));
        assertEquals("the statement starting at line 2 of the script is longer than 100 characters",
                literal.getMessage());
        ArchiveFormatException meta = assertThrows(ArchiveFormatException.class, () -> splitWithLimit(
                "SELECT 1;\n\\echo " + "x".repeat(200) + "\n", 100));
        assertEquals("line 2 of the script holds a meta-command, identifier or other unbroken word longer than 100 "
                + "characters", meta.getMessage());
        // a COPY line of any length streams: pieces of at most half the limit, the last with the terminator
        String longLine = "x".repeat(230);
        List<ScriptItem> items = splitWithLimit("SELECT 1;\nCOPY t FROM stdin;\n" + longLine + "\n\\.\nSELECT 2;\n",
                100);
        assertEquals(List.of(new SqlStatement("SELECT 1", 1, false), new SqlStatement("COPY t FROM stdin", 2, true),
                new CopyLine("x".repeat(50), 3), new CopyLine("x".repeat(50), 3), new CopyLine("x".repeat(50), 3),
                new CopyLine("x".repeat(50), 3), new CopyLine("x".repeat(30) + "\n", 3), new CopyEnd(4, true),
                new SqlStatement("SELECT 2", 5, false)), items);
        // a piece that happens to be \. in the middle of a line does not end the block
        String tricky = "y".repeat(50) + "\\.\n";
        assertEquals(List.of(new SqlStatement("COPY t FROM stdin", 1, true), new CopyLine("y".repeat(50), 2),
                new CopyLine("\\.\n", 2), new CopyEnd(3, true)), splitWithLimit("COPY t FROM stdin;\n" + tricky
                + "\\.\n", 100));
    }

    private static List<ScriptItem> splitWithLimit(String script, int limit) {
        ScriptSplitter splitter = new ScriptSplitter(
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, limit);
        List<ScriptItem> items = new ArrayList<>();
        for (Optional<ScriptItem> item = splitter.next(); item.isPresent(); item = splitter.next()) {
            items.add(item.get());
        }
        return items;
    }

    @Test
    void shortReadsChangeNothing() {
        String script = "SELECT 'ä;ö';\nCOPY t FROM stdin;\n日本\t1\n\\.\n\\c x\n";
        byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
        InputStream oneByteAtATime = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertEquals(split(script), split(oneByteAtATime, StandardCharsets.UTF_8));
    }

    @Test
    void pgDump18PlainFixture() throws IOException {
        List<ScriptItem> items;
        try (InputStream in = fixture()) {
            items = split(in, StandardCharsets.UTF_8);
        }
        List<MetaCommand> meta = items.stream().filter(i -> i instanceof MetaCommand).map(i -> (MetaCommand) i)
                .toList();
        assertEquals(List.of(new MetaCommand("restrict", "FIXTUREKEY", 5),
                new MetaCommand("unrestrict", "FIXTUREKEY", 396)), meta);
        List<String> copies = items.stream().filter(i -> i instanceof SqlStatement s && s.copyFromStdin())
                .map(i -> ((SqlStatement) i).sql()).toList();
        assertEquals(List.of("COPY public.\"odd\nname\" (v) FROM stdin",
                "COPY shop.customer (id, name, email, note, photo) FROM stdin",
                "COPY shop.orders (order_id, customer_id, invoice, amount, placed_on, attrs) FROM stdin"), copies);
        assertEquals(8, items.stream().filter(i -> i instanceof CopyLine).count());
        assertEquals(3, items.stream().filter(i -> i instanceof CopyEnd e && e.terminated()).count());
        assertTrue(items.contains(new CopyLine("3\tChloé\tc@example.org\tback\\\\slash and \\\\. dot\t\\\\xdeadbeef\n",
                222)));
        List<String> statements = sql(items);
        assertEquals(81, statements.size(), () -> statements.stream().collect(Collectors.joining("\n---\n")));
        assertEquals("SET statement_timeout = 0", statements.get(0));
        assertEquals("REFRESH MATERIALIZED VIEW shop.big_spenders", statements.get(statements.size() - 1));
    }
}
