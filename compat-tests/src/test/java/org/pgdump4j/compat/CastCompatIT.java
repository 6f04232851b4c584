package org.pgdump4j.compat;

import java.util.List;

/**
 * Casts and transforms for plpgsql, and plpgsql's changed privileges (fixtures/cast.sql), against real pg_dump 18
 * on every major; psql 18 restores the dump.
 */
class CastCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "cast.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-x"), List.of("--no-comments"),
                List.of("-n", "s"), List.of("-e", "plpgsql"), List.of("-c", "--if-exists"));
    }
}
