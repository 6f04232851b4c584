package org.pgdump4j.model.type;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.ObjectId;

/** What defines a type, per pg_type.typtype, as pg_dump's dumpBaseType, dumpEnumType... read it. */
public sealed interface TypeBody {
    /** A type whose definition is not written (built-in, or its schema is not dumped). */
    record NotRead() implements TypeBody {
    }

    /** typtype 'p' and not typisdefined: {@code CREATE TYPE x;} made by hand and never filled in. */
    record Undefined() implements TypeBody {
    }

    /** {@code CREATE TYPE x AS ENUM}, labels in enumsortorder. */
    record Enumerated(List<String> labels) implements TypeBody {
        public Enumerated {
            labels = List.copyOf(labels);
        }
    }

    /** {@code CREATE TYPE x AS (...)}; dropped attributes are left out. */
    record Composite(List<Attribute> attributes) implements TypeBody {
        public Composite {
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * One attribute of a composite type.
     *
     * @param type      format_type's text
     * @param collation the qualified, quoted collation when it is not the type's default, else null
     */
    record Attribute(String name, String type, @Nullable String collation, @Nullable String comment) {
    }

    /**
     * {@code CREATE TYPE x AS RANGE (...)}.
     *
     * @param multirange format_type of the multirange (servers 14+), else null
     * @param opclass    the qualified, quoted operator class when it is not the subtype's default, else null
     * @param canonical  regproc text, null for none
     * @param subtypeDiff regproc text, null for none
     */
    record Range(String subtype, @Nullable String multirange, @Nullable String opclass, @Nullable String collation,
            @Nullable String canonical, @Nullable String subtypeDiff) implements TypeBody {
    }

    /**
     * {@code CREATE DOMAIN}.
     *
     * @param collation    quoted, qualified, when it differs from the base type's
     * @param notNull      the NOT NULL constraint, null when the domain has none
     * @param defaultValue the DEFAULT text as written (an expression, or a quoted literal), null for none
     * @param checks       every CHECK constraint, by name; the validated ones are written inline
     */
    record Domain(String baseType, @Nullable String collation, @Nullable NotNull notNull,
            @Nullable String defaultValue, List<DomainCheck> checks) implements TypeBody {
        public Domain {
            checks = List.copyOf(checks);
        }
    }

    /**
     * A domain's NOT NULL.
     *
     * @param name    the constraint's name (servers 17+ keep NOT NULL as a named constraint), else null
     * @param comment its comment (servers 17+)
     */
    record NotNull(@Nullable String name, @Nullable String comment) {
    }

    /** A domain CHECK constraint: pg_get_constraintdef's text (with NOT VALID when not validated). */
    record DomainCheck(ObjectId id, String name, String definition, boolean validated, @Nullable String comment) {
    }

    /**
     * {@code CREATE TYPE x (INPUT = ..., ...)}: the server's own texts (regproc, format_type), and the raw
     * catalog letters.
     *
     * @param length       typlen, -1 for variable
     * @param receive      regproc text or null; likewise send, typmodIn, typmodOut, analyze, subscript
     * @param element      format_type of typelem, or null
     * @param defaultValue DEFAULT as written (expression, or quoted literal), or null
     */
    record Base(int length, String input, String output, @Nullable String receive, @Nullable String send,
            @Nullable String typmodIn, @Nullable String typmodOut, @Nullable String analyze,
            @Nullable String subscript, boolean collatable, @Nullable String defaultValue, @Nullable String element,
            char category, boolean preferred, char delimiter, char align, char storage, boolean byValue)
            implements TypeBody {
    }
}
