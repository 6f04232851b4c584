package org.pgdump4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.pgdump4j.embedded.EmbeddedPostgres;
import org.pgdump4j.embedded.EmbeddedPostgresException;

/**
 * The real servers of one test JVM: one {@link EmbeddedPostgres} per major version, started on first use and stopped
 * at JVM exit (by its shutdown hook). Thread-safe; two majors may start at the same time.
 *
 * <p>Matrix tests iterate {@link #matrixMajors()} (system property {@code pg.versions}, e.g. {@code -Dpg.versions=12,18};
 * surefire passes it) and take a database per major from {@link #freshDb(int)}:
 *
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
 * void dumpsTables(int major) throws Exception {
 *     try (TestDb db = PgServers.freshDb(major)) { ... }
 * }
 * }</pre>
 *
 * Other tests use {@link PgExtension} and get a {@link TestDb} of {@link #DEFAULT_MAJOR} as a parameter.
 */
public final class PgServers {
    /** The major used when a test does not ask for one. */
    public static final int DEFAULT_MAJOR = 18;

    private static final Map<Integer, Slot> SERVERS = new ConcurrentHashMap<>();
    private static final AtomicInteger DB_SEQUENCE = new AtomicInteger();

    private PgServers() {
    }

    /** The server of {@link #DEFAULT_MAJOR}. */
    public static EmbeddedPostgres get() {
        return get(DEFAULT_MAJOR);
    }

    /**
     * The server of {@code major}, started on first call. A failed start is remembered: later calls fail at once with
     * the same cause instead of waiting again.
     */
    public static EmbeddedPostgres get(int major) {
        if (Boolean.getBoolean("pgdump4j.unit")) {
            throw new IllegalStateException("a test started a PostgreSQL server in the -Dunit loop: name its class *IT");
        }
        return SERVERS.computeIfAbsent(major, Slot::new).get();
    }

    /** The majors of the version matrix, from system property {@code pg.versions} (default {@code "18"}). */
    public static List<Integer> matrixMajors() {
        return parseMajors(System.getProperty("pg.versions", Integer.toString(DEFAULT_MAJOR)));
    }

    /**
     * Every major pgdump4j reads (10..18), for the tests that must hold on each, such as the completeness guard's
     * against pg_dump 18; system property {@code pg.versions.all} narrows it for a local run.
     */
    public static List<Integer> everyMajor() {
        return parseMajors(System.getProperty("pg.versions.all", "10,11,12,13,14,15,16,17,18"));
    }

    static List<Integer> parseMajors(String spec) {
        List<Integer> majors = new ArrayList<>();
        for (String part : spec.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int major;
            try {
                major = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("pg.versions: \"" + part + "\" is not a major version (e.g. 12,18)");
            }
            if (!EmbeddedPostgres.supportedMajors().contains(major)) {
                throw new IllegalArgumentException("pg.versions: no embedded server for major " + major
                        + "; supported: " + EmbeddedPostgres.supportedMajors());
            }
            if (!majors.contains(major)) {
                majors.add(major);
            }
        }
        if (majors.isEmpty()) {
            throw new IllegalArgumentException("pg.versions is empty");
        }
        return List.copyOf(majors);
    }

    /** A new empty database on the server of {@code major}; close it to drop it. */
    public static TestDb freshDb(int major) {
        return freshDb(major, "db");
    }

    /**
     * A new empty database on the server of {@code major}, its name made of a sequence number and {@code label}
     * (e.g. the test's name, to find it in server logs). Close it to drop it.
     */
    public static TestDb freshDb(int major, String label) {
        EmbeddedPostgres server = get(major);
        String name = databaseName(DB_SEQUENCE.incrementAndGet(), label);
        server.createDatabase(name);
        return new TestDb(server, name);
    }

    /** {@code t<seq>_<label>}: lower case, letters, digits and underscores, at most 63 bytes. */
    static String databaseName(int seq, String label) {
        String clean = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        String name = "t" + seq + (clean.isEmpty() ? "" : "_" + clean);
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    /** One major's server: started once, under the slot's own lock so other majors are not blocked. */
    private static final class Slot {
        private final int major;
        private EmbeddedPostgres server;
        private RuntimeException failure;

        Slot(int major) {
            this.major = major;
        }

        synchronized EmbeddedPostgres get() {
            if (server != null && server.isRunning()) {
                return server;
            }
            if (failure != null) {
                throw new EmbeddedPostgresException("PostgreSQL " + major + " failed to start earlier in this JVM: "
                        + failure.getMessage(), failure);
            }
            try {
                server = EmbeddedPostgres.start(major);
                return server;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
    }
}
