package org.pgdump4j.format.plain.script;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL client encoding names (as in {@code SET client_encoding}, with PostgreSQL's aliases and its leniency:
 * case and punctuation are ignored) and the Java charsets that decode a script written in them.
 *
 * <p>{@code SQL_ASCII} maps to UTF-8: over JDBC the session's client encoding is always UTF8, so the script's bytes
 * cannot be passed through unconverted as psql would; bytes that are not valid UTF-8 are an error.
 * Encodings the JDK lacks (MULE_INTERNAL, EUC_JIS_2004, SHIFT_JIS_2004, and LATIN6/8/10 on some JDKs) are unsupported.
 */
final class ClientEncodings {
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"),
            Map.entry("unicode", "UTF-8"),
            Map.entry("sqlascii", "UTF-8"),
            Map.entry("latin1", "ISO-8859-1"),
            Map.entry("iso88591", "ISO-8859-1"),
            Map.entry("latin2", "ISO-8859-2"),
            Map.entry("iso88592", "ISO-8859-2"),
            Map.entry("latin3", "ISO-8859-3"),
            Map.entry("iso88593", "ISO-8859-3"),
            Map.entry("latin4", "ISO-8859-4"),
            Map.entry("iso88594", "ISO-8859-4"),
            Map.entry("latin5", "ISO-8859-9"),
            Map.entry("iso88599", "ISO-8859-9"),
            Map.entry("latin6", "ISO-8859-10"),
            Map.entry("iso885910", "ISO-8859-10"),
            Map.entry("latin7", "ISO-8859-13"),
            Map.entry("iso885913", "ISO-8859-13"),
            Map.entry("latin8", "ISO-8859-14"),
            Map.entry("iso885914", "ISO-8859-14"),
            Map.entry("latin9", "ISO-8859-15"),
            Map.entry("iso885915", "ISO-8859-15"),
            Map.entry("latin10", "ISO-8859-16"),
            Map.entry("iso885916", "ISO-8859-16"),
            Map.entry("iso88595", "ISO-8859-5"),
            Map.entry("iso88596", "ISO-8859-6"),
            Map.entry("iso88597", "ISO-8859-7"),
            Map.entry("iso88598", "ISO-8859-8"),
            Map.entry("win1250", "windows-1250"),
            Map.entry("win1251", "windows-1251"),
            Map.entry("win", "windows-1251"),
            Map.entry("win1252", "windows-1252"),
            Map.entry("win1253", "windows-1253"),
            Map.entry("win1254", "windows-1254"),
            Map.entry("win1255", "windows-1255"),
            Map.entry("win1256", "windows-1256"),
            Map.entry("win1257", "windows-1257"),
            Map.entry("win1258", "windows-1258"),
            Map.entry("abc", "windows-1258"),
            Map.entry("tcvn", "windows-1258"),
            Map.entry("tcvn5712", "windows-1258"),
            Map.entry("vscii", "windows-1258"),
            Map.entry("win866", "IBM866"),
            Map.entry("alt", "IBM866"),
            Map.entry("win874", "x-windows-874"),
            Map.entry("koi8", "KOI8-R"),
            Map.entry("koi8r", "KOI8-R"),
            Map.entry("koi8u", "KOI8-U"),
            Map.entry("eucjp", "EUC-JP"),
            Map.entry("euccn", "GB2312"),
            Map.entry("euckr", "EUC-KR"),
            Map.entry("euctw", "x-EUC-TW"),
            Map.entry("sjis", "windows-31j"),
            Map.entry("shiftjis", "windows-31j"),
            Map.entry("mskanji", "windows-31j"),
            Map.entry("big5", "Big5"),
            Map.entry("gbk", "GBK"),
            Map.entry("uhc", "x-windows-949"),
            Map.entry("gb18030", "GB18030"),
            Map.entry("johab", "x-Johab"));

    private static final Pattern SET_CLIENT_ENCODING = Pattern.compile(
            "\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?(?:client_encoding(?:\\s*=\\s*|\\s+TO\\s+)|NAMES\\s+)(.*?)\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RESET_CLIENT_ENCODING = Pattern.compile(
            "\\s*RESET\\s+client_encoding\\s*", Pattern.CASE_INSENSITIVE);

    private ClientEncodings() {
    }

    /**
     * The encoding a {@code SET client_encoding = ...}, {@code SET NAMES ...} or {@code RESET client_encoding}
     * statement asks for, as written ({@code DEFAULT} for a reset); empty for any other statement.
     */
    static Optional<String> requestedBy(String sql) {
        if (sql.length() > 200) {
            return Optional.empty();
        }
        Matcher set = SET_CLIENT_ENCODING.matcher(sql);
        if (set.matches()) {
            String value = set.group(1);
            if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            return Optional.of(value);
        }
        if (RESET_CLIENT_ENCODING.matcher(sql).matches()) {
            return Optional.of("DEFAULT");
        }
        return Optional.empty();
    }

    /** The charset for a PostgreSQL encoding name; {@code DEFAULT} is UTF-8 (the session's encoding over JDBC). */
    static Optional<Charset> charset(String postgresName) {
        String key = postgresName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (key.equals("default")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (key.startsWith("windows") && JAVA_NAMES.containsKey("win" + key.substring("windows".length()))) {
            key = "win" + key.substring("windows".length());
        }
        String javaName = JAVA_NAMES.get(key);
        if (javaName == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(javaName));
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            return Optional.empty();
        }
    }
}
