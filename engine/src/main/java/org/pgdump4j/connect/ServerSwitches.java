package org.pgdump4j.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's own command-line switches as they set a configuration parameter: libpq's {@code options}
 * ({@code PGOPTIONS}) and the server's command line ({@code postmaster.opts}) read the way {@code postgres.c}'s getopt
 * reads them, for the settings a libpq session gets from there and PgJDBC would not carry over (its time zone,
 * {@link SessionZone}; its client encoding, {@link PgConnector#clientEncoding}).
 */
final class ServerSwitches {
    /** getopt letters of the server's switches that take an argument ({@code postgres.c}); 'c' sets a GUC. */
    private static final String WITH_ARGUMENT = "BCcDdfhkNprStvW";

    private ServerSwitches() {
    }

    /**
     * The value the last {@code -c name=...} or {@code --name=...} in an {@code options} string sets, split as the
     * server splits it: at blanks, a backslash keeping the next character.
     */
    static Optional<String> inOptions(String options, String name) {
        return last(split(options), name);
    }

    /** The value the server's getopt over {@code args} leaves {@code name} with (GUC names: any case, '-' is '_'). */
    static Optional<String> last(List<String> args, String name) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String setting = null;
            if (arg.startsWith("--")) {
                setting = arg.substring(2);
            } else if (arg.startsWith("-")) {
                for (int k = 1; k < arg.length(); k++) {
                    char letter = arg.charAt(k);
                    if (WITH_ARGUMENT.indexOf(letter) < 0) {
                        continue;
                    }
                    String v = k + 1 < arg.length() ? arg.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : "";
                    setting = letter == 'c' ? v : null;
                    break;
                }
            }
            int eq = setting == null ? -1 : setting.indexOf('=');
            if (eq > 0 && setting.substring(0, eq).replace('-', '_').toLowerCase(Locale.ROOT).equals(name)) {
                value = setting.substring(eq + 1);
            }
        }
        return Optional.ofNullable(value);
    }

    private static List<String> split(String options) {
        List<String> args = new ArrayList<>();
        StringBuilder arg = new StringBuilder();
        boolean inArg = false;
        for (int i = 0; i < options.length(); i++) {
            char ch = options.charAt(i);
            if (Character.isWhitespace(ch)) {
                if (inArg) {
                    args.add(arg.toString());
                    arg.setLength(0);
                    inArg = false;
                }
                continue;
            }
            inArg = true;
            if (ch == '\\' && i + 1 < options.length()) {
                ch = options.charAt(++i);
            }
            arg.append(ch);
        }
        if (inArg) {
            args.add(arg.toString());
        }
        return args;
    }
}
