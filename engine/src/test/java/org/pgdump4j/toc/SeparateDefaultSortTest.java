package org.pgdump4j.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Catalog;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.Database;
import org.pgdump4j.model.Dependencies;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.ServerInfo;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.Lineage;
import org.pgdump4j.model.relation.Table;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.object.Families;

/**
 * A column default written on its own (pg_dump_sort.c's repairTableAttrDefMultiLoop: its function reads the table)
 * is a sort item keyed by table and column; a dependency naming the default's pg_attrdef id must reach that item,
 * as pg_dump's dependency on the ATTRDEF object's dump id does.
 */
class SeparateDefaultSortTest {
    private static final ObjectId NSP = new ObjectId(ObjectId.PG_NAMESPACE, 16400);
    private static final ObjectId TABLE = ObjectId.relation(16500);
    private static final ObjectId DEFAULT = new ObjectId(ObjectId.PG_ATTRDEF, 16501);
    private static final ObjectId F = new ObjectId(1255, 16502);
    private static final ObjectId G = new ObjectId(1255, 16503);
    private static final Ownership OWN = new Ownership("alice", null, List.of("alice=arwdDxtm/alice"));

    /** A function as the routines family reads it: only what the sort needs. */
    private record Func(ObjectId id, String name) implements FamilyObject {
        @Override
        public ObjectKind kind() {
            return ObjectKind.FUNC;
        }

        @Override
        public String schema() {
            return "s";
        }

        @Override
        public String sortName() {
            return name;
        }

        @Override
        public Components components() {
            return Components.ALL;
        }
    }

    @Test
    void whatNeedsASeparateDefaultFollowsIt() {
        Table t = new Table(TABLE, new QualifiedName("s", "t"), OWN, "", "heap", 'p', List.of(),
                List.of(new Column(1, "id", "integer", 23, false, "", "s.f()", DEFAULT, '\0', '\0', null, null, null)),
                null, List.of(), null, Components.ALL, Lineage.NONE, TableFeatures.NONE, false);
        // the default calls f, f reads t: the default is written after both; g needs the default
        Map<ObjectId, Set<ObjectId>> deps = Map.of(TABLE, Set.of(NSP), DEFAULT, Set.of(F, TABLE), F, Set.of(NSP, TABLE),
                G, Set.of(NSP, DEFAULT));
        assertEquals(List.of("SCHEMA s", "TABLE t", "FUNCTION f()", "DEFAULT t id", "FUNCTION g()",
                "TABLE DATA t"),
                build(List.of(t, new Func(F, "f"), new Func(G, "g")), deps));
    }

    private static List<String> build(List<FamilyObject> objects, Map<ObjectId, Set<ObjectId>> deps) {
        List<FamilyObject> all = new ArrayList<>();
        all.add(new Schema(NSP, "s", OWN, null, true, true, Components.ALL));
        all.addAll(objects);
        Catalog cat = new Catalog(new Database(new ObjectId(ObjectId.PG_DATABASE, 1), "db", OWN, "", List.of(), null),
                new ServerInfo("18.1", 180001, "UTF8", true), all, Dependencies.of(deps));
        BuiltToc built = TocBuilder.build(cat, new TocBuilder.Content(true, true, true, true),
                new ArchiveInfo("db", "18.1", "18", ZonedDateTime.now()), (o, sink) -> {
                    if (o instanceof Func f) {
                        sink.definition(EntryKind.FUNCTION, f.name() + "()", "s", "alice", "CREATE FUNCTION;\n", "");
                    } else {
                        Families.INSTANCE.emit(o, sink);
                    }
                });
        return built.toc().entries().stream().filter(e -> !e.desc().matches("ENCODING|STDSTRINGS|SEARCHPATH|DATABASE"))
                .filter(e -> !e.desc().equals("ACL")).map(e -> e.desc() + " " + e.names().tag()).toList();
    }
}
