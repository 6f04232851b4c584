package org.pgdump4j.dump;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;

/** PostgreSQL encoding names → Java charsets, in one place. */
public final class Encodings {
    private static final Map<String, String> JAVA = Map.ofEntries(
            Map.entry("UTF8", "UTF-8"), Map.entry("SQL_ASCII", "ISO-8859-1"), Map.entry("LATIN1", "ISO-8859-1"),
            Map.entry("LATIN2", "ISO-8859-2"), Map.entry("LATIN4", "ISO-8859-4"), Map.entry("LATIN5", "ISO-8859-9"),
            Map.entry("LATIN7", "ISO-8859-13"), Map.entry("LATIN9", "ISO-8859-15"), Map.entry("WIN1250", "windows-1250"),
            Map.entry("WIN1251", "windows-1251"), Map.entry("WIN1252", "windows-1252"),
            Map.entry("WIN1253", "windows-1253"), Map.entry("WIN1254", "windows-1254"),
            Map.entry("WIN1257", "windows-1257"), Map.entry("KOI8R", "KOI8-R"), Map.entry("KOI8U", "KOI8-U"),
            Map.entry("EUC_JP", "EUC-JP"), Map.entry("EUC_KR", "EUC-KR"), Map.entry("SJIS", "Shift_JIS"),
            Map.entry("GBK", "GBK"), Map.entry("BIG5", "Big5"), Map.entry("ISO_8859_5", "ISO-8859-5"),
            Map.entry("ISO_8859_7", "ISO-8859-7"), Map.entry("ISO_8859_8", "ISO-8859-8"));

    private Encodings() {
    }

    public static Charset charset(String pgEncoding) {
        String java = JAVA.get(pgEncoding);
        if (java == null || !Charset.isSupported(java)) {
            throw new UsageException("client encoding \"" + pgEncoding + "\" is not supported yet");
        }
        return Charset.forName(java);
    }

    /**
     * The encoding a dump is asked to write in: {@code -E}, else libpq's {@code client_encoding} of the connection
     * ("auto": the locale's, as libpq derives it from the locale's codeset: UTF8, LATIN1..., SQL_ASCII for C or
     * POSIX; a codeset we do not know leaves it to the server's encoding), else null for the server's encoding.
     */
    public static @Nullable String requested(@Nullable String dashE, @Nullable String clientEncoding) {
        return requested(dashE, clientEncoding, System::getenv);
    }

    static @Nullable String requested(@Nullable String dashE, @Nullable String clientEncoding,
            Function<String, @Nullable String> env) {
        if (dashE != null) {
            return dashE;
        }
        if (clientEncoding == null || !clientEncoding.equalsIgnoreCase("auto")) {
            return clientEncoding;
        }
        String locale = firstSet(env, "LC_ALL", "LC_CTYPE", "LANG");
        if (locale == null || locale.equals("C") || locale.equals("POSIX")) {
            return "SQL_ASCII";
        }
        int dot = locale.indexOf('.');
        String codeset = dot < 0 ? "" : locale.substring(dot + 1).replaceAll("@.*", "").toLowerCase(Locale.ROOT)
                .replace("-", "").replace("_", "");
        return LOCALE_CODESETS.get(codeset);
    }

    /** chklocale.c's table, the common part: a locale's codeset (lower case, no '-' or '_') → its encoding. */
    private static final Map<String, String> LOCALE_CODESETS = Map.ofEntries(Map.entry("utf8", "UTF8"),
            Map.entry("iso88591", "LATIN1"), Map.entry("iso88592", "LATIN2"), Map.entry("iso88599", "LATIN5"),
            Map.entry("iso885915", "LATIN9"), Map.entry("iso88595", "ISO_8859_5"), Map.entry("iso88597", "ISO_8859_7"),
            Map.entry("iso88598", "ISO_8859_8"), Map.entry("koi8r", "KOI8R"), Map.entry("koi8u", "KOI8U"),
            Map.entry("eucjp", "EUC_JP"), Map.entry("euckr", "EUC_KR"), Map.entry("sjis", "SJIS"),
            Map.entry("shiftjis", "SJIS"), Map.entry("gbk", "GBK"), Map.entry("big5", "BIG5"),
            Map.entry("cp1251", "WIN1251"), Map.entry("cp1252", "WIN1252"), Map.entry("ansix3.41968", "SQL_ASCII"));

    private static @Nullable String firstSet(Function<String, @Nullable String> env, String... names) {
        for (String name : names) {
            String v = env.apply(name);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /** pg_dump's (and pg_dumpall's) check of -E: a name the server knows, spelled as the server spells it. */
    public static String canonical(Connection conn, String name) throws SQLException {
        try (var ps = conn.prepareStatement("SELECT pg_catalog.pg_encoding_to_char(pg_catalog.pg_char_to_encoding(?)),"
                + " pg_catalog.pg_char_to_encoding(?)")) {
            ps.setString(1, name);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(2) < 0) {
                    throw new UsageException("invalid client encoding \"" + name + "\" specified");
                }
                return rs.getString(1);
            }
        }
    }
}
