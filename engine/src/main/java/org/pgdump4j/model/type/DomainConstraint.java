package org.pgdump4j.model.type;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * A domain's CHECK constraint as a sort object (pg_dump's DO_CONSTRAINT with condomain set). A validated one is
 * written inside CREATE DOMAIN, its dependencies folded onto the domain, unless that would close a loop
 * (pg_dump_sort.c's repairDomainConstraintMultiLoop); then, like a NOT VALID one, it is an ALTER DOMAIN ... ADD
 * CONSTRAINT entry of its own in post-data.
 */
public record DomainConstraint(ObjectId id, ObjectId domain, String schema, String domainName, String name,
        String definition, boolean validated, String owner, @Nullable String comment, Components components)
        implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.CONSTRAINT;
    }

    @Override
    public String sortName() {
        return name;
    }

    /** pg_dump_sort.c puts domain constraints before table constraints of the same name, then by domain name. */
    @Override
    public String tiebreak() {
        return "\u0001" + domainName;
    }

    @Override
    public @Nullable ObjectId inlineInto() {
        return validated ? domain : null;
    }
}
