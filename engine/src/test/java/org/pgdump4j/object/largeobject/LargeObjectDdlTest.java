package org.pgdump4j.object.largeobject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.largeobject.LargeObject;
import org.pgdump4j.model.largeobject.LargeObjectGroup;
import org.pgdump4j.object.RecordingSink;

class LargeObjectDdlTest {
    private static final List<String> BASE = List.of("alice=rw/alice");

    private static LargeObject lo(long oid, String owner, List<String> acl) {
        return new LargeObject(oid, new Ownership(owner, acl, BASE), oid % 2 == 0 ? "even " + oid : null);
    }

    @Test
    void neighboursWithEqualOwnerAndPrivilegesShareAGroupOfAtMostAThousand() {
        List<LargeObject> los = new ArrayList<>();
        for (long oid = 1; oid <= 1001; oid++) {
            los.add(lo(oid, "alice", null));
        }
        los.add(lo(2000, "alice", List.of("alice=rw/alice", "bob=r/alice")));
        los.add(lo(2001, "bob", List.of("alice=rw/alice", "bob=r/alice")));
        List<LargeObjectGroup> groups = LargeObjectReader.groups(los);
        assertEquals(List.of("1..1000", "1001", "2000", "2001"),
                groups.stream().map(LargeObjectGroup::tag).toList());
        assertEquals(new ObjectId(ObjectId.PG_LARGEOBJECT, 1), groups.get(0).id());
        assertEquals("bob", groups.get(3).owner());
    }

    @Test
    void metadataListsTheOidsOneALine() {
        var g = new LargeObjectGroup(List.of(lo(7, "alice", null), lo(9, "alice", null)), Components.ALL);
        assertEquals("7\n9\n", LargeObjectDdl.metadata(g));
        assertEquals("7..9", g.tag());
    }

    @Test
    void emitsMetadataEachCommentThenTheGroupsPrivileges() {
        List<String> acl = List.of("alice=rw/alice", "bob=r/alice");
        var g = new LargeObjectGroup(List.of(lo(7, "alice", acl), lo(8, "alice", acl)), Components.ALL);
        RecordingSink sink = new RecordingSink();
        LargeObjectEmitter.emit(g, sink);
        assertEquals(List.of(
                "definition BLOB METADATA | 7..8 | null | alice | 7\n8\n | -- dummy",
                "comment LARGE OBJECT | 7 | null | alice | null",
                "labels of 2613/7 LARGE OBJECT | 7 | null | alice",
                "comment LARGE OBJECT | 8 | null | alice | even 8",
                "labels of 2613/8 LARGE OBJECT | 8 | null | alice",
                "acl LARGE OBJECT | 7 | null | [alice=rw/alice, bob=r/alice] | LARGE OBJECTS 7..8"), sink.calls());
    }
}
