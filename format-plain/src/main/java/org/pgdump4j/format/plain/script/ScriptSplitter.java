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
 * <p>Streaming: items are produced on demand and nothing is kept after it is handed out, so memory is bounded by the
 * longest statement or line (at most {@link #DEFAULT_MAX_LENGTH} characters; longer is an
 * {@link ArchiveFormatException}). The splitter never closes the stream; its caller does.
 *
 * <p>The caller may change how the rest of the script is read between two calls of {@link #next()}: the encoding
 * ({@code SET client_encoding}, see {@link #switchEncoding}) and the meaning of backslashes in {@code '...'}
 * ({@code standard_conforming_strings}; also followed automatically from {@code SET standard_conforming_strings}
 * statements). Single-threaded.
 */
public final class ScriptSplitter {
    /** Longest statement, and longest line of COPY data, in characters (a statement is limited to 1 GB by the server). */
    public static final int DEFAULT_MAX_LENGTH = 1 << 28;

    private static final Pattern SET_STANDARD_STRINGS = Pattern.compile(
            "\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?standard_conforming_strings(?:\\s*=\\s*|\\s+TO\\s+)'?([a-z0-9]+)'?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RESET_STANDARD_STRINGS = Pattern.compile(
            "\\s*RESET\\s+standard_conforming_strings\\s*", Pattern.CASE_INSENSITIVE);
    private static final int KEEP_BUFFER = 1 << 16;

    private final ScriptDecoder decoder;
    private final PlainScriptLexer lexer;
    private final int maxLength;

    /** The line of the next character to be lexed. */
    private long line = 1;
    private StringBuilder statement = new StringBuilder();
    private long statementLine;
    private boolean significant;
    private @Nullable String pendingWhitespace;
    private boolean inCopy;

    /** A script in UTF-8. */
    public ScriptSplitter(InputStream script) {
        this(script, StandardCharsets.UTF_8);
    }

    /** A script in {@code charset} (until a {@link #switchEncoding}). */
    public ScriptSplitter(InputStream script, Charset charset) {
        this(script, charset, DEFAULT_MAX_LENGTH);
    }

    ScriptSplitter(InputStream script, Charset charset, int maxLength) {
        if (maxLength < 16) {
            throw new IllegalArgumentException("maxLength " + maxLength);
        }
        this.decoder = new ScriptDecoder(script, charset);
        this.maxLength = maxLength;
        ScriptCharStream chars;
        try {
            chars = new ScriptCharStream(decoder, maxLength);
        } catch (RuntimeException e) {
            throw readFailure(e);
        }
        this.lexer = new PlainScriptLexer(chars);
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
     * @throws ArchiveFormatException when the script cannot be read: bytes invalid in its encoding, a line or
     *     statement longer than the limit, or text after {@code COPY ... FROM stdin;} on the same line
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
            line += newlines(text);
            switch (type) {
                case PlainScriptLexer.WS:
                    // kept only if more of the statement follows: no trailing whitespace
                    if (statement.length() > 0) {
                        pendingWhitespace = pendingWhitespace == null ? text : pendingWhitespace + text;
                    }
                    break;
                case PlainScriptLexer.LINE_COMMENT:
                    if (statement.length() > 0) {
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
                    ScriptItem.SqlStatement item = new ScriptItem.SqlStatement(statement.toString(), statementLine, copy);
                    resetStatement();
                    inCopy = copy;
                    followStandardStrings(item.sql());
                    return Optional.of(item);
                }
                case PlainScriptLexer.META:
                    return Optional.of(metaCommand(text, tokenLine));
                case PlainScriptLexer.COPY_REST:
                    String rest = text.strip();
                    if (!rest.isEmpty() && !rest.startsWith("--")) {
                        throw new ArchiveFormatException("unsupported text after COPY ... FROM stdin on line "
                                + tokenLine + " of the script: the data must start on the next line");
                    }
                    break;
                case PlainScriptLexer.COPY_LINE:
                    return Optional.of(new ScriptItem.CopyLine(text, tokenLine));
                case PlainScriptLexer.COPY_END:
                    inCopy = false;
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
            return Optional.of(new ScriptItem.CopyEnd(line, false));
        }
        if (significant) {
            // psql sends an unterminated last statement too
            ScriptItem.SqlStatement item = new ScriptItem.SqlStatement(statement.toString(), statementLine, false);
            resetStatement();
            return Optional.of(item);
        }
        resetStatement();
        return Optional.empty();
    }

    private Token nextToken() {
        try {
            return lexer.nextToken();
        } catch (ScriptCharStream.TokenTooLongException e) {
            throw new ArchiveFormatException("line " + line + " of the script is longer than " + e.limit
                    + " characters", e);
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
        if (statement.length() == 0) {
            statementLine = tokenLine;
        }
    }

    private void append(String text) {
        if (pendingWhitespace != null) {
            String whitespace = pendingWhitespace;
            pendingWhitespace = null;
            append(whitespace);
        }
        if (statement.length() + (long) text.length() > maxLength) {
            throw new ArchiveFormatException("the statement starting at line " + statementLine
                    + " of the script is longer than " + maxLength + " characters");
        }
        statement.append(text);
    }

    private void resetStatement() {
        if (statement.capacity() > KEEP_BUFFER) {
            statement = new StringBuilder();
        } else {
            statement.setLength(0);
        }
        significant = false;
        pendingWhitespace = null;
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
