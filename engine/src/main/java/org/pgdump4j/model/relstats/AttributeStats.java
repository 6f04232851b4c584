package org.pgdump4j.model.relstats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One pg_stats row: a column's statistics, as the server prints them (text; arrays in their array syntax).
 *
 * @param attname   the column's name (a table's), or null for an index's column, which goes by {@code attnum}
 * @param attnum    the index column's number, 0 for a table's column
 * @param inherited the row covers the inheritance tree (pg_stats.inherited)
 * @param values    the row's non-null columns; a NULL column is absent, and pg_dump leaves its argument out
 */
public record AttributeStats(@Nullable String attname, int attnum, boolean inherited, Map<StatColumn, String> values) {
    public AttributeStats {
        if ((attname == null) == (attnum == 0)) {
            throw new IllegalArgumentException("an attribute's statistics go by a name or by a number, not both");
        }
        values = Collections.unmodifiableMap(copy(values));
    }

    private static Map<StatColumn, String> copy(Map<StatColumn, String> values) {
        Map<StatColumn, String> m = new EnumMap<>(StatColumn.class);
        values.forEach((k, v) -> m.put(Objects.requireNonNull(k), Objects.requireNonNull(v, () -> k.column())));
        return m;
    }
}
