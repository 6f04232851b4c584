package org.pgdump4j.connect;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pgdump4j.ConnectionException;

/**
 * libpq connection strings: the {@code key=value ...} form and the {@code postgresql://} URI form, parsed exactly as
 * {@code conninfo_parse} and {@code conninfo_uri_parse_options} in libpq's {@code fe-connect.c} do, with libpq's error
 * messages; and quoting of values as {@code appendConnStrVal} in {@code fe_utils/string_utils.c} does.
 *
 * <p>{@link #parse} returns only the keywords the string sets (libpq's {@code PQconninfoParse}): no service file,
 * environment or defaults. A keyword set to {@code ''} is present with an empty value, which differs from absent: it
 * overrides lower-precedence sources and then means "the default".
 */
public final class ConnString {
    private static final String URI_DESIGNATOR = "postgresql://";
    private static final String SHORT_URI_DESIGNATOR = "postgres://";

    private ConnString() {
    }

    /**
     * True when libpq would treat {@code value} given as a database name as a connection string
     * ({@code recognized_connection_string}): it starts with a URI designator or contains {@code '='}.
     */
    public static boolean isConnectionString(String value) {
        return uriPrefixLength(value) != 0 || value.indexOf('=') >= 0;
    }

    /**
     * Parses a conninfo string or URI into the keywords it sets, in order of appearance (a repeated keyword keeps its
     * first position and its last value).
     *
     * @throws ConnectionException with libpq's message, e.g. {@code invalid connection option "x"} or
     *     {@code missing "=" after "x" in connection info string}
     */
    public static Map<String, String> parse(String connstr) {
        Map<String, String> options = uriPrefixLength(connstr) != 0 ? parseUri(connstr) : parseKeywordValue(connstr);
        return Collections.unmodifiableMap(options);
    }

    /** {@code value} quoted for a conninfo string when needed (libpq's {@code appendConnStrVal}). */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2);
        appendQuoted(sb, value);
        return sb.toString();
    }

    /**
     * Appends {@code value} to {@code sb}, bare if it is one or more of {@code [A-Za-z0-9_.]}, otherwise in single
     * quotes with {@code '} and {@code \} escaped by a backslash.
     */
    public static void appendQuoted(StringBuilder sb, String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
        }
        if (plain) {
            sb.append(value);
            return;
        }
        sb.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('\'');
    }

    private static int uriPrefixLength(String connstr) {
        if (connstr.startsWith(URI_DESIGNATOR)) {
            return URI_DESIGNATOR.length();
        }
        if (connstr.startsWith(SHORT_URI_DESIGNATOR)) {
            return SHORT_URI_DESIGNATOR.length();
        }
        return 0;
    }

    /** C's isspace() in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static Map<String, String> parseKeywordValue(String s) {
        Map<String, String> options = new LinkedHashMap<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (isSpace(s.charAt(i))) {
                i++;
                continue;
            }
            int nameStart = i;
            int nameEnd = -1;
            while (i < n) {
                char c = s.charAt(i);
                if (c == '=') {
                    break;
                }
                if (isSpace(c)) {
                    nameEnd = i;
                    while (i < n && isSpace(s.charAt(i))) {
                        i++;
                    }
                    break;
                }
                i++;
            }
            String name = s.substring(nameStart, nameEnd >= 0 ? nameEnd : i);
            if (i >= n || s.charAt(i) != '=') {
                throw new ConnectionException("missing \"=\" after \"" + name + "\" in connection info string");
            }
            i++;
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new ConnectionException("unterminated quoted string in connection info string");
                    }
                    char c = s.charAt(i);
                    if (c == '\\') {
                        i++;
                        if (i < n) {
                            value.append(s.charAt(i++));
                        }
                        continue;
                    }
                    if (c == '\'') {
                        i++;
                        break;
                    }
                    value.append(c);
                    i++;
                }
            } else {
                while (i < n) {
                    char c = s.charAt(i);
                    if (isSpace(c)) {
                        i++;
                        break;
                    }
                    if (c == '\\') {
                        i++;
                        if (i < n) {
                            value.append(s.charAt(i++));
                        }
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            }
            store(options, name, value.toString(), false);
        }
        return options;
    }

    /**
     * libpq's {@code conninfo_storeval}: translates the obsolete {@code requiressl}, rejects unknown keywords
     * (or reports them with false when {@code ignoreMissing}).
     */
    private static boolean store(Map<String, String> options, String keyword, String value, boolean ignoreMissing) {
        String key = keyword;
        String val = value;
        if (key.equals("requiressl")) {
            key = ConnOption.SSLMODE.keyword();
            val = value.startsWith("1") ? "require" : "prefer";
        }
        if (ConnOption.forKeyword(key).isEmpty()) {
            if (ignoreMissing) {
                return false;
            }
            throw new ConnectionException("invalid connection option \"" + key + "\"");
        }
        options.put(key, val);
        return true;
    }

    private static Map<String, String> parseUri(String uri) {
        Map<String, String> options = new LinkedHashMap<>();
        int n = uri.length();
        int start = uriPrefixLength(uri);
        int p = start;
        while (p < n && uri.charAt(p) != '@' && uri.charAt(p) != '/') {
            p++;
        }
        if (p < n && uri.charAt(p) == '@') {
            p = start;
            while (uri.charAt(p) != ':' && uri.charAt(p) != '@') {
                p++;
            }
            String user = uri.substring(start, p);
            if (!user.isEmpty()) {
                options.put(ConnOption.USER.keyword(), decode(user));
            }
            if (uri.charAt(p) == ':') {
                int passwordStart = p + 1;
                while (uri.charAt(p) != '@') {
                    p++;
                }
                String password = uri.substring(passwordStart, p);
                if (!password.isEmpty()) {
                    options.put(ConnOption.PASSWORD.keyword(), decode(password));
                }
            }
            p++;
        } else {
            p = start;
        }

        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        char prevchar;
        while (true) {
            String host;
            if (p < n && uri.charAt(p) == '[') {
                int hostStart = ++p;
                while (p < n && uri.charAt(p) != ']') {
                    p++;
                }
                if (p >= n) {
                    throw new ConnectionException("end of string reached when looking for matching \"]\" in IPv6 host"
                            + " address in URI: \"" + uri + "\"");
                }
                if (p == hostStart) {
                    throw new ConnectionException("IPv6 host address may not be empty in URI: \"" + uri + "\"");
                }
                host = uri.substring(hostStart, p);
                p++;
                if (p < n && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    throw new ConnectionException("unexpected character \"" + uri.charAt(p) + "\" at position "
                            + (p + 1) + " in URI (expected \":\" or \"/\"): \"" + uri + "\"");
                }
            } else {
                int hostStart = p;
                while (p < n && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                host = uri.substring(hostStart, p);
            }
            prevchar = p < n ? uri.charAt(p) : '\0';
            hosts.append(host);
            if (prevchar == ':') {
                int portStart = ++p;
                while (p < n && "/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                ports.append(uri, portStart, p);
                prevchar = p < n ? uri.charAt(p) : '\0';
            }
            if (prevchar != ',') {
                break;
            }
            p++;
            hosts.append(',');
            ports.append(',');
        }
        if (hosts.length() > 0) {
            options.put(ConnOption.HOST.keyword(), decode(hosts.toString()));
        }
        if (ports.length() > 0) {
            options.put(ConnOption.PORT.keyword(), decode(ports.toString()));
        }
        if (prevchar != '\0' && prevchar != '?') {
            int dbStart = ++p;
            while (p < n && uri.charAt(p) != '?') {
                p++;
            }
            String dbname = uri.substring(dbStart, p);
            prevchar = p < n ? '?' : '\0';
            if (!dbname.isEmpty()) {
                options.put(ConnOption.DBNAME.keyword(), decode(dbname));
            }
        }
        if (prevchar != '\0') {
            parseUriParams(uri.substring(p + 1), options);
        }
        return options;
    }

    private static void parseUriParams(String params, Map<String, String> options) {
        int n = params.length();
        int p = 0;
        while (p < n) {
            int keywordStart = p;
            int valueStart = -1;
            int keywordEnd = -1;
            while (true) {
                char c = p < n ? params.charAt(p) : '\0';
                if (c == '=') {
                    if (valueStart >= 0) {
                        throw new ConnectionException("extra key/value separator \"=\" in URI query parameter: \""
                                + params.substring(keywordStart, keywordEnd) + "\"");
                    }
                    keywordEnd = p;
                    valueStart = ++p;
                } else if (c == '&' || c == '\0') {
                    if (valueStart < 0) {
                        throw new ConnectionException("missing key/value separator \"=\" in URI query parameter: \""
                                + params.substring(keywordStart, p) + "\"");
                    }
                    break;
                } else {
                    p++;
                }
            }
            String keyword = decode(params.substring(keywordStart, keywordEnd));
            String value = decode(params.substring(valueStart, p));
            if (p < n) {
                p++;
            }
            if (keyword.equals("ssl") && value.equals("true")) {
                keyword = ConnOption.SSLMODE.keyword();
                value = "require";
            }
            if (!store(options, keyword, value, true)) {
                throw new ConnectionException("invalid URI query parameter: \"" + keyword + "\"");
            }
        }
    }

    /** libpq's {@code conninfo_uri_decode}: %XX escapes (bytes, read as UTF-8), %00 forbidden. */
    private static String decode(String str) {
        if (str.indexOf('%') < 0) {
            return str;
        }
        byte[] in = str.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int o = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '%') {
                out[o++] = in[i];
                continue;
            }
            int hi = i + 1 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
            if (hi < 0 || lo < 0 || !isAsciiHex(in[i + 1]) || !isAsciiHex(in[i + 2])) {
                throw new ConnectionException("invalid percent-encoded token: \"" + str + "\"");
            }
            int c = (hi << 4) | lo;
            if (c == 0) {
                throw new ConnectionException("forbidden value %00 in percent-encoded value: \"" + str + "\"");
            }
            out[o++] = (byte) c;
            i += 2;
        }
        return new String(out, 0, o, StandardCharsets.UTF_8);
    }

    private static boolean isAsciiHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
