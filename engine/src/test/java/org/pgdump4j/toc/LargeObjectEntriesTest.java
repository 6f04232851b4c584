package org.pgdump4j.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Dependencies;
import org.pgdump4j.model.Catalog;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.Database;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.ServerInfo;
import org.pgdump4j.model.largeobject.LargeObject;
import org.pgdump4j.model.largeobject.LargeObjectGroup;
import org.pgdump4j.object.Families;

/**
 * Large objects through the assembler: the group's metadata, each member's comment and the group's privileges,
 * then its BLOBS data entry; with -a too (pg_dump writes large objects' metadata with their contents).
 */
class LargeObjectEntriesTest {
    private static final Ownership OWN = new Ownership("alice", List.of("alice=rw/alice", "bob=r/alice"),
            List.of("alice=rw/alice"));

    private static List<String> entries(boolean schema) {
        return entries(schema, List.of(new LargeObject(16400, OWN, "first"), new LargeObject(16401, OWN, null)));
    }

    private static List<String> entries(boolean schema, List<LargeObject> members) {
        List<FamilyObject> objects = List.of(new LargeObjectGroup(members, Components.ALL));
        Catalog cat = new Catalog(new Database(new ObjectId(ObjectId.PG_DATABASE, 1), "db", OWN, "", List.of(), null),
                new ServerInfo("18.1", 180001, "UTF8", true), objects, Dependencies.NONE);
        BuiltToc built = TocBuilder.build(cat, new TocBuilder.Content(schema, true, true, true),
                new ArchiveInfo("db", "18.1", "18", ZonedDateTime.now()), Families.INSTANCE);
        return built.toc().entries().stream().filter(e -> !e.desc().matches("ENCODING|STDSTRINGS|SEARCHPATH|DATABASE"))
                .map(e -> e.desc() + " " + e.tag() + " " + e.catalogId().oid() + " " + e.dependencies()).toList();
    }

    @Test
    void metadataCommentsPrivilegesThenContents() {
        List<String> all = entries(true);
        assertEquals(List.of("BLOB METADATA 16400..16401 16400 []", "COMMENT LARGE OBJECT 16400 0 [1]",
                "ACL LARGE OBJECTS 16400..16401 0 [1]", "BLOBS 16400..16401 0 [1]"), all);
    }

    /** A group of one: its privileges are tagged as the object's own (dumpLO's tag only for several). */
    @Test
    void aLoneLargeObjectsPrivilegesAreTaggedAsItsOwn() {
        assertEquals(List.of("BLOB METADATA 16400 16400 []", "COMMENT LARGE OBJECT 16400 0 [1]",
                "ACL LARGE OBJECT 16400 0 [1]", "BLOBS 16400 0 [1]"),
                entries(true, List.of(new LargeObject(16400, OWN, "first"))));
    }

    @Test
    void dataOnlyKeepsTheMetadata() {
        assertEquals(entries(true), entries(false));
    }
}
