package org.pgdump4j.dumpall;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Privileges granted on one configuration parameter (pg_parameter_acl, 15+), owned by the bootstrap superuser.
 *
 * @param acl      {@code paracl}; null when NULL
 * @param baseline {@code acldefault('p', 10)}: what the ACL is compared with
 */
public record ParameterAcl(String name, String owner, @Nullable List<String> acl, List<String> baseline) {
    public ParameterAcl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        acl = acl == null ? null : List.copyOf(acl);
        baseline = List.copyOf(baseline);
    }
}
