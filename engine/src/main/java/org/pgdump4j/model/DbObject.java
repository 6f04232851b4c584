package org.pgdump4j.model;

/** Every object kind the model knows. Records refer to each other by {@link ObjectId}, never by reference. */
public sealed interface DbObject permits FamilyObject {
    ObjectId id();
}
