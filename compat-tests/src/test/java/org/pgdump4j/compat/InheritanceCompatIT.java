package org.pgdump4j.compat;

import java.util.List;

/**
 * Inheritance children and typed tables (fixtures/inheritance.sql) against real pg_dump 18: INHERITS, inherited,
 * merged and local columns, defaults and NOT NULLs, DEFAULT NULL where a parent's default was left out (inline, or
 * as a DEFAULT entry for an inherited column), a child's default on an inherited column as a DEFAULT entry; -t on
 * a child, -T on a parent, the -and-children options; psql 18 restores the dump with the same rows.
 */
class InheritanceCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "inheritance.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-a"),
                List.of("-t", "s.child"), List.of("-T", "s.base"), List.of("-c", "--if-exists"),
                List.of("--table-and-children", "s.base"), List.of("--exclude-table-and-children", "s.child"));
    }
}
