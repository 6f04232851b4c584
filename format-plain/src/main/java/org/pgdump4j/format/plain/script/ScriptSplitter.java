package org.pgdump4j.format.plain.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.jspecify.annotations.Nullable;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.format.plain.gen.PlainScriptLexer;

/**
 * Splits a plain SQL script into statements, psql meta-commands and COPY data, the way psql reads a script file
 * (see {@code PlainScriptLexer.g4} for the rules: quotes, dollar quotes, nested comments, parentheses,
 * {@code BEGIN ATOMIC} bodies, meta-commands, {@code COPY ... FROM stdin} blocks up to {@code \.}).
 *
 * <p>Streaming: items are produced on demand and nothing is kept after it is handed out. A statement is collected
 * whole (at most {@link #DEFAULT_MAX_LENGTH} characters, or the limit given; longer is an
 * {@link ArchiveFormatException}), and held once ({@link StatementText}); COPY data comes in pieces of at most
 * {@link #MAX_RUN} characters however long its lines, and so do long literals and comments on their way into the
 * statement. Only a meta-command, an identifier or a dollar-quote tag must fit in {@link #MAX_TOKEN} characters.
 * The splitter never closes the stream; its caller does.
 *
 * <p>As psql does, a UTF-8 byte-order mark at the very start of a UTF-8 script is skipped, and text after
 * {@code COPY ... FROM stdin;} on the same line is read after the COPY data (which starts on the next line).
 *
 * <p>The caller may change how the rest of the script is read between two calls of {@link #next()}: the encoding
 * ({@code SET client_encoding}, see {@link #switchEncoding}) and the meaning of backslashes in {@code '...'}
 * ({@code standard_conforming_strings}; also followed automatically from {@code SET standard_conforming_strings}
 * statements). Single-threaded.
 */
public final class ScriptSplitter {
    /** Longest statement, in characters (the server limits one to 1 GB); COPY lines have no limit. */
    public static final int DEFAULT_MAX_LENGTH = 1 << 28;
    /** Longest piece of COPY data, literal or comment text handed to the caller at once, in characters. */
    static final int MAX_RUN = 1 << 14;
    /** Longest unbroken token (meta-command, identifier, dollar-quote tag, rest of a COPY line), in characters. */
    static final int MAX_TOKEN = 1 << 20;

    private static final Pattern SET_STANDARD_STRINGS = Pattern.compile(
            "\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?standard_conforming_strings(?:\\s*=\\s*|\\s+TO\\s+)'?([a-z0-9]+)'?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RESET_STANDARD_STRINGS = Pattern.compile(
            "\\s*RESET\\s+standard_conforming_strings\\s*", Pattern.CASE_INSENSITIVE);

    private final ScriptDecoder decoder;
    private final ScriptCharStream chars;
    private final PlainScriptLexer lexer;
    private final int maxLength;

    /** The line of the next character to be lexed. */
    private long line = 1;
    /** Added to {@link #line} at the next newline: the end of a COPY line put back after its data. */
    private long lineJump;
    private final StatementText statement = new StatementText();
    private long statementLine;
    private boolean significant;
    /** Whitespace after the statement text so far: kept only if more of the statement follows. */
    private final StringBuilder pendingWhitespace = new StringBuilder();
    private boolean inCopy;
    /** The rest of the line of the current COPY ... FROM stdin statement, run after its data; and its line. */
    private @Nullable String copyRest;
    private long copyRestLine;

    /** A script in UTF-8. */
    public ScriptSplitter(InputStream script) {
        this(script, StandardCharsets.UTF_8);
    }

    /** A script in {@code charset} (until a {@link #switchEncoding}). */
    public ScriptSplitter(InputStream script, Charset charset) {
        this(script, charset, DEFAULT_MAX_LENGTH);
    }

    ScriptSplitter(InputStream script, Charset charset, int maxLength) {
        this(script, charset, maxLength, MAX_RUN);
    }

    /** For tests: pieces of at most {@code maxRun} characters (and at most half the longest token). */
    ScriptSplitter(InputStream script, Charset charset, int maxLength, int maxRun) {
        if (maxLength < 16) {
            throw new IllegalArgumentException("maxLength " + maxLength);
        }
        this.decoder = new ScriptDecoder(script, charset);
        this.maxLength = maxLength;
        int maxToken = Math.min(maxLength, MAX_TOKEN);
        try {
            chars = new ScriptCharStream(decoder, maxToken);
        } catch (RuntimeException e) {
            throw readFailure(e);
        }
        this.lexer = new PlainScriptLexer(chars);
        lexer.setMaxRun(Math.min(maxRun, maxToken / 2));
        lexer.setInterpreter(new FoldingLexerSimulator(lexer, lexer.getInterpreter()));
        lexer.setTokenFactory(new CommonTokenFactory(true));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int l, int position,
                                    String msg, RecognitionException e) {
                // every character matches some rule in every mode: this is a bug in the grammar
                throw new IllegalStateException("script lexer failed at line " + line + ": " + msg);
            }
        });
    }

    /** The charset the script is being decoded with. */
    public Charset encoding() {
        return decoder.charset();
    }

    /**
     * Decodes the rest of the script with {@code charset}, from the character after the last item handed out.
     * (One character the lexer has already looked at, normally the newline ending that item's line, stays as it
     * was decoded.)
     */
    public void switchEncoding(Charset charset) {
        try {
            decoder.switchCharset(charset);
        } catch (IOException e) {
            throw new ArchiveFormatException("could not switch the script encoding to \"" + charset.name()
                    + "\" at line " + line + ": " + e.getMessage(), e);
        }
    }

    /** Whether backslashes in {@code '...'} are plain characters (on, the default since PostgreSQL 9.1). */
    public void setStandardConformingStrings(boolean on) {
        lexer.setStandardConformingStrings(on);
    }

    public boolean standardConformingStrings() {
        return lexer.isStandardConformingStrings();
    }

    /**
     * The next item, or empty at the end of the script. After a {@link ScriptItem.SqlStatement} with
     * {@code copyFromStdin}, the next items are its {@link ScriptItem.CopyLine}s and one {@link ScriptItem.CopyEnd}.
     *
     * @throws ArchiveFormatException when the script cannot be read: bytes invalid in its encoding, a statement
     *     or an unbroken token longer than the limit
     */
    public Optional<ScriptItem> next() {
        while (true) {
            Token token = nextToken();
            int type = token.getType();
            if (type == Token.EOF) {
                return finish();
            }
            long tokenLine = line;
            String text = token.getText();
            advanceLines(text);
            switch (type) {
                case PlainScriptLexer.WS:
                    // kept only if more of the statement follows: no trailing whitespace
                    if (!statement.isEmpty()) {
                        if (statement.length() + pendingWhitespace.length() + text.length() > maxLength) {
                            throw tooLong();
                        }
                        pendingWhitespace.append(text);
                    }
                    break;
                case PlainScriptLexer.LINE_COMMENT:
                    if (!statement.isEmpty()) {
                        append(text);
                    }
                    break;
                case PlainScriptLexer.COMMENT:
                    startIfEmpty(tokenLine);
                    append(text);
                    break;
                case PlainScriptLexer.SEMI: {
                    boolean copy = lexer._mode == PlainScriptLexer.COPY_START;
                    if (!significant) {
                        resetStatement();   // empty statement: psql would send it, the server does nothing
                        break;
                    }
                    ScriptItem.SqlStatement item = new ScriptItem.SqlStatement(buildStatement(), statementLine, copy);
                    resetStatement();
                    inCopy = copy;
                    followStandardStrings(item.sql());
                    return Optional.of(item);
                }
                case PlainScriptLexer.META:
                    return Optional.of(metaCommand(text, tokenLine));
                case PlainScriptLexer.COPY_REST:
                    // psql sends the COPY at its semicolon, reads the data from the next line on, and only
                    // then goes on with the rest of this line
                    if (!text.isBlank()) {
                        copyRest = text;
                        copyRestLine = tokenLine;
                    }
                    break;
                case PlainScriptLexer.COPY_LINE:
                    return Optional.of(new ScriptItem.CopyLine(text, tokenLine));
                case PlainScriptLexer.COPY_END:
                    inCopy = false;
                    putBackCopyRest();
                    return Optional.of(new ScriptItem.CopyEnd(tokenLine, true));
                default:
                    startIfEmpty(tokenLine);
                    append(text);
                    significant = true;
                    break;
            }
        }
    }

    private Optional<ScriptItem> finish() {
        if (inCopy) {
            inCopy = false;
            ScriptItem.CopyEnd end = new ScriptItem.CopyEnd(line, false);
            if (copyRest != null) {
                lexer.resumeAfterCopy();
                putBackCopyRest();
            }
            return Optional.of(end);
        }
        if (significant) {
            // psql sends an unterminated last statement too
            ScriptItem.SqlStatement item = new ScriptItem.SqlStatement(buildStatement(), statementLine, false);
            resetStatement();
            return Optional.of(item);
        }
        resetStatement();
        return Optional.empty();
    }

    /**
     * The rest of the COPY statement's line goes back in front of what follows the data; the lines are counted
     * from the COPY's line again, and at the newline ending that text they jump back to where the data ended.
     */
    private void putBackCopyRest() {
        String rest = copyRest;
        if (rest == null) {
            return;
        }
        copyRest = null;
        chars.insert(rest);
        lineJump = rest.endsWith("\n") ? line - copyRestLine - 1 : 0;
        line = copyRestLine;
    }

    private void advanceLines(String text) {
        int newlines = newlines(text);
        if (newlines > 0) {
            line += newlines + lineJump;
            lineJump = 0;
        }
    }

    private Token nextToken() {
        try {
            return lexer.nextToken();
        } catch (ScriptCharStream.TokenTooLongException e) {
            throw new ArchiveFormatException("line " + line + " of the script holds a meta-command, identifier or "
                    + "other unbroken word longer than " + e.limit + " characters", e);
        } catch (RuntimeException e) {
            throw readFailure(e);
        }
    }

    private RuntimeException readFailure(RuntimeException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CharacterCodingException) {
            return new ArchiveFormatException("invalid byte sequence for encoding \"" + decoder.charset().name()
                    + "\" at line " + line + " of the script (use SET client_encoding to name the script's encoding)",
                    cause);
        }
        if (cause instanceof IOException) {
            return new ArchiveFormatException("could not read the script at line " + line + ": "
                    + cause.getMessage(), cause);
        }
        return e;
    }

    private void startIfEmpty(long tokenLine) {
        if (statement.isEmpty()) {
            statementLine = tokenLine;
        }
    }

    private void append(String text) {
        if (statement.length() + pendingWhitespace.length() + text.length() > maxLength) {
            throw tooLong();
        }
        if (pendingWhitespace.length() > 0) {
            statement.append(pendingWhitespace);
            clearWhitespace();
        }
        statement.append(text);
    }

    /** The statement's text; a heap too small for it is an error, not a crash (the blocks are dropped first). */
    private String buildStatement() {
        try {
            return statement.build();
        } catch (OutOfMemoryError e) {
            long length = statement.length();
            resetStatement();
            throw new ArchiveFormatException("out of memory for the statement starting at line " + statementLine
                    + " of the script (" + length + " characters): give the JVM a larger heap (-Xmx)", e);
        }
    }

    private ArchiveFormatException tooLong() {
        return new ArchiveFormatException("the statement starting at line " + statementLine
                + " of the script is longer than " + maxLength + " characters");
    }

    private void resetStatement() {
        statement.clear();
        significant = false;
        clearWhitespace();
    }

    private void clearWhitespace() {
        if (pendingWhitespace.capacity() > MAX_RUN * 4) {
            pendingWhitespace.setLength(0);
            pendingWhitespace.trimToSize();
        } else {
            pendingWhitespace.setLength(0);
        }
    }

    private void followStandardStrings(String sql) {
        if (sql.length() > 200) {
            return;
        }
        Matcher set = SET_STANDARD_STRINGS.matcher(sql);
        if (set.matches()) {
            String value = set.group(1).toLowerCase(Locale.ROOT);
            if (value.equals("on") || value.equals("true") || value.equals("yes") || value.equals("1")) {
                lexer.setStandardConformingStrings(true);
            } else if (value.equals("off") || value.equals("false") || value.equals("no") || value.equals("0")) {
                lexer.setStandardConformingStrings(false);
            }
        } else if (RESET_STANDARD_STRINGS.matcher(sql).matches()) {
            lexer.setStandardConformingStrings(true);
        }
    }

    /** {@code \name args}: the name runs to whitespace or another backslash (psql's {@code \\} separator). */
    private static ScriptItem.MetaCommand metaCommand(String text, long line) {
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '\\') {
            end++;
        }
        if (end == 1 && end < text.length() && text.charAt(end) == '\\') {
            end++;   // "\\" itself
        }
        String name = text.substring(1, end);
        String arguments = text.substring(end).strip();
        return new ScriptItem.MetaCommand(name, arguments, line);
    }

    private static int newlines(String text) {
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        return count;
    }

    @Override
    public String toString() {
        return "ScriptSplitter[line " + line + ", " + decoder.charset().name() + "]";
    }
}
