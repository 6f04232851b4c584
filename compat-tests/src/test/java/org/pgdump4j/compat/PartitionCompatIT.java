package org.pgdump4j.compat;

import java.util.List;

/**
 * Partitioned tables, partitions and partitioned indexes (fixtures/partitions.sql) against real pg_dump 18: the
 * whole tree, its schema or rows alone, a parent or a partition named by -t or -T, --clean, rows loaded via the
 * partition root (forced for a tree hash-partitioned on an enum), --table-and-children and
 * --exclude-table-and-children; psql 18 restores the
 * dump with the same rows.
 */
class PartitionCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "partitions.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-a"),
                List.of("-t", "s.m"), List.of("-t", "s.m1"), List.of("-T", "s.m"), List.of("-c", "--if-exists"),
                List.of("--load-via-partition-root"), List.of("--table-and-children", "s.m"),
                List.of("--exclude-table-and-children", "s.m"));
    }
}
