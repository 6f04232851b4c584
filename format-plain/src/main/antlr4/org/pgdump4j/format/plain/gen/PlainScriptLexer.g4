/*
 * Splits a plain SQL script (pg_dump -Fp output, or any psql-compatible script) the way psql does.
 *
 * Every character of the input lands in exactly one token (nothing is skipped), so the caller can rebuild
 * statement text and count lines. Bulk text comes out in pieces of at most maxRun characters (see the fast paths
 * in nextToken()), so with an unbuffered char stream the memory held by the lexer does not grow with the length of
 * a line or a literal; only a meta-command, an identifier or a dollar-quote tag is one token (the caller caps them).
 *
 * Two rules for whoever edits this grammar (ScriptSplitterProperties checks both):
 *   - no rule may tell a character from U+0080 up from 'a': FoldingLexerSimulator maps them all to 'a' so that
 *     ANTLR's DFA cache (characters 0..127 only) covers non-ASCII text too;
 *   - the COPY_DATA rules, the *_TEXT rules of the quote and comment modes, and WS, LINE_COMMENT and OTHER's run
 *     are also implemented by hand in nextToken() (the fast paths for bulk text): change both.
 *
 * Token types the caller sees:
 *   WS, LINE_COMMENT, COMMENT   whitespace and comments (COMMENT: pieces of a block comment)
 *   TEXT, IDENT, OPEN_PAREN, CLOSE_PAREN   statement text (TEXT also covers pieces of quoted literals)
 *   SEMI        a semicolon that ends a statement (at top level: outside parentheses and BEGIN ATOMIC bodies);
 *               any other semicolon is TEXT
 *   META        a psql meta-command, from the backslash to the end of the line
 *   COPY_REST   the rest of the line after a COPY ... FROM stdin statement (psql runs it after the data)
 *   COPY_LINE   one line of COPY data, with its line terminator (a long line: in pieces, the last with it)
 *   COPY_END    the terminator line \. (with its line terminator)
 *
 * Lexer state the rules cannot express (parenthesis depth, psql's BEGIN ... END heuristic for SQL-standard
 * function bodies, the COPY ... FROM stdin check, the dollar-quote tag, comment nesting) lives in @members and is
 * updated in emit(), which runs after a token is matched and before the next one is.
 */
lexer grammar PlainScriptLexer;

tokens { TEXT, COMMENT }

@members {
    /** psql's standard_conforming_strings: off makes '...' literals take backslash escapes like E'...'. */
    private boolean standardConformingStrings = true;
    private int parenDepth;
    /** psql's begin_depth: BEGIN ... END nesting inside CREATE [OR REPLACE] FUNCTION|PROCEDURE. */
    private int beginDepth;
    /** psql's identifier_count and the first letters of the leading keywords (create, or, replace, function...). */
    private int identifierCount;
    private final char[] identifiers = new char[4];
    private boolean statementStarted;
    private boolean copyStatement;
    private boolean afterFrom;
    private boolean copyFromStdin;
    private String dollarTag = "";
    private int commentDepth;

    private boolean copyFastPath = true;
    /** Longest token the fast paths produce: a longer run of text comes out in pieces of this many characters. */
    private int maxRun = 16384;
    /** The next COPY_LINE piece starts a line (only then can it be the terminator \.). */
    private boolean copyLineStart;
    /** A LINE_COMMENT was cut at maxRun: the next token goes on with it. */
    private boolean lineCommentOpen;

    /**
     * The fast paths: bulk text (COPY data, the inside of literals, quoted identifiers, dollar quotes and comments,
     * runs of whitespace and of other characters) is read with plain loops instead of the ATN simulator (about four
     * times faster for COPY data). They give the tokens the rules give, except that a run longer than
     * {@link #setMaxRun} characters comes out in pieces, so that no token (and no buffer) grows with the length
     * of a line; a piece of COPY data ends with its line terminator only if it is the last piece of its line.
     */
    public void setCopyFastPath(boolean on) {
        copyFastPath = on;
    }

    public void setMaxRun(int characters) {
        if (characters < 4) {
            throw new IllegalArgumentException("maxRun " + characters);
        }
        maxRun = characters;
    }

    /**
     * Goes on at top level after the end of the input was reached inside a COPY block, for text the caller puts
     * back into the stream (psql runs the rest of the COPY statement's line after the data).
     */
    public void resumeAfterCopy() {
        _hitEOF = false;
        if (_mode == COPY_DATA || _mode == COPY_START) {
            popMode();
        }
    }

    @Override
    public Token nextToken() {
        if (!copyFastPath || _hitEOF) {
            return super.nextToken();
        }
        int c = _input.LA(1);
        if (c == IntStream.EOF) {
            return super.nextToken();
        }
        int type;
        if (_mode == COPY_DATA) {
            type = COPY_LINE;
        } else if (_mode == DEFAULT_MODE) {
            if (lineCommentOpen || (c == '-' && _input.LA(2) == '-')) {
                type = LINE_COMMENT;
            } else {
                type = isSpace(c) ? WS : TEXT;
            }
        } else {
            type = _mode == BLOCK_COMMENT ? COMMENT : TEXT;
        }
        if (type != LINE_COMMENT && type != COPY_LINE && !inRun(type, c)) {
            type = 0;
        }
        if (type == 0) {
            return super.nextToken();
        }
        int marker = _input.mark();
        try {
            _token = null;
            _channel = Token.DEFAULT_CHANNEL;
            _tokenStartCharIndex = _input.index();
            _tokenStartCharPositionInLine = getInterpreter().getCharPositionInLine();
            _tokenStartLine = getInterpreter().getLine();   // not advanced by these loops: callers count lines
            _text = null;
            _type = type;
            if (type == COPY_LINE) {
                copyPiece();
            } else {
                int length = 0;
                if (type == LINE_COMMENT && !lineCommentOpen) {
                    _input.consume();   // the "--"
                    _input.consume();
                    length = 2;
                }
                while (length < maxRun) {
                    int d = _input.LA(1);
                    if (d == IntStream.EOF || !inRun(type, d)) {
                        break;
                    }
                    _input.consume();
                    length++;
                }
                if (type == LINE_COMMENT) {
                    int d = _input.LA(1);
                    lineCommentOpen = length == maxRun && d != IntStream.EOF && d != '\n' && d != '\r';
                }
            }
            emit();
            return _token;
        } finally {
            _input.release(marker);
        }
    }

    /** One line of COPY data, or its next maxRun characters; the terminator line pops the mode. */
    private void copyPiece() {
        int length = 0;
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        int c3 = 0;
        int c = 0;
        while (length < maxRun) {
            c = _input.LA(1);
            if (c == IntStream.EOF) {
                break;
            }
            _input.consume();
            switch (length) {
                case 0: c0 = c; break;
                case 1: c1 = c; break;
                case 2: c2 = c; break;
                case 3: c3 = c; break;
                default: break;
            }
            length++;
            if (c == '\n') {
                break;
            }
        }
        // COPY_END wins over COPY_LINE only when the whole line is \. with an optional \r and/or \n
        boolean end = copyLineStart && c0 == '\\' && c1 == '.'
                && (length == 2
                    || (length == 3 && (c2 == '\n' || c2 == '\r'))
                    || (length == 4 && c2 == '\r' && c3 == '\n'));
        copyLineStart = c == '\n';
        if (end) {
            _type = COPY_END;
            popMode();
        }
    }

    /** Whether c belongs to the run of a fast-path token of this type in the current mode (as the rules say). */
    private boolean inRun(int type, int c) {
        switch (_mode) {
            case STANDARD_STRING:
                return c != '\'' && c != '\n';
            case ESCAPE_STRING:
                return c != '\'' && c != '\\' && c != '\n';
            case QUOTED_IDENT:
                return c != '"' && c != '\n';
            case DOLLAR_QUOTED:
                return c != '$' && c != '\n';
            case BLOCK_COMMENT:
                return c != '*' && c != '/' && c != '\n';
            case DEFAULT_MODE:
                if (type == LINE_COMMENT) {
                    return c != '\n' && c != '\r';
                }
                return type == WS ? isSpace(c) : isOther(c);
            default:
                return false;
        }
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** The characters of OTHER's run: not space, not ;()'"$\/- and not a letter, '_' or non-ASCII. */
    private static boolean isOther(int c) {
        if (c >= 0x80 || isSpace(c) || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return false;
        }
        return c != ';' && c != '(' && c != ')' && c != '\'' && c != '"' && c != '$' && c != '\\' && c != '/'
                && c != '-';
    }

    public void setStandardConformingStrings(boolean on) {
        standardConformingStrings = on;
    }

    public boolean isStandardConformingStrings() {
        return standardConformingStrings;
    }

    @Override
    public Token emit() {
        switch (_type) {
            case IDENT:
                onIdentifier(getText());
                break;
            case OPEN_PAREN:
                parenDepth++;
                onSignificant();
                break;
            case CLOSE_PAREN:
                if (parenDepth > 0) {
                    parenDepth--;
                }
                onSignificant();
                break;
            case SEMI:
                if (parenDepth == 0 && beginDepth == 0) {
                    boolean copy = copyStatement && copyFromStdin;
                    resetStatement();
                    if (copy) {
                        pushMode(COPY_START);
                    }
                } else {
                    _type = TEXT;
                    onSignificant();
                }
                break;
            case META_ESCAPE:
                // psql's \; and \: put a plain ; or : into the query without ending it
                setText(getText().substring(1));
                _type = TEXT;
                onSignificant();
                break;
            case COPY_REST:
                copyLineStart = true;
                break;
            case WS:
            case LINE_COMMENT:
            case COMMENT:
            case META:
            case COPY_LINE:
            case COPY_END:
                break;
            default:
                onSignificant();
                break;
        }
        return super.emit();
    }

    private void onSignificant() {
        statementStarted = true;
        afterFrom = false;
    }

    private void onIdentifier(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (!statementStarted) {
            copyStatement = lower.equals("copy");
        }
        statementStarted = true;
        if (parenDepth == 0) {
            if (afterFrom && lower.equals("stdin")) {
                copyFromStdin = true;
            }
            afterFrom = lower.equals("from");
        } else {
            afterFrom = false;
        }
        // psql's heuristic (psqlscan.l): inside CREATE [OR REPLACE] {FUNCTION|PROCEDURE}, semicolons between
        // BEGIN and the matching END do not end the statement (SQL-standard function bodies, BEGIN ATOMIC)
        if (identifierCount == 0) {
            java.util.Arrays.fill(identifiers, '\0');
        }
        if (lower.equals("create") || lower.equals("function") || lower.equals("procedure")
                || lower.equals("or") || lower.equals("replace")) {
            if (identifierCount < identifiers.length) {
                identifiers[identifierCount] = lower.charAt(0);
            }
        }
        identifierCount++;
        if (identifiers[0] == 'c'
                && (identifiers[1] == 'f' || identifiers[1] == 'p'
                    || (identifiers[1] == 'o' && identifiers[2] == 'r'
                        && (identifiers[3] == 'f' || identifiers[3] == 'p')))
                && parenDepth == 0) {
            if (lower.equals("begin")) {
                beginDepth++;
            } else if (lower.equals("case")) {
                if (beginDepth >= 1) {
                    beginDepth++;
                }
            } else if (lower.equals("end")) {
                if (beginDepth > 0) {
                    beginDepth--;
                }
            }
        }
    }

    private void resetStatement() {
        parenDepth = 0;
        beginDepth = 0;
        identifierCount = 0;
        statementStarted = false;
        copyStatement = false;
        afterFrom = false;
        copyFromStdin = false;
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Top level and statement text

WS              : [ \t\n\r\f\u000B]+ ;
LINE_COMMENT    : '--' ~[\n\r]* ;
BLOCK_OPEN      : '/*' { commentDepth = 1; } -> type(COMMENT), pushMode(BLOCK_COMMENT) ;
SEMI            : ';' ;
OPEN_PAREN      : '(' ;
CLOSE_PAREN     : ')' ;
E_QUOTE_OPEN    : [eE] '\'' -> type(TEXT), pushMode(ESCAPE_STRING) ;
QUOTE_OPEN      : '\'' { pushMode(standardConformingStrings ? STANDARD_STRING : ESCAPE_STRING); } -> type(TEXT) ;
DQUOTE_OPEN     : '"' -> type(TEXT), pushMode(QUOTED_IDENT) ;
DOLLAR_OPEN     : '$' DOLLAR_TAG? '$' { dollarTag = getText(); } -> type(TEXT), pushMode(DOLLAR_QUOTED) ;
PARAM           : '$' [0-9]+ -> type(TEXT) ;
IDENT           : IDENT_START IDENT_CONT* ;
META_ESCAPE     : '\\' [;:] ;
META            : '\\' (~[;:\n\r] ~[\n\r]*)? ;
OTHER           : ( ~[ \t\n\r\f\u000B;()'"$\\/\-A-Za-z_\u0080-\u{10FFFF}]+ | [/\-$] ) -> type(TEXT) ;

fragment IDENT_START : [A-Za-z_\u0080-\u{10FFFF}] ;
fragment IDENT_CONT  : [A-Za-z_0-9$\u0080-\u{10FFFF}] ;
fragment DOLLAR_TAG  : [A-Za-z_\u0080-\u{10FFFF}] [A-Za-z_0-9\u0080-\u{10FFFF}]* ;

// ---------------------------------------------------------------------------------------------------------------
mode BLOCK_COMMENT;

BC_OPEN         : '/*' { commentDepth++; } -> type(COMMENT) ;
BC_CLOSE        : '*/' { if (--commentDepth == 0) { popMode(); } } -> type(COMMENT) ;
BC_TEXT         : ( ~[*/\n]+ | '\n' | [*/] ) -> type(COMMENT) ;

// ---------------------------------------------------------------------------------------------------------------
// '...' with standard_conforming_strings on: only '' is special
mode STANDARD_STRING;

SQ_QUOTES       : '\'\'' -> type(TEXT) ;
SQ_CLOSE        : '\'' -> type(TEXT), popMode ;
SQ_TEXT         : ( ~['\n]+ | '\n' ) -> type(TEXT) ;

// ---------------------------------------------------------------------------------------------------------------
// E'...', and '...' with standard_conforming_strings off: backslash escapes the next character
mode ESCAPE_STRING;

ES_QUOTES       : '\'\'' -> type(TEXT) ;
ES_ESCAPE       : '\\' . -> type(TEXT) ;
ES_BACKSLASH    : '\\' -> type(TEXT) ;
ES_CLOSE        : '\'' -> type(TEXT), popMode ;
ES_TEXT         : ( ~['\\\n]+ | '\n' ) -> type(TEXT) ;

// ---------------------------------------------------------------------------------------------------------------
mode QUOTED_IDENT;

DQ_QUOTES       : '""' -> type(TEXT) ;
DQ_CLOSE        : '"' -> type(TEXT), popMode ;
DQ_TEXT         : ( ~["\n]+ | '\n' ) -> type(TEXT) ;

// ---------------------------------------------------------------------------------------------------------------
// $tag$ ... $tag$: only the same tag closes; another $x$ is body text (its last $ may open the closing tag)
mode DOLLAR_QUOTED;

DOLLAR_CLOSE    : '$' DOLLAR_TAG? '$' { getText().equals(dollarTag) }? -> type(TEXT), popMode ;
DOLLAR_TEXT     : ( ~[$\n]+ | '\n' | '$' ) -> type(TEXT) ;

// ---------------------------------------------------------------------------------------------------------------
// After COPY ... FROM stdin; psql reads the data from the next line on
mode COPY_START;

COPY_REST       : ( ~[\n]* '\n' | ~[\n]+ ) -> mode(COPY_DATA) ;

// ---------------------------------------------------------------------------------------------------------------
// COPY data: one token per line, up to the line \. (psql: exactly "\.\n" or "\.\r\n"; EOF also ends the data)
mode COPY_DATA;

COPY_END        : '\\.' '\r'? '\n'? -> popMode ;
COPY_LINE       : ( ~[\n]* '\n' | ~[\n]+ ) ;
