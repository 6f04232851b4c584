package org.pgdump4j.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The password file ({@code ~/.pgpass}, or {@code PGPASSFILE} / the {@code passfile} keyword), read as libpq's
 * {@code passwordFromFile} does.
 *
 * <ul>
 *   <li>Each line is {@code hostname:port:database:username:password}; a field that is exactly {@code *} matches
 *       anything; {@code \:} and {@code \\} (any backslash-escaped character) stand for themselves.
 *   <li>Lines starting with {@code #} and empty lines are skipped; the first matching line wins.
 *   <li>Host {@code localhost} matches a connection with no host, or to a Unix socket in the default socket directory
 *       (exact string comparison, as libpq's {@code strcmp(hostname, DEFAULT_PGSOCKET_DIR)}). For {@code hostaddr}-only
 *       connections the address is the host.
 *   <li>A missing file gives no password. A file that is not a regular file, or that grants any group or world
 *       permission, is ignored with libpq's warning (returned in {@link Lookup#warnings()}, not printed).
 * </ul>
 * Comparisons are byte-exact, as in libpq (the file and the keys are compared as UTF-8 bytes).
 */
public final class PgPass {
    private static final Set<PosixFilePermission> GROUP_OR_WORLD = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PgPass() {
    }

    /**
     * The result of a lookup: the password of the first matching line (null when none matched or the file was
     * ignored), and libpq's warnings. {@link #toString()} never shows the password.
     */
    public record Lookup(@Nullable String password, List<String> warnings) {
        public Lookup {
            warnings = List.copyOf(warnings);
        }

        @Override
        public String toString() {
            return "Lookup[password=" + (password == null ? "<none>" : "<hidden>") + ", warnings=" + warnings + "]";
        }
    }

    /**
     * Looks up a password as libpq does for one host of a connection.
     *
     * @param host the host as libpq's {@code pwhost}: the {@code host} entry (name or socket directory), or the
     *     {@code hostaddr} entry when the host is empty; {@code ""} or the default socket directory match
     *     {@code localhost}
     * @param port the port as given ({@code ""} means 5432)
     */
    public static Lookup lookup(Path passfile, String host, String port, String dbname, String user) {
        return lookupMatched(passfile, matchHost(host, ConnDefaults.system().socketDir()), port, dbname, user);
    }

    /** The host name a password file line must carry for {@code host}: libpq's localhost substitution. */
    static String matchHost(String host, String defaultSocketDir) {
        if (host.isEmpty()) {
            return "localhost";
        }
        if (ConnInfo.isUnixSocketPath(host) && host.equals(defaultSocketDir)) {
            return "localhost";
        }
        return host;
    }

    /** Looks up with {@code matchHost} already applied to the host. */
    static Lookup lookupMatched(Path passfile, String matchHost, String port, String dbname, String user) {
        if (dbname.isEmpty() || user.isEmpty()) {
            return new Lookup(null, List.of());
        }
        String portKey = port.isEmpty() ? ConnInfo.DEFAULT_PORT : port;
        byte[] content;
        try {
            PosixFileAttributes attrs = posixAttributes(passfile);
            if (attrs != null) {
                if (!attrs.isRegularFile()) {
                    return new Lookup(null, List.of(
                            "WARNING: password file \"" + passfile + "\" is not a plain file"));
                }
                if (attrs.permissions().stream().anyMatch(GROUP_OR_WORLD::contains)) {
                    return new Lookup(null, List.of("WARNING: password file \"" + passfile
                            + "\" has group or world access; permissions should be u=rw (0600) or less"));
                }
            } else if (!Files.exists(passfile)) {
                return new Lookup(null, List.of());
            }
            content = Files.readAllBytes(passfile);
        } catch (IOException e) {
            // libpq: "If password file cannot be opened, ignore it."
            return new Lookup(null, List.of());
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String[] keys = {bytes(matchHost), bytes(portKey), bytes(dbname), bytes(user)};
        for (String rawLine : text.split("\n", -1)) {
            String line = stripCrLf(rawLine);
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int pos = 0;
            for (String key : keys) {
                pos = matchField(line, pos, key);
                if (pos < 0) {
                    break;
                }
            }
            if (pos >= 0) {
                return new Lookup(unescapePassword(line, pos), List.of());
            }
        }
        return new Lookup(null, List.of());
    }

    /** The file's POSIX attributes, or null on a file system without them (no permission check there). */
    private static @Nullable PosixFileAttributes posixAttributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * libpq's {@code pwdfMatchesString}: the index after the field's terminating {@code ':'} when the field starting
     * at {@code pos} matches {@code token}, else -1.
     */
    private static int matchField(String line, int pos, String token) {
        int n = line.length();
        if (pos + 1 < n && line.charAt(pos) == '*' && line.charAt(pos + 1) == ':') {
            return pos + 2;
        }
        int t = 0;
        int i = pos;
        boolean bslash = false;
        while (i < n) {
            if (line.charAt(i) == '\\' && !bslash) {
                i++;
                bslash = true;
                if (i >= n) {
                    return -1;
                }
            }
            char c = line.charAt(i);
            if (c == ':' && t == token.length() && !bslash) {
                return i + 1;
            }
            bslash = false;
            if (t == token.length() || c != token.charAt(t)) {
                return -1;
            }
            i++;
            t++;
        }
        return -1;
    }

    /** The password field: up to the first unescaped {@code ':'} or the end, backslash escapes removed. */
    private static String unescapePassword(String line, int pos) {
        StringBuilder sb = new StringBuilder();
        for (int i = pos; i < line.length() && line.charAt(i) != ':'; i++) {
            if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                i++;
            }
            sb.append(line.charAt(i));
        }
        return new String(sb.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static String stripCrLf(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code s} as its UTF-8 bytes, one char per byte, to compare with the file read as ISO-8859-1. */
    private static String bytes(String s) {
        return new String(Objects.requireNonNull(s).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
