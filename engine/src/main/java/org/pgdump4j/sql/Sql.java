package org.pgdump4j.sql;

import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * The one place where pgdump4j quotes names and values into SQL text. Every method produces exactly what
 * pg_dump 18 produces ({@code fmtId}, {@code fmtQualifiedId}, {@code appendStringLiteral},
 * {@code appendStringLiteralDQ} in {@code src/fe_utils/string_utils.c}), and refuses input it cannot quote
 * safely.
 *
 * <p><b>Input checks</b> (all methods): a {@code NUL} character, or a string that is not well-formed UTF-16 (an
 * unpaired surrogate), throws {@link IllegalArgumentException}. PostgreSQL text cannot hold {@code NUL}, and a
 * lone surrogate has no UTF-8 encoding: the JDK would silently replace it with {@code ?}, so the SQL would name a
 * different object. This is the Java side of CVE-2025-1094, where invalid multibyte input could swallow a quote
 * in libpq's escaping; Java strings cannot hide a quote inside a character, so validating them is enough.
 *
 * <p><b>{@code --quote-all-identifiers}</b> is pg_dump's process-global {@code quote_all_identifiers}. Here it is
 * scoped to one run instead: {@link #scope(boolean)} makes the static methods ({@link #ident(String)},
 * {@link #appendIdent}, {@link #qualified}) quote every name on the calling thread until the scope is closed, and
 * {@link #carry(Runnable)} hands the run's setting to a thread the run starts. Other runs in the same JVM (other
 * threads) keep their own setting. A {@link Quoter} is the explicit form, for code that is handed one.
 */
public final class Sql {

    private static final Quoter DEFAULT = new Quoter(false);
    private static final Quoter QUOTE_ALL = new Quoter(true);

    /** The setting of the run on this thread; unset (null) outside every {@link #scope(boolean)}. */
    private static final ThreadLocal<Quoter> RUN = new ThreadLocal<>();

    private Sql() {
    }

    /**
     * The run's quoting on the calling thread, from {@link #scope(boolean)} until the returned scope is closed (on
     * this thread, in try-with-resources). Scopes nest: closing one restores the setting it replaced, so a run that
     * starts another (pg_dumpall's per-database dumps) hands back what it found.
     *
     * @param quoteAll quote every identifier ({@code --quote-all-identifiers})
     */
    public static Scope scope(boolean quoteAll) {
        Scope s = new Scope(RUN.get(), Thread.currentThread());
        RUN.set(quoter(quoteAll));
        return s;
    }

    /** A run's quoting, restored to what it replaced on {@link #close()}. */
    public static final class Scope implements AutoCloseable {
        private final @Nullable Quoter previous;
        private final Thread owner;
        private boolean closed;

        private Scope(@Nullable Quoter previous, Thread owner) {
            this.previous = previous;
            this.owner = owner;
        }

        @Override
        public void close() {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a quoting scope must be closed by the thread that opened it");
            }
            if (!closed) {
                closed = true;
                if (previous == null) {
                    RUN.remove();
                } else {
                    RUN.set(previous);
                }
            }
        }
    }

    /** The quoter the static methods use on this thread: the run's ({@link #scope(boolean)}), else the default. */
    public static Quoter current() {
        Quoter q = RUN.get();
        return q == null ? DEFAULT : q;
    }

    /**
     * {@code task} run under the calling thread's current quoting, whatever thread runs it: for the threads a run
     * starts (parallel workers, the side connection's reads). The setting is captured now and removed after the
     * task, so a pooled thread keeps nothing.
     */
    public static Runnable carry(Runnable task) {
        Quoter q = current();
        return () -> {
            try (Scope s = scope(q.quoteAll())) {
                task.run();
            }
        };
    }

    /** {@link #carry(Runnable)} for a task with a result. */
    public static <T> Callable<T> carry(Callable<T> task) {
        Quoter q = current();
        return () -> {
            try (Scope s = scope(q.quoteAll())) {
                return task.call();
            }
        };
    }

    /**
     * Quotes identifiers, optionally all of them ({@code --quote-all-identifiers}). Immutable and thread-safe.
     *
     * @param quoteAll quote every identifier, as pg_dump's {@code quote_all_identifiers}
     */
    public record Quoter(boolean quoteAll) {

        /** {@link Sql#ident(String)} under this quoter's setting. */
        public String ident(String name) {
            return appendIdent(new StringBuilder(name.length() + 2), name).toString();
        }

        /** Appends {@link #ident(String)} of {@code name} to {@code sb}; returns {@code sb}. */
        public StringBuilder appendIdent(StringBuilder sb, String name) {
            checkText(name, "identifier");
            if (!quoteAll && isSimpleIdentifier(name)) {
                return sb.append(name);
            }
            sb.append('"');
            for (int i = 0; i < name.length(); i++) {
                char ch = name.charAt(i);
                if (ch == '"') {
                    sb.append('"');
                }
                sb.append(ch);
            }
            return sb.append('"');
        }

        /** {@code schema.name}, each part quoted as by {@link #ident(String)}. */
        public String qualified(String schema, String name) {
            return appendQualified(new StringBuilder(), schema, name).toString();
        }

        /**
         * Appends {@link #qualified(String, String)} to {@code sb}; returns {@code sb}. Unlike pg_dump's
         * {@code fmtQualifiedId}, an empty schema is refused rather than dropped: every reference we write must be
         * schema-qualified (CVE-2018-1058), so a missing schema is a bug to report, not to hide.
         */
        public StringBuilder appendQualified(StringBuilder sb, String schema, String name) {
            Objects.requireNonNull(schema, "schema");
            if (schema.isEmpty()) {
                throw new IllegalArgumentException("empty schema name for \"" + name + "\"");
            }
            appendIdent(sb, schema).append('.');
            return appendIdent(sb, name);
        }
    }

    /** The quoter for {@code quoteAll} (two shared immutable instances). */
    public static Quoter quoter(boolean quoteAll) {
        return quoteAll ? QUOTE_ALL : DEFAULT;
    }

    /**
     * Quotes {@code name} if it is not usable as-is, exactly as pg_dump 18's {@code fmtId} and the server's
     * {@code quote_ident}: it stays bare iff it is non-empty, starts with {@code a-z} or {@code _}, continues with
     * {@code a-z 0-9 _}, and is not a keyword other than an unreserved one. Otherwise it is wrapped in double
     * quotes with each {@code "} doubled. ({@code $} is legal in bare identifiers but, as in pg_dump, forces quotes.)
     * Inside a quote-all {@link #scope(boolean)}, every name is quoted.
     *
     * @throws IllegalArgumentException if {@code name} holds {@code NUL} or is not well-formed UTF-16
     */
    public static String ident(String name) {
        return current().ident(name);
    }

    /** {@link #ident(String)}, quoting every name when {@code quoteAll} ({@code --quote-all-identifiers}). */
    public static String ident(String name, boolean quoteAll) {
        return quoter(quoteAll).ident(name);
    }

    /** Appends {@link #ident(String)} of {@code name} to {@code sb}; returns {@code sb}. */
    public static StringBuilder appendIdent(StringBuilder sb, String name) {
        return current().appendIdent(sb, name);
    }

    /** {@code schema.name}, each quoted by {@link #ident(String)}; the schema must not be empty. */
    public static String qualified(String schema, String name) {
        return current().qualified(schema, name);
    }

    /** True iff {@link #ident(String)} leaves {@code name} bare (no quotes needed) outside a quote-all scope. */
    public static boolean isSimpleIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char first = name.charAt(0);
        if (!((first >= 'a' && first <= 'z') || first == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) {
                return false;
            }
        }
        return !Keywords.needsQuoting(name);
    }

    /**
     * A string literal for a session with {@code standard_conforming_strings = on} (every server pg_dump 18
     * supports defaults to it, and restores set it): {@code '...'} with each {@code '} doubled.
     */
    public static String literal(String value) {
        return literal(value, true);
    }

    /**
     * A string literal. With {@code standardConformingStrings}, {@code '...'} doubling {@code '}, as pg_dump's
     * {@code appendStringLiteral}. Without it, a value containing a backslash becomes {@code E'...'} with
     * {@code '} and {@code \} doubled (as {@code appendStringLiteralConn}; the {@code E} makes the literal mean the
     * same whatever the setting), and other values stay {@code '...'}.
     *
     * @throws IllegalArgumentException if {@code value} holds {@code NUL} or is not well-formed UTF-16
     */
    public static String literal(String value, boolean standardConformingStrings) {
        return appendLiteral(new StringBuilder(value.length() + 3), value, standardConformingStrings).toString();
    }

    /** Appends {@link #literal(String, boolean)} to {@code sb}; returns {@code sb}. */
    public static StringBuilder appendLiteral(StringBuilder sb, String value, boolean standardConformingStrings) {
        checkText(value, "string literal");
        boolean escapeBackslash = !standardConformingStrings && value.indexOf('\\') >= 0;
        if (escapeBackslash) {
            sb.append('E');
        }
        sb.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\'' || (escapeBackslash && ch == '\\')) {
                sb.append(ch);
            }
            sb.append(ch);
        }
        return sb.append('\'');
    }

    /**
     * A dollar-quoted literal, as pg_dump's {@code appendStringLiteralDQ(buf, body, NULL)}: the tag is {@code $$}
     * unless the body contains {@code $}; then {@code $_$}, {@code $_X$}, {@code $_XX$}, ... (the first
     * {@code $tag} not found in the body, checked without the closing {@code $} so a body ending in {@code $_}
     * cannot merge with the closing tag).
     *
     * @throws IllegalArgumentException if {@code body} holds {@code NUL} or is not well-formed UTF-16
     */
    public static String dollarQuote(String body) {
        return dollarQuote(body, null);
    }

    /**
     * {@link #dollarQuote(String)} with a tag that starts with {@code tagPrefix} ({@code $prefix$},
     * {@code $prefix_$}, ...), as {@code appendStringLiteralDQ} with a {@code dqprefix}.
     *
     * @param tagPrefix null, or {@code [A-Za-z_][A-Za-z0-9_]*}
     */
    public static String dollarQuote(String body, @Nullable String tagPrefix) {
        return appendDollarQuoted(new StringBuilder(body.length() + 8), body, tagPrefix).toString();
    }

    /** Appends {@link #dollarQuote(String, String)} to {@code sb}; returns {@code sb}. */
    public static StringBuilder appendDollarQuoted(StringBuilder sb, String body, @Nullable String tagPrefix) {
        checkText(body, "dollar-quoted string");
        StringBuilder delim = new StringBuilder("$");
        if (tagPrefix != null) {
            checkTagPrefix(tagPrefix);
            delim.append(tagPrefix);
        }
        // pg_dump cycles through "_XXXXXXX": $, $_, $_X, ..., $_XXXXXXX, $_XXXXXXX_, $_XXXXXXX_X, ...
        final String suffixes = "_XXXXXXX";
        int next = 0;
        while (body.contains(delim)) {
            delim.append(suffixes.charAt(next));
            next = (next + 1) % suffixes.length();
        }
        delim.append('$');
        return sb.append(delim).append(body).append(delim);
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code s} can be sent to the server unchanged: no
     * {@code NUL}, and well-formed UTF-16 (every surrogate paired).
     *
     * @param what names the value in the message, e.g. {@code "identifier"}
     */
    public static void checkText(String s, String what) {
        Objects.requireNonNull(s, what);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch == 0) {
                throw new IllegalArgumentException(what + " contains a NUL character at index " + i);
            }
            if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException(String.format(
                            "%s is not valid UTF-16: unpaired surrogate U+%04X at index %d", what, (int) ch, i));
                }
            }
        }
    }

    private static void checkTagPrefix(String prefix) {
        boolean ok = !prefix.isEmpty();
        for (int i = 0; ok && i < prefix.length(); i++) {
            char ch = prefix.charAt(i);
            ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || (i > 0 && ch >= '0' && ch <= '9');
        }
        if (!ok) {
            throw new IllegalArgumentException("invalid dollar-quote tag prefix \"" + prefix + "\"");
        }
    }
}
