package org.pgdump4j.format.plain.script;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * A lexer simulator that treats every character from U+0080 up as {@code 'a'}. ANTLR caches DFA transitions only
 * for characters 0..127 and recomputes every other one from the ATN, which made lines of non-ASCII text about six
 * times slower to lex. {@code PlainScriptLexer.g4} is written so that no rule tells any non-ASCII character from
 * {@code 'a'} (identifier characters, dollar-quote tag characters, and "anything else" in literals, comments and
 * COPY data), so folding changes no token; {@code ScriptSplitterProperties} checks that.
 * Token text still comes from the real characters.
 */
final class FoldingLexerSimulator extends LexerATNSimulator {
    private static final int FOLDED = 'a';

    FoldingLexerSimulator(Lexer lexer, LexerATNSimulator original) {
        super(lexer, lexer.getATN(), original.decisionToDFA, original.getSharedContextCache());
    }

    @Override
    protected DFAState getExistingTargetState(DFAState s, int t) {
        return super.getExistingTargetState(s, fold(t));
    }

    @Override
    protected DFAState computeTargetState(CharStream input, DFAState s, int t) {
        return super.computeTargetState(input, s, fold(t));
    }

    private static int fold(int t) {
        return t > MAX_DFA_EDGE ? FOLDED : t;
    }
}
