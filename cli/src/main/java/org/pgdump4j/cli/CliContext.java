package org.pgdump4j.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.pgdump4j.connect.LibpqHome;
import org.pgdump4j.connect.PasswordPrompt;
import org.pgdump4j.toc.Timestamps;

/**
 * What the commands take from the process, passed in so tests can supply their own: the environment
 * ({@code PGDATABASE}, {@code PGHOST}..., {@code PGDUMP4J_DEBUG}), the home folder ({@code ~/.pgpass},
 * {@code ~/.pg_service.conf}), standard input (pg_restore without a file name), standard output as bytes
 * (pg_restore's {@code -f -} and {@code -l} write the archive's bytes unchanged) and the password prompt.
 */
record CliContext(Map<String, String> env, Path home, InputStream stdin, OutputStream stdout,
                  PasswordPrompt passwordPrompt) {
    /** Environment variable that turns on stack traces for every error. */
    static final String DEBUG_ENV = "PGDUMP4J_DEBUG";

    CliContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(passwordPrompt, "passwordPrompt");
    }

    /**
     * The real process: {@link System#getenv()}, libpq's home directory ({@code $HOME}, else {@code user.home}),
     * {@link System#in}, {@link System#out}, the console.
     */
    static CliContext system() {
        Map<String, String> env = System.getenv();
        return new CliContext(env, LibpqHome.of(env), System.in, System.out, PasswordPrompt.console());
    }

    /** True when {@code PGDUMP4J_DEBUG=1}. */
    boolean debugEnv() {
        return "1".equals(env.get(DEBUG_ENV));
    }

    /**
     * The zone pg_restore prints times in ({@code Archive created at}, {@code Started on}): {@code TZ} as the C
     * library reads it ({@link Timestamps#ofTz}: names, files, empty for UTC; a rule such as "JST-9" is not read and
     * gives UTC), else the local zone.
     */
    ZoneId zone() {
        String tz = env.get("TZ");
        if (tz == null) {
            return Timestamps.localZone();
        }
        ZoneId zone = Timestamps.ofTz(tz);
        return zone != null ? zone : ZoneOffset.UTC;
    }
}
