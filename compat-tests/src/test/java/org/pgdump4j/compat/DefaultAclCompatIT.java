package org.pgdump4j.compat;

import java.util.List;

/**
 * Default privileges (fixtures/default-acl.sql) against real pg_dump 18 on every major, with -x and -n narrowing
 * them; psql 18 restores the dump.
 */
class DefaultAclCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "default-acl.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-a"), List.of("-x"),
                List.of("-n", "\"Acl S\""), List.of("-n", "other"), List.of("-c", "--if-exists"));
    }

    /**
     * 17 and 18: before 17 a table's built-in default lacks MAINTAIN, so a global REVOKE from such a source names
     * each privilege, and the copy on 18 (whose default has it) dumps as REVOKE ALL, as pg_dump 18 dumps it.
     */
    @Override
    boolean roundTrips(int major) {
        return major >= 17;
    }
}
