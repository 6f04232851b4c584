package org.pgdump4j.model.sysacl;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;

/**
 * The schema pg_catalog, which pg_dump never creates but whose changed privileges it writes (selectDumpableNamespace
 * gives it DUMP_COMPONENT_ACL only). It sorts among the schemas by its name.
 */
public record CatalogSchema(ObjectId id, Ownership ownership, Components components) implements FamilyObject {
    public static final String NAME = "pg_catalog";

    @Override
    public ObjectKind kind() {
        return ObjectKind.NAMESPACE;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }

    @Override
    public String sortName() {
        return NAME;
    }
}
