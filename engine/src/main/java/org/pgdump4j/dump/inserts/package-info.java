/**
 * Table data as INSERT statements (pg_dump's {@code --inserts}, {@code --column-inserts}, {@code --rows-per-insert},
 * {@code --on-conflict-do-nothing}): each row read from a text {@code COPY ... TO stdout} and written as pg_dump's
 * dumpTableData_insert writes it, one row at a time.
 */
package org.pgdump4j.dump.inserts;
