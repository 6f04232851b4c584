package org.pgdump4j.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Owner and privileges of an object.
 *
 * @param acl      the aclitem[] items; null when the catalog holds NULL (the built-in default privileges)
 * @param baseline what the ACL is compared with: pg_init_privs if present, else acldefault() for the owner
 */
public record Ownership(String owner, @Nullable List<String> acl, List<String> baseline) {
    public Ownership {
        Objects.requireNonNull(owner, "owner");
        acl = acl == null ? null : List.copyOf(acl);
        baseline = List.copyOf(baseline);
    }
}
