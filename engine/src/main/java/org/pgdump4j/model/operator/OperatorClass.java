package org.pgdump4j.model.operator;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * An operator class (pg_opclass row).
 *
 * @param type        opcintype as regtype text
 * @param storage     opckeytype as regtype text, null when the class stores its input type
 * @param family      the class's operator family, null only when the catalog has lost it
 * @param members     the members tied to this class (pg_depend says which): operators by strategy, then
 *                    functions by number
 */
public record OperatorClass(ObjectId id, String schema, String name, String accessMethod, String owner,
        boolean isDefault, String type, @Nullable String storage, @Nullable QualifiedName family,
        List<OpMember> members, @Nullable String comment, Components components) implements FamilyObject {
    public OperatorClass {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessMethod, "accessMethod");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        members = List.copyOf(members);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.OPCLASS;
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
