package org.pgdump4j.compat;

import java.util.List;

/**
 * Foreign tables (fixtures/foreign-tables.sql: server, options, column options and settings, constraints, comments,
 * privileges) against real pg_dump 18 on every major; psql 18 restores the dump.
 */
class ForeignTableCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "foreign-tables.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-a"), List.of("-t", "fts.bare"),
                List.of("-c", "--if-exists"), List.of("-x", "--no-comments"));
    }

    /** From 18 only: an older server's view text is its own deparse, which a copy on 18 writes differently. */
    @Override
    boolean roundTrips(int major) {
        return major == 18;
    }
}
