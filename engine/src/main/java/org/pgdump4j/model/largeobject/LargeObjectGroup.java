package org.pgdump4j.model.largeobject;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * Large objects sharing owner and privileges, at most pg_dump's MAX_BLOBS_PER_ARCHIVE_ENTRY of them, written as one
 * BLOB METADATA entry (and one BLOBS data entry), as pg_dump's getLOs groups them into one LoInfo.
 *
 * @param members in OID order; never empty
 */
public record LargeObjectGroup(List<LargeObject> members, Components components) implements FamilyObject {
    public LargeObjectGroup {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a large object group needs a member");
        }
    }

    /** The first member's: pg_dump's catalog id of the group. */
    @Override
    public ObjectId id() {
        return new ObjectId(ObjectId.PG_LARGEOBJECT, members.get(0).oid());
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.LARGE_OBJECT;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }

    /** The entries' tag: the OID, or the first and last OIDs joined by "..". */
    public String tag() {
        long first = members.get(0).oid();
        long last = members.get(members.size() - 1).oid();
        return members.size() == 1 ? Long.toString(first) : first + ".." + last;
    }

    @Override
    public String sortName() {
        return tag();
    }

    public String owner() {
        return members.get(0).ownership().owner();
    }
}
