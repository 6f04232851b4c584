package org.pgdump4j.model.operator;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * An operator (pg_operator row). Type and function references are the server's own text for them (regtype, the
 * name part of regprocedure), already qualified where the empty search_path requires it.
 *
 * @param oprKind    'b' infix, 'l' prefix, 'r' postfix (servers before 14 only)
 * @param function   oprcode's name, null for a shell operator (made by a forward COMMUTATOR/NEGATOR reference,
 *                   never defined: not dumped)
 * @param leftType   null for a prefix operator
 * @param rightType  null for a postfix operator
 * @param commutator the commutator's schema and name, null for none
 * @param sortTypes  pg_dump_sort.c's tie-break among operators of one name: the operand types' schemas and names
 */
public record Operator(ObjectId id, String schema, String name, char oprKind, String owner, @Nullable String function,
        @Nullable String leftType, @Nullable String rightType, @Nullable QualifiedName commutator,
        @Nullable QualifiedName negator, boolean merges, boolean hashes, @Nullable String restrict,
        @Nullable String join, @Nullable String comment, String sortTypes, Components components)
        implements FamilyObject {
    public Operator {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        if (oprKind != 'b' && oprKind != 'l' && oprKind != 'r') {
            throw new IllegalArgumentException("unknown operator kind '" + oprKind + "'");
        }
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.OPERATOR;
    }

    @Override
    public String sortName() {
        return name;
    }

    /** DOTypeNameCompare: postfix, then prefix, then infix operators (oprkind descending), then operand types. */
    @Override
    public String tiebreak() {
        return (oprKind == 'r' ? "0" : oprKind == 'l' ? "1" : "2") + sortTypes;
    }

    /** A shell operator has no function: pg_dump writes nothing for it. */
    public boolean isShell() {
        return function == null;
    }
}
