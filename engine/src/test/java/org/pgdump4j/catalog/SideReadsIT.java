package org.pgdump4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pgdump4j.CatalogReadException;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.TestDb;

/**
 * {@link SideReads} on a real server: the second connection sees the main connection's snapshot, not what was
 * committed after it; without a second connection the reads run on the main one; a failed read fails where its
 * result is taken; closing cancels a read still running.
 */
@ExtendWith(PgExtension.class)
class SideReadsIT {
    private static final String COUNT = "SELECT count(*) FROM side_rows";

    @Test
    void theSecondConnectionReadsInTheMainSnapshot(TestDb db) throws Exception {
        db.execute("DROP TABLE IF EXISTS side_rows; CREATE TABLE side_rows (i int); INSERT INTO side_rows VALUES (1)");
        try (Connection main = snapshotConnection(db)) {
            AtomicInteger opened = new AtomicInteger();
            try (SideReads side = SideReads.start(new Jdbc(main), export(main), snapshot -> {
                opened.incrementAndGet();
                return importing(db, snapshot);
            })) {
                db.execute("INSERT INTO side_rows VALUES (2)"); // committed after the snapshot
                SideReads.Pending<Long> count = side.submit(j -> count(j));
                SideReads.Pending<Integer> backend = side.submit(j -> pid(j));
                assertEquals(1L, count.get());
                assertNotEquals(pid(new Jdbc(main)), backend.get(), "read on another backend");
                assertEquals(1, opened.get());
            }
        }
    }

    @Test
    void withoutATwinTheReadsRunOnTheMainConnection(TestDb db) throws Exception {
        db.execute("DROP TABLE IF EXISTS side_rows; CREATE TABLE side_rows (i int); INSERT INTO side_rows VALUES (1)");
        try (Connection main = snapshotConnection(db)) {
            Jdbc jdbc = new Jdbc(main);
            try (SideReads side = SideReads.start(jdbc, export(main), snapshot -> {
                throw new SQLException("too many connections for role");
            })) {
                db.execute("INSERT INTO side_rows VALUES (2)");
                SideReads.Pending<Integer> backend = side.submit(j -> pid(j));
                assertEquals(1L, side.submit(j -> count(j)).get());
                assertEquals(pid(jdbc), backend.get());
            }
        }
    }

    @Test
    void aFailedReadFailsWhereItsResultIsTaken(TestDb db) throws Exception {
        try (Connection main = snapshotConnection(db);
             SideReads side = SideReads.start(new Jdbc(main), export(main), snapshot -> importing(db, snapshot))) {
            SideReads.Pending<Long> bad = side.submit(j -> j.query("nothing", "SELECT 1/0", rs -> rs.getLong(1))
                    .get(0));
            CatalogReadException e = assertThrows(CatalogReadException.class, bad::get);
            assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
        }
    }

    @Test
    void closingCancelsARunningRead(TestDb db) throws Exception {
        try (Connection main = snapshotConnection(db)) {
            long started = System.nanoTime();
            try (SideReads side = SideReads.start(new Jdbc(main), export(main), snapshot -> importing(db, snapshot))) {
                side.submit(j -> j.query("sleep", "SELECT pg_catalog.pg_sleep(60)", rs -> 0));
                Thread.sleep(300);
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "close waited for the read");
        }
    }

    @Test
    void withoutAnExportedSnapshotNoTwinIsOpened(TestDb db) throws Exception {
        try (Connection main = snapshotConnection(db)) {
            Jdbc jdbc = new Jdbc(main);
            AtomicInteger opened = new AtomicInteger();
            try (SideReads side = SideReads.start(jdbc, null, snapshot -> {
                opened.incrementAndGet();
                return importing(db, snapshot);
            })) {
                assertEquals(pid(jdbc), side.submit(j -> pid(j)).get());
            }
            assertEquals(0, opened.get());
        }
    }

    @Test
    void sharedPartsAreReadOnBothConnectionsAndComeBackInOrder(TestDb db) throws Exception {
        try (Connection main = snapshotConnection(db)) {
            Jdbc jdbc = new Jdbc(main);
            int mainPid = pid(jdbc);
            try (SideReads side = SideReads.start(jdbc, export(main), snapshot -> importing(db, snapshot))) {
                // the second connection starts at once; this thread joins after a while, as a reader does
                SideReads.Pending<java.util.List<int[]>> parts = side.shared(40, (j, part) -> new int[] {part,
                        j.query("slow", "SELECT pg_catalog.pg_backend_pid() FROM pg_catalog.pg_sleep(0.02)",
                                rs -> rs.getInt(1)).get(0)});
                Thread.sleep(200);
                java.util.List<int[]> got = parts.get();
                assertEquals(40, got.size());
                java.util.Set<Integer> readers = new java.util.HashSet<>();
                for (int i = 0; i < got.size(); i++) {
                    assertEquals(i, got.get(i)[0], "part order");
                    readers.add(got.get(i)[1]);
                }
                assertEquals(2, readers.size(), "both connections read parts");
                assertTrue(readers.contains(mainPid));
            }
        }
    }

    @Test
    void sharedPartsWithoutATwinAreReadOnTheMainConnection(TestDb db) throws Exception {
        try (Connection main = snapshotConnection(db)) {
            Jdbc jdbc = new Jdbc(main);
            try (SideReads side = SideReads.start(jdbc, null, snapshot -> importing(db, snapshot))) {
                java.util.List<Integer> got = side.shared(3, (j, part) -> part * 10 + (pid(j) == pid(jdbc) ? 1 : 0))
                        .get();
                assertEquals(java.util.List.of(1, 11, 21), got);
            }
        }
    }

    private static String export(Connection main) {
        return new Jdbc(main).query("export", "SELECT pg_catalog.pg_export_snapshot()", rs -> rs.getString(1)).get(0);
    }

    private static Connection snapshotConnection(TestDb db) throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        return c;
    }

    private static Connection importing(TestDb db, String snapshot) throws SQLException {
        Connection c = snapshotConnection(db);
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
        }
        return c;
    }

    private static long count(Jdbc j) {
        return j.query("rows", COUNT, rs -> rs.getLong(1)).get(0);
    }

    private static int pid(Jdbc j) {
        return j.query("pid", "SELECT pg_catalog.pg_backend_pid()", rs -> rs.getInt(1)).get(0);
    }
}
