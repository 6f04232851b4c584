package org.pgdump4j.dump;

import java.util.List;

/**
 * pg_dump's {@code -n/-N/-t/-T} psql-style patterns and {@code --strict-names}.
 * Patterns are kept as typed; {@code sql.NamePattern} turns them into server-side regexes.
 */
public record ObjectSelection(
        List<String> includeSchemas,
        List<String> excludeSchemas,
        List<String> includeTables,
        List<String> excludeTables,
        boolean strictNames) {

    public static final ObjectSelection ALL = new ObjectSelection(List.of(), List.of(), List.of(), List.of(), false);

    public ObjectSelection {
        includeSchemas = List.copyOf(includeSchemas);
        excludeSchemas = List.copyOf(excludeSchemas);
        includeTables = List.copyOf(includeTables);
        excludeTables = List.copyOf(excludeTables);
    }

    /** True when nothing narrows the dump ("include everything" in pg_dump's terms). */
    public boolean includesEverything() {
        return includeSchemas.isEmpty() && includeTables.isEmpty();
    }
}
