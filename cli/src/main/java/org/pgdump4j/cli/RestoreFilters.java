package org.pgdump4j.cli;

import java.io.InputStream;
import java.util.List;

/**
 * pg_restore's read_restore_filters: each {@code --filter} file's rules added to the switches they stand for
 * ({@code include function} is {@code -P}, {@code include index} {@code -I}, {@code include table} {@code -t},
 * {@code include trigger} {@code -T}, {@code include|exclude schema} {@code -n|-N}), exact names as pg_restore
 * takes them; any other rule fails with pg_restore 18's message and its line.
 */
final class RestoreFilters {
    private RestoreFilters() {
    }

    static void apply(RestoreCommand r, InputStream stdin) {
        for (String file : r.filters) {
            FilterFile.read(file, stdin, item -> add(r, item, file));
        }
    }

    private static void add(RestoreCommand r, FilterFile.Item item, String file) {
        List<String> target = item.include() ? switch (item.type()) {
            case FUNCTION -> r.functions;
            case INDEX -> r.indexes;
            case SCHEMA -> r.schemas;
            case TABLE -> r.tables;
            case TRIGGER -> r.triggers;
            default -> null;
        } : item.type() == FilterFile.Type.SCHEMA ? r.excludeSchemas : null;
        if (target == null) {
            throw FilterFile.notAllowed(file, item);
        }
        target.add(item.pattern());
    }
}
