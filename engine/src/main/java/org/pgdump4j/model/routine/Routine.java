package org.pgdump4j.model.routine;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;

/**
 * A function, procedure or window function (pg_dump's FuncInfo with what dumpFunc reads), version differences
 * already smoothed away by the reader.
 *
 * @param prokind        {@code f} function, {@code p} procedure, {@code w} window function
 * @param result         {@code pg_get_function_result}; null for a procedure
 * @param transformTypes {@code format_type} of each {@code protrftypes} entry
 * @param volatility     {@code i}, {@code s} or {@code v}
 * @param cost           {@code procost} as the server prints it
 * @param rows           {@code prorows} as the server prints it
 * @param support        the support function as {@code regproc} prints it, null for none
 * @param parallel       {@code s}, {@code r} or {@code u}
 * @param config         {@code proconfig} items, {@code name=value}
 * @param body           how the routine's code is written
 * @param extensions     extensions the routine is marked to depend on (ALTER ... DEPENDS ON EXTENSION)
 */
public record Routine(ObjectId id, String schema, Signature signature, char prokind, @Nullable String result,
        boolean returnsSet, String language, List<String> transformTypes, char volatility, boolean strict,
        boolean securityDefiner, boolean leakproof, String cost, String rows, @Nullable String support,
        char parallel, List<String> config, Body body, List<String> extensions, Ownership ownership,
        @Nullable String comment, Components components) implements FamilyObject {

    /** The routine's code: a SQL-standard body (14+), or prosrc with probin for C functions. */
    public sealed interface Body {
    }

    /** {@code pg_get_function_sqlbody}: {@code RETURN ...} or {@code BEGIN ATOMIC ... END}. */
    public record SqlBody(String text) implements Body {
    }

    /** {@code prosrc}, and {@code probin} ("" when none: every language but C). */
    public record Source(String src, String bin) implements Body {
    }

    public Routine {
        transformTypes = List.copyOf(transformTypes);
        config = List.copyOf(config);
        extensions = List.copyOf(extensions);
    }

    public boolean isProcedure() {
        return prokind == 'p';
    }

    /** FUNCTION or PROCEDURE: the keyword of every statement and the TOC desc (window functions are functions). */
    public String keyword() {
        return isProcedure() ? "PROCEDURE" : "FUNCTION";
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.FUNC;
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
