package org.pgdump4j.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pgdump4j.ConnectionException;

/**
 * The connection service file ({@code pg_service.conf}), read as libpq's {@code parseServiceInfo} and
 * {@code parseServiceFile} do.
 *
 * <p>The service name is the {@code service} keyword, else {@code PGSERVICE}. The per-user file is the
 * {@code servicefile} keyword, else {@code PGSERVICEFILE} (both must exist), else {@code ~/.pg_service.conf} (only if it
 * exists); when the service is not defined there, the system file {@code $PGSYSCONFDIR/pg_service.conf} (default
 * directory: the build's sysconfdir) is read. A definition in the per-user file hides the system one entirely. Values
 * only fill keywords not already set (so explicit keywords beat the service, and the service beats the environment).
 * Lines are trimmed; {@code #} starts a comment line; {@code [name]} starts a section; inside the wanted section every
 * line must be {@code keyword=value} with a valid keyword and no blanks around {@code =}.
 */
final class ServiceFile {
    private ServiceFile() {
    }

    /**
     * Fills {@code options} (keyword to value; absent means unset) from the service named there or in the environment.
     *
     * @throws ConnectionException with libpq's message when the service is not defined or a file is malformed
     */
    static void apply(Map<String, String> options, Map<String, String> env, Path home, Path sysconfDir) {
        String service = options.get(ConnOption.SERVICE.keyword());
        if (service == null) {
            service = env.get("PGSERVICE");
        }
        if (service == null) {
            return;
        }
        String explicitFile = options.get(ConnOption.SERVICEFILE.keyword());
        if (explicitFile == null) {
            explicitFile = env.get("PGSERVICEFILE");
        }
        Path userFile = explicitFile != null ? Path.of(explicitFile) : home.resolve(".pg_service.conf");
        if (explicitFile != null || Files.exists(userFile)) {
            if (read(userFile, service, options)) {
                return;
            }
        }
        String sysconf = env.get("PGSYSCONFDIR");
        Path systemFile = (sysconf != null ? Path.of(sysconf) : sysconfDir).resolve("pg_service.conf");
        if (Files.exists(systemFile) && read(systemFile, service, options)) {
            return;
        }
        throw new ConnectionException("definition of service \"" + service + "\" not found");
    }

    /** Reads one file; true when it defines {@code service}. */
    private static boolean read(Path file, String service, Map<String, String> options) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectionException("service file \"" + file + "\" not found", e);
        }
        boolean found = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = strip(lines[i]);
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (line.charAt(0) == '[') {
                if (found) {
                    return true;
                }
                found = line.startsWith("[" + service + "]");
                continue;
            }
            if (!found) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw syntaxError(file, lineNo);
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (key.equals(ConnOption.SERVICE.keyword()) || key.equals(ConnOption.SERVICEFILE.keyword())) {
                throw new ConnectionException("nested \"" + key + "\" specifications not supported in service file \""
                        + file + "\", line " + lineNo);
            }
            if (ConnOption.forKeyword(key).isEmpty()) {
                throw syntaxError(file, lineNo);
            }
            options.putIfAbsent(key, value);
        }
        return found;
    }

    private static ConnectionException syntaxError(Path file, int lineNo) {
        return new ConnectionException("syntax error in service file \"" + file + "\", line " + lineNo);
    }

    /** Trims C isspace() characters at both ends, as libpq does. */
    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
