package org.pgdump4j.model;

import org.jspecify.annotations.Nullable;

/**
 * A schema.
 *
 * @param create false for a schema that exists in every database (public) and is only dumped for its
 *               comment or privileges
 */
public record Schema(ObjectId id, String name, Ownership ownership, @Nullable String comment, boolean create)
        implements DbObject {
}
