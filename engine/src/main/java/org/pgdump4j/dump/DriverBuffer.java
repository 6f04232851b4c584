package org.pgdump4j.dump;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.PGStream;
import org.postgresql.core.QueryExecutorBase;
import org.postgresql.core.VisibleBufferedInputStream;

/**
 * PgJDBC's private input buffer of a connection, which {@link CopyData} reads rows from in place. PgJDBC's internals
 * may change in any release, so the buffer is reached only
 * <ul>
 *   <li>on the driver versions this was tested on ({@link #TESTED_FROM} to {@link #TESTED_TO}: the build's and the
 *       newest 42.7.x, which CI runs the data-path tests on),</li>
 *   <li>when every field and method it needs is where expected (checked once, by reflection, before any row is
 *       read: a renamed class or method is a {@link LinkageError} caught here, not in the middle of a table),</li>
 *   <li>and when not switched off: {@code -Dpgdump4j.directCopy=false} or {@code PGDUMP4J_DIRECT_COPY=0}.</li>
 * </ul>
 * Otherwise rows go through PgJDBC's public {@code readFromCopy}: the same bytes, more CPU.
 */
final class DriverBuffer {
    /** The oldest and newest PgJDBC releases the in-place reading was tested on. */
    static final int[] TESTED_FROM = {42, 7, 8};
    static final int[] TESTED_TO = {42, 7, 14};

    static final String PROPERTY = "pgdump4j.directCopy";
    static final String ENV = "PGDUMP4J_DIRECT_COPY";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    private static final @Nullable Reach REACH = reach();

    private DriverBuffer() {
    }

    /** The fields, once found; null when in-place reading is off for this JVM. */
    private record Reach(Field stream, Field input) {
    }

    /** The buffer of {@code conn}, or null: rows then go through the public API. */
    static @Nullable VisibleBufferedInputStream of(Connection conn) {
        Reach reach = REACH;
        if (reach == null) {
            return null;
        }
        try {
            Object executor = conn.unwrap(BaseConnection.class).getQueryExecutor();
            return executor instanceof QueryExecutorBase
                    && reach.stream().get(executor) instanceof PGStream stream
                    && reach.input().get(stream) instanceof VisibleBufferedInputStream input ? input : null;
        } catch (SQLException | ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** True when this JVM reads rows in place (for tests and {@code -v} diagnostics). */
    static boolean active() {
        return REACH != null;
    }

    private static @Nullable Reach reach() {
        if (!enabled(System.getProperty(PROPERTY), System.getenv(ENV))) {
            return null;
        }
        try {
            if (!tested(Driver.getVersion())) {
                return null;
            }
            Field stream = QueryExecutorBase.class.getDeclaredField("pgStream");
            Field input = PGStream.class.getDeclaredField("pgInput");
            if (stream.getType() != PGStream.class || input.getType() != VisibleBufferedInputStream.class) {
                return null;
            }
            // what CopyData.Direct calls: present with these signatures, or nothing is read in place
            Class<?> buffer = VisibleBufferedInputStream.class;
            boolean shaped = buffer.getMethod("ensureBytes", int.class).getReturnType() == boolean.class
                    && buffer.getMethod("getBuffer").getReturnType() == byte[].class
                    && buffer.getMethod("getIndex").getReturnType() == int.class
                    && buffer.getMethod("skip", long.class).getReturnType() == long.class;
            if (!shaped) {
                return null;
            }
            stream.setAccessible(true);
            input.setAccessible(true);
            return new Reach(stream, input);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** The switch: on unless the property says false/0/off/no, or else the variable does. */
    static boolean enabled(@Nullable String property, @Nullable String env) {
        String value = property != null ? property : env;
        if (value == null) {
            return true;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "false", "0", "off", "no" -> false;
            default -> true;
        };
    }

    /** True for a driver version string ({@code "PostgreSQL JDBC Driver 42.7.8"}) within the tested range. */
    static boolean tested(@Nullable String driverVersion) {
        if (driverVersion == null) {
            return false;
        }
        Matcher m = VERSION.matcher(driverVersion);
        if (!m.find()) {
            return false;
        }
        int[] v = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        return compare(v, TESTED_FROM) >= 0 && compare(v, TESTED_TO) <= 0;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
