package org.pgdump4j.model;

import java.util.List;
import org.pgdump4j.model.seclabel.SecurityLabels;

/**
 * Everything read from the source database, immutable. {@code objects} holds every object of every family
 * (schemas, types, routines..., relations, constraints, indexes, large objects), dumped or not (those not dumped
 * keep their place in the sort), in pg_dump's getSchemaData order. {@code dependencies} maps an object to the
 * objects it depends on, from pg_depend, already folded onto model objects (a view's rule onto the view, columns
 * onto their table). {@code labels} holds every object's security labels (none under --no-security-labels).
 */
public record Catalog(
        Database database,
        ServerInfo server,
        List<FamilyObject> objects,
        Dependencies dependencies,
        SecurityLabels labels) {
    /** Without security labels. */
    public Catalog(Database database, ServerInfo server, List<FamilyObject> objects,
            Dependencies dependencies) {
        this(database, server, objects, dependencies, SecurityLabels.NONE);
    }

    public Catalog {
        objects = List.copyOf(objects);
    }
}
