package org.pgdump4j.compat;

import java.util.List;

/**
 * Publications, their tables and schemas (fixtures/publication.sql) against real pg_dump 18 on every major, with
 * --no-publications and -n leaving them out; psql 18 restores the dump.
 */
class PublicationCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "publication.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-a"),
                List.of("--no-comments"), List.of("--no-publications"), List.of("-n", "\"Pub S\""),
                List.of("-N", "other"), List.of("-c", "--if-exists"));
    }
}
