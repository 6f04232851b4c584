package org.pgdump4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pgdump4j.embedded.EmbeddedPostgres;

class PgServersIT {

    @Test
    void parsesTheVersionMatrix() {
        assertEquals(List.of(12, 18), PgServers.parseMajors("12,18"));
        assertEquals(List.of(18, 10), PgServers.parseMajors(" 18, 10 ,18 "));
        assertEquals(List.of(PgServers.DEFAULT_MAJOR), PgServers.parseMajors(Integer.toString(PgServers.DEFAULT_MAJOR)));
        assertThrows(IllegalArgumentException.class, () -> PgServers.parseMajors("9"));
        assertThrows(IllegalArgumentException.class, () -> PgServers.parseMajors("x"));
        assertThrows(IllegalArgumentException.class, () -> PgServers.parseMajors(" , "));
        assertTrue(PgServers.matrixMajors().stream().allMatch(EmbeddedPostgres.supportedMajors()::contains));
    }

    @Test
    void namesDatabasesSafely() {
        assertEquals("t7_dumps_orders", PgServers.databaseName(7, "dumpsOrders()".replace("O", "_O")));
        assertEquals("t1", PgServers.databaseName(1, "!!!"));
        assertEquals("t2_a_b", PgServers.databaseName(2, "A \"b\""));
        assertEquals(63, PgServers.databaseName(3, "x".repeat(100)).length());
    }

    @Test
    void oneServerPerMajorEvenWhenAskedConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<EmbeddedPostgres> get = () -> PgServers.get(PgServers.DEFAULT_MAJOR);
            List<Future<EmbeddedPostgres>> all = pool.invokeAll(List.of(get, get, get, get));
            for (Future<EmbeddedPostgres> f : all) {
                assertSame(PgServers.get(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void freshDatabasesAreCheap() throws Exception {
        PgServers.get();
        int n = 10;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (TestDb db = PgServers.freshDb(PgServers.DEFAULT_MAJOR, "cheap")) {
                db.execute("CREATE TABLE t(id int)");
            }
        }
        long perDb = (System.nanoTime() - t0) / 1_000_000 / n;
        System.out.printf("fresh database (create + one DDL + drop) on PostgreSQL %d: %d ms%n",
                PgServers.DEFAULT_MAJOR, perDb);
        assertTrue(perDb < 5000, "per-test database overhead " + perDb + " ms");
    }
}
