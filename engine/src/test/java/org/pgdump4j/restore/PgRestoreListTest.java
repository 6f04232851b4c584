package org.pgdump4j.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.pgdump4j.progress.ProgressListener;

class PgRestoreListTest {
    /** pg_restore -l says "Format: CUSTOM": a lower-case name is a caller's bug, refused before anything is read. */
    @Test
    void refusesAFormatNamePgRestoreWouldNotPrint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PgRestore.list(null,
                "custom", RestoreOptions.DEFAULTS, OutputStream.nullOutputStream(), ProgressListener.NONE));
        assertEquals("not a listing format name: \"custom\"", e.getMessage());
    }
}
