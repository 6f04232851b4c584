package org.pgdump4j.model.largeobject;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Ownership;

/** A large object's metadata; its contents are read while the data is written. */
public record LargeObject(long oid, Ownership ownership, @Nullable String comment) {
}
