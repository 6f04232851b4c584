package org.pgdump4j.compat;

import java.util.List;

/**
 * Rewrite rules (fixtures/rules.sql) against real pg_dump 18 on every major, dumped with their tables under each
 * selection; psql 18 restores the dump.
 */
class RuleCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "rules.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-a"),
                List.of("--no-comments"), List.of("-n", "s"), List.of("-t", "s.t"), List.of("-T", "s.t"),
                List.of("-t", "s.v"), List.of("-c", "--if-exists"), List.of("-O"));
    }
}
