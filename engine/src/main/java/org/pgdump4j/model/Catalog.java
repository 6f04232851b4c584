package org.pgdump4j.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything read from the source database, immutable. {@code dependencies} maps an object to the objects it
 * depends on, from pg_depend, already folded onto model objects (a view's rule onto the view, columns onto
 * their table). {@code objects} holds every object of the families (schemas, types, routines... large
 * objects), dumped or not (those not dumped keep their place in the sort), in pg_dump's getSchemaData order.
 */
public record Catalog(
        Database database,
        ServerInfo server,
        List<Table> tables,
        List<View> views,
        List<Sequence> sequences,
        List<Index> indexes,
        List<Constraint> constraints,
        List<Unselected> unselected,
        List<FamilyObject> objects,
        Map<ObjectId, Set<ObjectId>> dependencies,
        ExtensionRelations extensionRelations) {
    /**
     * The tables, views and sequences above that belong to an extension: only the components given are written
     * (their changed privileges; a configuration table's or sequence's rows, filtered by its condition).
     *
     * @param components  the member relations' components, by relation
     * @param dataFilters a configuration table's condition ({@code WHERE ...}) when it has one
     */
    public record ExtensionRelations(Map<ObjectId, Components> components, Map<ObjectId, String> dataFilters) {
        public static final ExtensionRelations NONE = new ExtensionRelations(Map.of(), Map.of());

        public ExtensionRelations {
            components = Map.copyOf(components);
            dataFilters = Map.copyOf(dataFilters);
        }

        public boolean isMember(ObjectId relation) {
            return components.containsKey(relation);
        }
    }

    /** A catalog without extension member relations. */
    public Catalog(Database database, ServerInfo server, List<Table> tables, List<View> views,
            List<Sequence> sequences, List<Index> indexes, List<Constraint> constraints, List<Unselected> unselected,
            List<FamilyObject> objects, Map<ObjectId, Set<ObjectId>> dependencies) {
        this(database, server, tables, views, sequences, indexes, constraints, unselected, objects, dependencies,
                ExtensionRelations.NONE);
    }

    public Catalog {
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        sequences = List.copyOf(sequences);
        indexes = List.copyOf(indexes);
        constraints = List.copyOf(constraints);
        unselected = List.copyOf(unselected);
        objects = List.copyOf(objects);
        // not copied: the reader hands over a map of a few hundred thousand entries that nothing else holds
        dependencies = java.util.Collections.unmodifiableMap(dependencies);
    }
}
