package org.pgdump4j.compat;

import java.util.List;

/**
 * Foreign-data wrappers, servers and user mappings (fixtures/foreign.sql) against real pg_dump 18 on every major,
 * with the options that leave parts out (-x, --no-comments, -n, -e); psql 18 restores the dump.
 */
class ForeignCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "foreign.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-x"), List.of("--no-comments"),
                List.of("-n", "fs"), List.of("-e", "postgres_fdw"), List.of("-t", "fs.t"),
                List.of("-c", "--if-exists"));
    }
}
