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
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.model.seclabel.SecurityLabel;
import org.pgdump4j.model.seclabel.SecurityLabels;
import org.pgdump4j.object.Families;

/**
 * Security labels through the assembler: one SECURITY LABEL entry per labelled object, after its comment and before
 * its privileges, depending on the object; the database's after its comment; a large object's per member, with its
 * data; none for an object whose components leave labels out.
 */
class SecurityLabelEntriesTest {
    private static final Ownership OWN = new Ownership("alice", List.of("alice=UC/alice", "bob=U/alice"),
            List.of("alice=UC/alice"));
    private static final ObjectId APP = new ObjectId(ObjectId.PG_NAMESPACE, 16390);
    private static final ObjectId MEMBER = new ObjectId(ObjectId.PG_NAMESPACE, 16391);
    private static final ObjectId DB = new ObjectId(ObjectId.PG_DATABASE, 1);

    private static List<String> entries(boolean schema) {
        List<FamilyObject> objects = List.of(
                new Schema(APP, "app", OWN, "the app", true, true, Components.ALL),
                new Schema(MEMBER, "Other", OWN, null, true, true, Components.ALL.without(Components.SECLABEL)),
                new LargeObjectGroup(List.of(new LargeObject(16400, OWN, "first"), new LargeObject(16401, OWN, null)),
                        Components.ALL));
        SecurityLabels labels = SecurityLabels.of(Map.of(
                APP, List.of(new SecurityLabel(0, "zeta", "z"), new SecurityLabel(0, "My Prov", "it's")),
                MEMBER, List.of(new SecurityLabel(0, "p", "left out")),
                new ObjectId(ObjectId.PG_LARGEOBJECT, 16401), List.of(new SecurityLabel(0, "p", "lo"))));
        Database db = new Database(DB, "My DB", OWN, "", List.of(), "dbc", List.of(new SecurityLabel(0, "p", "d")));
        Catalog cat = new Catalog(db, new ServerInfo("18.1", 180001, "UTF8", true), objects, Dependencies.NONE, labels);
        BuiltToc built = TocBuilder.build(cat, new TocBuilder.Content(schema, true, true, true),
                new ArchiveInfo("db", "18.1", "18", ZonedDateTime.now()), Families.INSTANCE);
        return built.toc().entries().stream().filter(e -> !e.desc().matches("ENCODING|STDSTRINGS|SEARCHPATH"))
                .map(e -> e.dumpId() + " " + e.desc() + " " + e.tag() + " [" + e.namespace() + "] " + e.owner() + " "
                        + e.dependencies() + (e.desc().equals("SECURITY LABEL") ? "\n" + e.definition() : ""))
                .toList();
    }

    @Test
    void afterTheCommentBeforeThePrivilegesDependingOnTheObject() {
        assertEquals(List.of(
                "8 DATABASE My DB [null] alice []",
                "9 COMMENT DATABASE \"My DB\" [null] alice [8]",
                "10 SECURITY LABEL DATABASE \"My DB\" [null] alice [8]\n"
                        + "SECURITY LABEL FOR p ON DATABASE \"My DB\" IS 'd';\n",
                "2 SCHEMA Other [null] alice []",
                "11 ACL SCHEMA \"Other\" [null] alice [2]",
                "1 SCHEMA app [null] alice []",
                "12 COMMENT SCHEMA app [null] alice [1]",
                "13 SECURITY LABEL SCHEMA app [null] alice [1]\n"
                        + "SECURITY LABEL FOR zeta ON SCHEMA app IS 'z';\n"
                        + "SECURITY LABEL FOR \"My Prov\" ON SCHEMA app IS 'it''s';\n",
                "14 ACL SCHEMA app [null] alice [1]",
                "3 BLOB METADATA 16400..16401 [null] alice []",
                "15 COMMENT LARGE OBJECT 16400 [null] alice [3]",
                "16 SECURITY LABEL LARGE OBJECT 16401 [null] alice [3]\n"
                        + "SECURITY LABEL FOR p ON LARGE OBJECT 16401 IS 'lo';\n",
                "4 BLOBS 16400..16401 [null] alice [3]"), entries(true));
    }

    @Test
    void dataOnlyKeepsOnlyTheLargeObjectsLabels() {
        List<String> labels = entries(false).stream().filter(e -> e.contains(" SECURITY LABEL ")).toList();
        assertEquals(List.of("10 SECURITY LABEL LARGE OBJECT 16401 [null] alice [3]\n"
                + "SECURITY LABEL FOR p ON LARGE OBJECT 16401 IS 'lo';\n"), labels);
    }
}
