package org.pgdump4j.compat;

import java.util.List;

/**
 * pg_dump -b / -B (fixtures/large-objects-options.sql) against real pg_dump 18: a dump narrowed by -n, -t,
 * --table-and-children or -e leaves the large objects out and -b brings them back, -B leaves them out of a full
 * one, -b wins over -B, and neither -b nor the default adds them to a dump without data (-s, --no-data); the
 * deprecated spellings too. psql 18 restores the dump.
 */
class LargeObjectOptionsCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "large-objects-options.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-B"), List.of("-n", "lo", "-b"), List.of("-t", "lo.t", "--blobs"),
                List.of("-b", "-B"), List.of("-n", "lo", "--no-blobs", "--large-objects"), List.of("-s", "-b"),
                List.of("--no-data", "-b"), List.of("-a", "-n", "lo", "-b"), List.of("-n", "lo"),
                List.of("--table-and-children=lo.t"), List.of("-e", "plpgsql"));
    }
}
