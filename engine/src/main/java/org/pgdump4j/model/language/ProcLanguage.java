package org.pgdump4j.model.language;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;

/**
 * A procedural language (pg_dump's ProcLangInfo).
 *
 * @param functions its handler, inline handler and validator, when the dump holds them all (pg_dump then writes
 *                  them out); null when it does not, and pg_dump writes the parameterless
 *                  {@code CREATE OR REPLACE PROCEDURAL LANGUAGE}
 */
public record ProcLanguage(ObjectId id, String name, boolean trusted, @Nullable Handlers functions,
        Ownership ownership, @Nullable String comment, Components components) implements FamilyObject {

    /** Qualified function names, no argument lists; inline and validator null when the language has none. */
    public record Handlers(String handler, @Nullable String inline, @Nullable String validator) {
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.PROCLANG;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }

    @Override
    public String sortName() {
        return name;
    }
}
