package org.pgdump4j.compat;

import java.util.List;

/**
 * Table triggers (fixtures/triggers.sql) against real pg_dump 18 on every major, dumped with their tables under
 * each selection; psql 18 restores the dump.
 */
class TriggerCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "triggers.sql";
    }

    // not -a: the data-only order of tables tied by a foreign key (pg_dump's getTableDataFKConstraints)
    // is not the triggers' business
    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("--no-comments"),
                List.of("-n", "s"), List.of("-t", "s.t"), List.of("-T", "s.t"), List.of("-t", "s.v"),
                List.of("-c", "--if-exists"), List.of("-O"));
    }
}
