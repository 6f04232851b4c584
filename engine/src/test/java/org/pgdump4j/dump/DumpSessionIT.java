package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.pgdump4j.PgDumpException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.TestDb;

/**
 * The dump session: its snapshot export (shared when the server allows it, else the transaction begun again), the
 * import of a snapshot and the --serializable-deferrable isolation.
 */
@ExtendWith(PgExtension.class)
class DumpSessionIT {
    @Test
    void exportsTheSnapshotOfTheDumpTransaction(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            DumpSession.open(c, null);
            assertNotNull(DumpSession.exportSnapshot(c, false, false));
            assertEquals("repeatable read|on", isolation(c));
        }
    }

    @Test
    void aRefusedExportBeginsTheTransactionAgainUnread(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            DumpSession.open(c, null);
            try (Statement st = c.createStatement()) {
                st.execute("SAVEPOINT inside"); // pg_export_snapshot refuses to run in a subtransaction
            }
            assertNull(DumpSession.exportSnapshot(c, false, false));
            assertEquals("repeatable read|on", isolation(c));
        }
    }

    @Test
    void aParallelDumpNeedsItsExportAndFailsAsPgDumpsQuery(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            DumpSession.open(c, null);
            try (Statement st = c.createStatement()) {
                st.execute("SAVEPOINT inside");
            }
            PgDumpException e = assertThrows(PgDumpException.class, () -> DumpSession.exportSnapshot(c, true, false));
            assertTrue(e.getMessage().startsWith("query failed: ERROR:  "), e.getMessage());
            assertTrue(e.getMessage().endsWith("\ndetail: Query was: SELECT pg_catalog.pg_export_snapshot()"),
                    e.getMessage());
        }
    }

    @Test
    void serializableDeferrableIsTheLeadersIsolation(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            DumpSession.open(c, null, DumpOptions.Session.DEFAULTS, true);
            assertEquals("serializable|on", isolation(c));
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('transaction_deferrable')")) {
                rs.next();
                assertEquals("on", rs.getString(1));
            }
        }
    }

    @Test
    void anImportedSnapshotIsSeenAndABadOneFailsAsPgDumpSaysIt(TestDb db) throws Exception {
        try (Connection leader = db.connect(); Connection worker = db.connect(); Connection other = db.connect()) {
            DumpSession.open(leader, null);
            String snapshot = DumpSession.exportSnapshot(leader, true, false);
            try (Statement st = other.createStatement()) {
                st.execute("CREATE TABLE after_snapshot (a int)");
            }
            DumpSession.open(worker, null);
            DumpSession.useSnapshot(worker, snapshot);
            try (Statement st = worker.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 'after_snapshot'")) {
                rs.next();
                assertEquals(0, rs.getInt(1)); // the leader's snapshot: the table created later is not there
            }
            worker.rollback();
            DumpSession.open(worker, null);
            PgDumpException e = assertThrows(PgDumpException.class, () -> DumpSession.useSnapshot(worker, "bogus"));
            assertEquals("query failed: ERROR:  invalid snapshot identifier: \"bogus\"\n"
                    + "detail: Query was: SET TRANSACTION SNAPSHOT 'bogus'", e.getMessage());
        }
    }

    private static String isolation(Connection c) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('transaction_isolation') || '|' ||"
                     + " pg_catalog.current_setting('transaction_read_only')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
