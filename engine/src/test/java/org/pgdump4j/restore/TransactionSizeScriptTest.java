package org.pgdump4j.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --transaction-size in a script: BEGIN after the session settings, COMMIT/BEGIN every n objects (a definition with
 * several statements counts each, a large object's per-blob commands one each), COMMIT around CREATE DATABASE and at
 * the end, exactly where pg_restore 18.6 put them for the shared fixture archives (its scripts are test resources).
 */
class TransactionSizeScriptTest {
    @ParameterizedTest
    @CsvSource({"pg18_custom_none.dump, 1, false, pg18_custom_none.txn1.sql",
            "pg17_custom_none.dump, 3, false, pg17_custom_none.txn3.sql",
            "pg15_custom_none.dump, 4, false, pg15_custom_none.txn4.sql",
            "pg18_custom_none.dump, 2, true, pg18_custom_none.create.txn2.sql"})
    void equalsPgRestore18(String archive, int size, boolean create, String expected) throws IOException {
        String ours = RestoreFixtureTest.script(archive, RestoreFixtureTest.keyed().transactionSize(size)
                .create(create).build());
        try (InputStream in = getClass().getResourceAsStream("txnsize/" + expected)) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), ours);
        }
    }
}
