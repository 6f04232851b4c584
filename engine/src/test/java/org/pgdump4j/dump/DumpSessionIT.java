package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.TestDb;

/** The dump session's snapshot export: shared when the server allows it, else the transaction begun again. */
@ExtendWith(PgExtension.class)
class DumpSessionIT {
    @Test
    void exportsTheSnapshotOfTheDumpTransaction(TestDb db) throws Exception {
        try (Connection c = db.connect()) {
            DumpSession.open(c, null);
            assertNotNull(DumpSession.exportSnapshot(c));
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
            assertNull(DumpSession.exportSnapshot(c));
            assertEquals("repeatable read|on", isolation(c));
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
