package org.pgdump4j.model.routine;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;

/**
 * An aggregate (pg_dump's AggInfo with what dumpAgg reads). Functions and types are named as {@code regproc} and
 * {@code regtype} print them under the dump's empty search_path.
 *
 * @param aggKind   {@code n} normal, {@code o} ordered-set, {@code h} hypothetical-set
 * @param transSpace {@code aggtransspace}, 0 for the default
 * @param initCond  null when the initial state is null
 * @param finalFn   null when none
 * @param combineFn null when none (so are the serial functions)
 * @param moving    null when the aggregate has no moving-aggregate mode
 * @param sortOp    {@code OPERATOR(schema.name)}, null when none
 * @param parallel  {@code s}, {@code r} or {@code u}
 */
public record Aggregate(ObjectId id, String schema, Signature signature, char aggKind, String transFn,
        String transType, int transSpace, @Nullable String initCond, @Nullable Final finalFn,
        @Nullable String combineFn, @Nullable String serialFn, @Nullable String deserialFn,
        @Nullable Moving moving, @Nullable String sortOp, char parallel, Ownership ownership,
        @Nullable String comment, Components components) implements FamilyObject {

    /**
     * A final function.
     *
     * @param modify {@code r} READ_ONLY, {@code s} SHAREABLE, {@code w} READ_WRITE (servers before 11: the default)
     */
    public record Final(String fn, boolean extra, char modify) {
    }

    /** The moving-aggregate mode: MSFUNC, MINVFUNC, MSTYPE, MSSPACE, MINITCOND and MFINALFUNC. */
    public record Moving(String transFn, String invTransFn, String transType, int transSpace,
            @Nullable String initCond, @Nullable Final finalFn) {
    }

    /** What FINALFUNC_MODIFY means when not given: READ_ONLY for normal aggregates, READ_WRITE otherwise. */
    public char defaultModify() {
        return aggKind == 'n' ? 'r' : 'w';
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.AGG;
    }

    @Override
    public String sortName() {
        return signature.name();
    }

    @Override
    public String tiebreak() {
        return signature.tiebreak();
    }
}
