package org.pgdump4j.model.defaultacl;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * One pg_default_acl row (pg_dump's DefaultACLInfo): the privileges {@code role} gives objects it creates.
 *
 * @param schema   the schema the entry is limited to, or null for a global entry
 * @param objType  pg_default_acl.defaclobjtype: 'r' tables, 'S' sequences, 'f' functions, 'T' types, 'n' schemas,
 *                 'L' large objects (18)
 * @param acl      the aclitem[] items as text
 * @param baseline what the ACL is compared with: acldefault() for a global entry (it replaces the built-in
 *                 default), empty for a per-schema one (it can only add)
 */
public record DefaultAcl(ObjectId id, String role, @Nullable String schema, char objType, List<String> acl,
        List<String> baseline, Components components) implements FamilyObject {
    public DefaultAcl {
        acl = List.copyOf(acl);
        baseline = List.copyOf(baseline);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.DEFAULT_ACL;
    }

    /** pg_dump names the object by its defaclobjtype letter. */
    @Override
    public String sortName() {
        return String.valueOf(objType);
    }

    /** pg_dump_sort.c orders default ACLs of one schema and object type by role name. */
    @Override
    public String tiebreak() {
        return role;
    }
}
