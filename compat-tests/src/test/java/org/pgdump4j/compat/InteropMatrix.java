package org.pgdump4j.compat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * The cells of {@link InteropMatrixIT}: each is a JUnit dynamic test whose outcome is also recorded here, so the
 * whole matrix can be printed at the end (rows like {@code ours custom/lz4 → pg_restore 18 -d  pass}).
 */
final class InteropMatrix {
    static final String PASS = "pass";
    static final String FAIL = "FAIL";
    static final String SKIPPED = "skipped";
    static final String NOT_RUN = "not run";

    private final Map<String, String> cells = new LinkedHashMap<>();

    /** A dynamic test named {@code name} that records its outcome; the cell shows "not run" until it runs. */
    synchronized DynamicTest cell(String name, Executable body) {
        if (cells.putIfAbsent(name, NOT_RUN) != null) {
            throw new IllegalArgumentException("duplicate matrix cell " + name);
        }
        return DynamicTest.dynamicTest(name, () -> run(name, body));
    }

    private void run(String name, Executable body) throws Throwable {
        try {
            body.execute();
            record(name, PASS);
        } catch (TestAbortedException e) {
            record(name, SKIPPED);
            throw e;
        } catch (Throwable t) {
            record(name, FAIL);
            throw t;
        }
    }

    private synchronized void record(String name, String outcome) {
        cells.put(name, outcome);
    }

    synchronized Map<String, String> cells() {
        return Map.copyOf(cells);
    }

    /** The matrix as a table, one row per cell in creation order, and a totals line. */
    synchronized String render(String title) {
        int width = cells.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        sb.append('\n').append(title).append('\n');
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : cells.entrySet()) {
            sb.append("  ").append(e.getKey()).append(" ".repeat(width - e.getKey().length() + 2))
                    .append(e.getValue()).append('\n');
            totals.merge(e.getValue(), 1, Integer::sum);
        }
        sb.append("  ").append(cells.size()).append(" cells:");
        totals.forEach((k, v) -> sb.append(' ').append(v).append(' ').append(k).append(','));
        sb.setLength(sb.length() - (totals.isEmpty() ? 0 : 1));
        return sb.append('\n').toString();
    }
}
