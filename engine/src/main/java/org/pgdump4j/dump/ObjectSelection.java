package org.pgdump4j.dump;

import java.util.List;

/**
 * pg_dump's {@code -n/-N/-t/-T/-e/--exclude-extension} psql-style patterns and {@code --strict-names}, and
 * {@code --table-and-children}/{@code --exclude-table-and-children}, whose matches bring their partitions and
 * inheritance children (recursively) along. Patterns are kept as typed; {@code sql.NamePattern} turns them into
 * server-side regexes. The data rules ride along: {@code --exclude-table-data[-and-children]} patterns and
 * {@code --no-unlogged-table-data} leave tables' (and sequences') rows out, keeping their definitions;
 * {@code --include-foreign-data}'s foreign-server patterns put the rows of those servers' foreign tables in.
 */
public record ObjectSelection(
        List<String> includeSchemas,
        List<String> excludeSchemas,
        List<String> includeTables,
        List<String> excludeTables,
        List<String> includeExtensions,
        List<String> excludeExtensions,
        boolean strictNames,
        List<String> includeTablesAndChildren,
        List<String> excludeTablesAndChildren,
        List<String> excludeTableData,
        List<String> excludeTableDataAndChildren,
        boolean noUnloggedTableData,
        List<String> includeForeignData) {

    public static final ObjectSelection ALL = new ObjectSelection(List.of(), List.of(), List.of(), List.of(), false);

    public ObjectSelection {
        includeSchemas = List.copyOf(includeSchemas);
        excludeSchemas = List.copyOf(excludeSchemas);
        includeTables = List.copyOf(includeTables);
        excludeTables = List.copyOf(excludeTables);
        includeExtensions = List.copyOf(includeExtensions);
        excludeExtensions = List.copyOf(excludeExtensions);
        includeTablesAndChildren = List.copyOf(includeTablesAndChildren);
        excludeTablesAndChildren = List.copyOf(excludeTablesAndChildren);
        excludeTableData = List.copyOf(excludeTableData);
        excludeTableDataAndChildren = List.copyOf(excludeTableDataAndChildren);
        includeForeignData = List.copyOf(includeForeignData);
    }

    /** Without {@code --include-foreign-data} patterns. */
    public ObjectSelection(List<String> includeSchemas, List<String> excludeSchemas, List<String> includeTables,
            List<String> excludeTables, List<String> includeExtensions, List<String> excludeExtensions,
            boolean strictNames, List<String> includeTablesAndChildren, List<String> excludeTablesAndChildren,
            List<String> excludeTableData, List<String> excludeTableDataAndChildren, boolean noUnloggedTableData) {
        this(includeSchemas, excludeSchemas, includeTables, excludeTables, includeExtensions, excludeExtensions,
                strictNames, includeTablesAndChildren, excludeTablesAndChildren, excludeTableData,
                excludeTableDataAndChildren, noUnloggedTableData, List.of());
    }

    /** Without the data rules. */
    public ObjectSelection(List<String> includeSchemas, List<String> excludeSchemas, List<String> includeTables,
            List<String> excludeTables, List<String> includeExtensions, List<String> excludeExtensions,
            boolean strictNames, List<String> includeTablesAndChildren, List<String> excludeTablesAndChildren) {
        this(includeSchemas, excludeSchemas, includeTables, excludeTables, includeExtensions, excludeExtensions,
                strictNames, includeTablesAndChildren, excludeTablesAndChildren, List.of(), List.of(), false);
    }

    /** Without the {@code ...-and-children} patterns. */
    public ObjectSelection(List<String> includeSchemas, List<String> excludeSchemas, List<String> includeTables,
            List<String> excludeTables, List<String> includeExtensions, List<String> excludeExtensions,
            boolean strictNames) {
        this(includeSchemas, excludeSchemas, includeTables, excludeTables, includeExtensions, excludeExtensions,
                strictNames, List.of(), List.of());
    }

    /** The same with {@code --table-and-children} and {@code --exclude-table-and-children} patterns. */
    public ObjectSelection withChildren(List<String> include, List<String> exclude) {
        return new ObjectSelection(includeSchemas, excludeSchemas, includeTables, excludeTables, includeExtensions,
                excludeExtensions, strictNames, include, exclude, excludeTableData, excludeTableDataAndChildren,
                noUnloggedTableData, includeForeignData);
    }

    /**
     * The same with {@code --exclude-table-data} and {@code --exclude-table-data-and-children} patterns and
     * {@code --no-unlogged-table-data}.
     */
    public ObjectSelection withDataRules(List<String> exclude, List<String> excludeAndChildren, boolean noUnlogged) {
        return new ObjectSelection(includeSchemas, excludeSchemas, includeTables, excludeTables, includeExtensions,
                excludeExtensions, strictNames, includeTablesAndChildren, excludeTablesAndChildren, exclude,
                excludeAndChildren, noUnlogged, includeForeignData);
    }

    /** The same with {@code --include-foreign-data} patterns. */
    public ObjectSelection withForeignData(List<String> servers) {
        return new ObjectSelection(includeSchemas, excludeSchemas, includeTables, excludeTables, includeExtensions,
                excludeExtensions, strictNames, includeTablesAndChildren, excludeTablesAndChildren, excludeTableData,
                excludeTableDataAndChildren, noUnloggedTableData, servers);
    }

    /** Whether -t or --table-and-children narrows the dump to the tables they name. */
    public boolean namesTables() {
        return !includeTables.isEmpty() || !includeTablesAndChildren.isEmpty();
    }

    /** Schemas and tables only, no extension patterns. */
    public ObjectSelection(List<String> includeSchemas, List<String> excludeSchemas, List<String> includeTables,
            List<String> excludeTables, boolean strictNames) {
        this(includeSchemas, excludeSchemas, includeTables, excludeTables, List.of(), List.of(), strictNames);
    }

    /** The same with {@code -e} and {@code --exclude-extension} patterns. */
    public ObjectSelection withExtensions(List<String> include, List<String> exclude) {
        return new ObjectSelection(includeSchemas, excludeSchemas, includeTables, excludeTables, include, exclude,
                strictNames, includeTablesAndChildren, excludeTablesAndChildren, excludeTableData,
                excludeTableDataAndChildren, noUnloggedTableData, includeForeignData);
    }

    /** True when nothing narrows the dump ("include everything" in pg_dump's terms; -e narrows it too). */
    public boolean includesEverything() {
        return includeSchemas.isEmpty() && !namesTables() && includeExtensions.isEmpty();
    }
}
