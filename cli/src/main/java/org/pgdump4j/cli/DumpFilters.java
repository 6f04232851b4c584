package org.pgdump4j.cli;

import java.io.InputStream;
import java.util.List;

/**
 * pg_dump's read_dump_filters: each {@code --filter} file's rules added to the patterns of the switches they stand
 * for ({@code include table} is {@code -t}, {@code exclude table_data} is {@code --exclude-table-data}...), in the
 * order read, so every later check sees them as if given on the command line. Types pg_dump does not filter on
 * fail with its message and the rule's line.
 */
final class DumpFilters {
    private DumpFilters() {
    }

    static void apply(DumpCommand d, InputStream stdin) {
        for (String file : d.filters) {
            FilterFile.read(file, stdin, item -> add(d, item, file));
        }
    }

    private static void add(DumpCommand d, FilterFile.Item item, String file) {
        List<String> target = item.include() ? switch (item.type()) {
            case EXTENSION -> d.extensions;
            case FOREIGN_DATA -> d.includeForeignData;
            case SCHEMA -> d.schemas;
            case TABLE -> d.tables;
            case TABLE_AND_CHILDREN -> d.tablesAndChildren;
            case DATABASE, FUNCTION, INDEX, TABLE_DATA, TABLE_DATA_AND_CHILDREN, TRIGGER -> null;
        } : switch (item.type()) {
            case EXTENSION -> d.excludeExtensions;
            case TABLE_DATA -> d.excludeTableData;
            case TABLE_DATA_AND_CHILDREN -> d.excludeTableDataAndChildren;
            case SCHEMA -> d.excludeSchemas;
            case TABLE -> d.excludeTables;
            case TABLE_AND_CHILDREN -> d.excludeTablesAndChildren;
            case DATABASE, FUNCTION, INDEX, TRIGGER, FOREIGN_DATA -> null;
        };
        if (target == null) {
            throw FilterFile.notAllowed(file, item);
        }
        target.add(item.pattern());
    }
}
