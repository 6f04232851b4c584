package org.pgdump4j.dump.inserts;

/**
 * pg_dump's INSERT options.
 *
 * @param rowsPerInsert       rows per statement (--rows-per-insert; 1 for --inserts)
 * @param columnInserts       --column-inserts: a column list in every statement, generated columns left out
 * @param onConflictDoNothing --on-conflict-do-nothing
 */
public record InsertMode(int rowsPerInsert, boolean columnInserts, boolean onConflictDoNothing) {
    public InsertMode {
        if (rowsPerInsert < 1) {
            throw new IllegalArgumentException("rows per insert " + rowsPerInsert);
        }
    }
}
