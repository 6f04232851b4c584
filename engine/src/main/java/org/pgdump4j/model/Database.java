package org.pgdump4j.model;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.seclabel.SecurityLabel;

/**
 * The dumped database itself, for {@code --create}.
 *
 * @param createOptions the WITH clause pg_dump writes after CREATE DATABASE name (TEMPLATE, ENCODING, locale...)
 * @param settings      ALTER DATABASE ... SET statements, already rendered
 * @param labels        its security labels (pg_shseclabel), in the order pg_dump reads them
 * @param template      datistemplate: dropping it (-c -C) must clear the flag first
 */
public record Database(
        ObjectId id,
        String name,
        Ownership ownership,
        String createOptions,
        List<String> settings,
        @Nullable String comment,
        List<SecurityLabel> labels,
        boolean template) {
    /** Not a template. */
    public Database(ObjectId id, String name, Ownership ownership, String createOptions, List<String> settings,
            @Nullable String comment, List<SecurityLabel> labels) {
        this(id, name, ownership, createOptions, settings, comment, labels, false);
    }

    /** Without security labels. */
    public Database(ObjectId id, String name, Ownership ownership, String createOptions, List<String> settings,
            @Nullable String comment) {
        this(id, name, ownership, createOptions, settings, comment, List.of());
    }

    public Database {
        settings = List.copyOf(settings);
        labels = List.copyOf(labels);
    }
}
