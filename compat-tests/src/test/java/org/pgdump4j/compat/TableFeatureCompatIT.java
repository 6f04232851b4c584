package org.pgdump4j.compat;

import java.util.List;

/**
 * Table and column features (fixtures/table-features.sql: storage, statistics, attribute options, compression,
 * replica identity, toast options, index column statistics, view column defaults, 18's NOT NULL constraints)
 * against real pg_dump 18 on every major, with --no-toast-compression too; psql 18 restores the dump.
 */
class TableFeatureCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "table-features.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-a"), List.of("-t", "\"Feat S\".\"V 1\""),
                List.of("-t", "\"Feat S\".by_index"), List.of("-c", "--if-exists"),
                List.of("--no-toast-compression"));
    }

    /** From 18 only: an older server's view text is its own deparse, which a copy on 18 writes differently. */
    @Override
    boolean roundTrips(int major) {
        return major == 18;
    }
}
