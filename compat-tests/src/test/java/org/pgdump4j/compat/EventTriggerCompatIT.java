package org.pgdump4j.compat;

import java.util.List;

/** Event triggers (fixtures/event-trigger.sql) against real pg_dump 18 on every major; psql 18 restores the dump. */
class EventTriggerCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "event-trigger.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(), List.of("-s"), List.of("-a"), List.of("-x"),
                List.of("--no-comments"), List.of("-n", "\"Evt S\""), List.of("-c", "--if-exists"));
    }
}
