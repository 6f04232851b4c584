package org.pgdump4j.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A view.
 *
 * @param definition  pg_get_viewdef() without its trailing semicolon
 * @param options     reloptions without check_option
 * @param checkOption "LOCAL", "CASCADED" or null
 * @param ruleOid     its ON SELECT rule (pg_rewrite), which a dependency loop may make an entry of its own
 */
public record View(
        ObjectId id,
        QualifiedName name,
        Ownership ownership,
        String definition,
        List<String> options,
        @Nullable String checkOption,
        List<Column> columns,
        @Nullable String comment,
        long ruleOid) implements DbObject {
    public View {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
    }
}
