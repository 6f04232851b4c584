package org.pgdump4j.model.operator;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.QualifiedName;

/** A member of an operator family or class: a pg_amop row (OPERATOR) or a pg_amproc row (FUNCTION). */
public sealed interface OpMember {
    /**
     * {@code OPERATOR strategy operator [FOR ORDER BY sortFamily]}.
     *
     * @param operator   regoperator text, e.g. {@code <(integer,bigint)}
     * @param sortFamily the btree family of an ordering operator, null for a search operator
     */
    record Op(int strategy, String operator, @Nullable QualifiedName sortFamily) implements OpMember {
        public Op {
            Objects.requireNonNull(operator, "operator");
        }
    }

    /**
     * {@code FUNCTION number (leftType, rightType) function}.
     *
     * @param function regprocedure text, e.g. {@code btint4cmp(integer,integer)}
     */
    record Proc(int number, String leftType, String rightType, String function) implements OpMember {
        public Proc {
            Objects.requireNonNull(leftType, "leftType");
            Objects.requireNonNull(rightType, "rightType");
            Objects.requireNonNull(function, "function");
        }
    }
}
