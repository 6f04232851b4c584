package org.pgdump4j.model.operator;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * An operator family (pg_opfamily row).
 *
 * @param looseMembers the members tied to the family itself, not to one of its classes (pg_depend says which):
 *                     operators by strategy, then functions by number
 */
public record OperatorFamily(ObjectId id, String schema, String name, String accessMethod, String owner,
        List<OpMember> looseMembers, @Nullable String comment, Components components) implements FamilyObject {
    public OperatorFamily {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessMethod, "accessMethod");
        Objects.requireNonNull(owner, "owner");
        looseMembers = List.copyOf(looseMembers);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.OPFAMILY;
    }

    @Override
    public String sortName() {
        return name;
    }

    /** DOTypeNameCompare orders classes and families of one name by access method name. */
    @Override
    public String tiebreak() {
        return accessMethod;
    }
}
