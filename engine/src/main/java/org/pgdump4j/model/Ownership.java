package org.pgdump4j.model;

import java.util.HashSet;
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

    /**
     * Whether the privileges differ from the baseline, as sets of aclitems. A NULL ACL is the built-in default and
     * counts as unchanged, as pg_dump's buildACLCommands writes nothing for it.
     */
    public boolean changed() {
        return acl != null && !new HashSet<>(acl).equals(new HashSet<>(baseline));
    }
}
