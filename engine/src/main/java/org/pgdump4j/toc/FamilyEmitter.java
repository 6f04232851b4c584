package org.pgdump4j.toc;

import org.pgdump4j.model.FamilyObject;

/** Writes the entries of one family object (pg_dump's dumpXxx): an exhaustive switch over its kind. */
@FunctionalInterface
public interface FamilyEmitter {
    void emit(FamilyObject object, EntrySink sink);
}
