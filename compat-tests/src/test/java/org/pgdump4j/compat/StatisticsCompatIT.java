package org.pgdump4j.compat;

import java.util.List;

/**
 * Extended statistics objects (fixtures/statistics.sql) against real pg_dump 18 on every major, with the
 * selections that decide them (schema, table, exclusions); psql 18 restores the dump.
 */
class StatisticsCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "statistics.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-a"),
                List.of("--no-comments"), List.of("-n", "s"), List.of("-n", "\"Odd \"\"S\"\"\""),
                List.of("-t", "s.t1"), List.of("-T", "s.t1"), List.of("-c", "--if-exists"));
    }
}
