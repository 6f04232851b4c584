package org.pgdump4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.CanceledException;
import org.pgdump4j.progress.Cancellation;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The builders' progress and cancel hooks: a dump from the caller's connection, canceled in the middle of a big
 * table, throws {@link CanceledException} within a second after events with the totals, and the connection comes
 * back as it was given (its settings, no transaction left open), still usable.
 */
class ApiCancelIT {
    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void aCanceledDumpGivesTheConnectionBackAsFound(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "api_cancel"); Connection conn = db.connect()) {
            db.execute("CREATE TABLE big AS SELECT g AS id, 'row ' || g AS label"
                    + " FROM pg_catalog.generate_series(1, 1000000) g; CREATE TABLE small (a int); ANALYZE");
            try (Statement st = conn.createStatement()) {
                st.execute("SET search_path = public");
                st.execute("SET statement_timeout = '5min'");
            }
            String before = settings(conn);
            List<ProgressEvent> events = new CopyOnWriteArrayList<>();
            CountDownLatch rows = new CountDownLatch(1);
            Listener listener = new Listener() {
                @Override
                public void event(ProgressEvent e) {
                    events.add(e);
                    if (e instanceof ProgressEvent.TableData d && d.bytes() > 0) {
                        rows.countDown();
                    }
                }
            };
            Cancellation cancel = new Cancellation();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    PgDump4j.dump().from(conn).format(Format.CUSTOM).to(OutputStream.nullOutputStream())
                            .listener(listener).cancellation(cancel).run();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            assertTrue(rows.await(60, TimeUnit.SECONDS), "no rows came");
            long start = System.nanoTime();
            cancel.cancel();
            t.join(30_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(CanceledException.class, failure.get());
            assertTrue(millis < 1000, millis + " ms");
            ProgressEvent.Totals totals = events.stream().filter(ProgressEvent.Totals.class::isInstance)
                    .map(ProgressEvent.Totals.class::cast).findFirst().orElseThrow();
            assertEquals(2, totals.tables());
            assertTrue(totals.estimatedBytes() > 0, totals::toString);
            assertEquals(TransactionState.IDLE, conn.unwrap(BaseConnection.class).getTransactionState());
            assertTrue(conn.getAutoCommit());
            assertEquals(before, settings(conn));
        }
    }

    /** Every setting's value in the session (put back by SET, a value may change its source, not its value). */
    private static String settings(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT string_agg(name || '=' || setting, ',' ORDER BY name) FROM pg_settings")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
