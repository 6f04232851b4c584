package org.pgdump4j.model;

import org.jspecify.annotations.Nullable;

/** A large object's metadata; its contents are read while the data is written. */
public record LargeObject(long oid, Ownership ownership, @Nullable String comment) {
}
