package org.pgdump4j.connect;

import java.nio.file.Path;
import java.util.Map;

/**
 * The home directory libpq reads {@code ~/.pgpass}, {@code ~/.pg_service.conf} and {@code ~/.postgresql/} from, as its
 * {@code pqGetHomeDirectory}: {@code $HOME} when set and not empty, else the password database's home. Java's
 * {@code user.home} is the latter, so it alone misses a {@code HOME} that a script or a container points elsewhere.
 */
public final class LibpqHome {
    private LibpqHome() {
    }

    /** The home for a process environment, falling back to {@code user.home}. */
    public static Path of(Map<String, String> env) {
        return of(env, System.getProperty("user.home", "/"));
    }

    static Path of(Map<String, String> env, String passwdHome) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : passwdHome);
    }
}
