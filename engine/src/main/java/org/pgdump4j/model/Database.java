package org.pgdump4j.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The dumped database itself, for {@code --create}.
 *
 * @param createOptions the WITH clause pg_dump writes after CREATE DATABASE name (TEMPLATE, ENCODING, locale...)
 * @param settings      ALTER DATABASE ... SET statements, already rendered
 */
public record Database(
        ObjectId id,
        String name,
        Ownership ownership,
        String createOptions,
        List<String> settings,
        @Nullable String comment) {
    public Database {
        settings = List.copyOf(settings);
    }
}
