/*
 * Splits a plain SQL script (pg_dump -Fp output, or any psql-compatible script) the way psql does.
 *
 * Every character of the input lands in exactly one token (nothing is skipped), so the caller can rebuild
 * statement text and count lines. No token spans more than one line except WS, so with an unbuffered char
 * stream the memory held by the lexer is bounded by the longest line (the caller caps that too).
 *
 * Two rules for whoever edits this grammar (ScriptSplitterProperties checks both):
 *   - no rule may tell a character from U+0080 up from 'a': FoldingLexerSimulator maps them all to 'a' so that
 *     ANTLR's DFA cache (characters 0..127 only) covers non-ASCII text too;
 *   - the COPY_DATA rules are also implemented by hand in nextToken() (the fast path for bulk data): change both.
 *
 * Token types the caller sees:
 *   WS, LINE_COMMENT, COMMENT   whitespace and comments (COMMENT: pieces of a block comment)
 *   TEXT, IDENT, OPEN_PAREN, CLOSE_PAREN   statement text (TEXT also covers pieces of quoted literals)
 *   SEMI        a semicolon that ends a statement (at top level: outside parentheses and BEGIN ATOMIC bodies);
 *               any other semicolon is TEXT
 *   META        a psql meta-command, from the backslash to the end of the line
 *   COPY_REST   the rest of the line after a COPY ... FROM stdin statement
 *   COPY_LINE   one line of COPY data, with its line terminator
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

    /**
     * COPY data is most of a big dump: read its lines with a plain loop instead of the ATN simulator (about four
     * times faster). The tokens are the same as the COPY_DATA rules give (a test compares both ways).
     */
    public void setCopyFastPath(boolean on) {
        copyFastPath = on;
    }

    @Override
    public Token nextToken() {
        if (_mode != COPY_DATA || !copyFastPath || _hitEOF || _input.LA(1) == IntStream.EOF) {
            return super.nextToken();
        }
        int marker = _input.mark();
        try {
            _token = null;
            _channel = Token.DEFAULT_CHANNEL;
            _tokenStartCharIndex = _input.index();
            _tokenStartCharPositionInLine = getInterpreter().getCharPositionInLine();
            _tokenStartLine = getInterpreter().getLine();   // not advanced by this loop: callers count lines
            _text = null;
            int length = 0;
            int c0 = 0;
            int c1 = 0;
            int c2 = 0;
            int c3 = 0;
            while (true) {
                int c = _input.LA(1);
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
            boolean end = c0 == '\\' && c1 == '.'
                    && (length == 2
                        || (length == 3 && (c2 == '\n' || c2 == '\r'))
                        || (length == 4 && c2 == '\r' && c3 == '\n'));
            _type = end ? COPY_END : COPY_LINE;
            if (end) {
                popMode();
            }
            emit();
            return _token;
        } finally {
            _input.release(marker);
        }
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
            case WS:
            case LINE_COMMENT:
            case COMMENT:
            case META:
            case COPY_REST:
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
