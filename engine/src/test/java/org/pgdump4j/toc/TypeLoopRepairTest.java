package org.pgdump4j.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Dependencies;
import org.pgdump4j.model.Catalog;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.Database;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.ServerInfo;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.model.type.DomainConstraint;
import org.pgdump4j.model.type.ShellType;
import org.pgdump4j.model.type.TypeBody;
import org.pgdump4j.model.type.UserType;
import org.pgdump4j.object.Families;

/**
 * The sort's repairs for types (pg_dump_sort.c): a base type and its I/O functions (repairTypeFuncLoop: the
 * functions depend on the shell type, which is then written), and a domain's CHECK whose dependencies lead back to
 * the domain (repairDomainConstraintMultiLoop: written on its own).
 */
class TypeLoopRepairTest {
    private static final ObjectId NSP = new ObjectId(ObjectId.PG_NAMESPACE, 16400);
    private static final Ownership OWN = new Ownership("alice", null, List.of("alice=U/alice"));

    /** A function as the routines family will read it: only what the sort needs. */
    private record Func(ObjectId id, String name, Components components) implements FamilyObject {
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
    }

    private static List<String> build(List<FamilyObject> objects, Map<ObjectId, Set<ObjectId>> deps) {
        return entries(objects, deps).stream().map(e -> e.desc() + " " + e.names().tag() + " " + e.catalogId().oid())
                .toList();
    }

    private static List<TocEntry> entries(List<FamilyObject> objects, Map<ObjectId, Set<ObjectId>> deps) {
        Catalog cat = new Catalog(new Database(new ObjectId(ObjectId.PG_DATABASE, 1), "db", OWN, "", List.of(), null),
                new ServerInfo("18.1", 180001, "UTF8", true), withSchema(objects), Dependencies.of(deps));
        BuiltToc built = TocBuilder.build(cat, new TocBuilder.Content(true, true, true, true),
                new ArchiveInfo("db", "18.1", "18", ZonedDateTime.now()), (o, sink) -> {
                    if (o instanceof Func f) {
                        sink.definition(EntryKind.FUNCTION, f.name() + "()", "s", "alice", "CREATE FUNCTION;\n", "");
                    } else {
                        Families.INSTANCE.emit(o, sink);
                    }
                });
        return built.toc().entries().stream().filter(e -> !e.desc().matches("ENCODING|STDSTRINGS|SEARCHPATH|DATABASE"))
                .toList();
    }

    private static List<FamilyObject> withSchema(List<FamilyObject> objects) {
        List<FamilyObject> out = new java.util.ArrayList<>();
        out.add(new Schema(NSP, "s", OWN, null, true, true, Components.ALL));
        out.addAll(objects);
        return out;
    }

    private static TypeBody.Base base() {
        return new TypeBody.Base(4, "s.myin", "s.myout", null, null, null, null, null, null, false, null, null, 'U',
                false, ',', 'i', 'p', true);
    }

    @Test
    void ioFunctionsGoBetweenTheShellTypeAndTheType() {
        ObjectId type = new ObjectId(UserType.PG_TYPE, 16500);
        ObjectId in = new ObjectId(1255, 16501);
        ObjectId out = new ObjectId(1255, 16502);
        List<FamilyObject> objects = List.of(
                new UserType(type, "s", "mytype", OWN, null, Components.ALL, base()),
                new ShellType(type, "s", "mytype", "alice"),
                new Func(in, "myin", Components.ALL), new Func(out, "myout", Components.ALL));
        Map<ObjectId, Set<ObjectId>> deps = Map.of(type, Set.of(NSP, in, out), in, Set.of(NSP, type),
                out, Set.of(NSP, type));
        assertEquals(List.of("SCHEMA s 16400", "SHELL TYPE mytype 0", "FUNCTION myin() 16501",
                "FUNCTION myout() 16502", "TYPE mytype 16500"), build(objects, deps));
    }

    @Test
    void shellTypeIsNotWrittenWhenNoFunctionNeedsIt() {
        ObjectId type = new ObjectId(UserType.PG_TYPE, 16500);
        ObjectId in = new ObjectId(1255, 16501);
        List<FamilyObject> objects = List.of(
                new UserType(type, "s", "mytype", OWN, null, Components.ALL, base()),
                new ShellType(type, "s", "mytype", "alice"), new Func(in, "myin", Components.NONE));
        Map<ObjectId, Set<ObjectId>> deps = Map.of(type, Set.of(NSP, in), in, Set.of(NSP, type));
        assertEquals(List.of("SCHEMA s 16400", "TYPE mytype 16500"), build(objects, deps));
    }

    @Test
    void domainCheckLeadingBackToItsDomainIsWrittenOnItsOwn() {
        ObjectId d = new ObjectId(UserType.PG_TYPE, 16600);
        ObjectId d2 = new ObjectId(UserType.PG_TYPE, 16601);
        ObjectId loopy = new ObjectId(ObjectId.PG_CONSTRAINT, 16602);
        ObjectId plain = new ObjectId(ObjectId.PG_CONSTRAINT, 16603);
        var loopyCheck = new TypeBody.DomainCheck(loopy, "loopy", "CHECK (((VALUE)::s.d2 IS NOT NULL))", true, null);
        var plainCheck = new TypeBody.DomainCheck(plain, "plain", "CHECK ((VALUE > 0))", true, null);
        List<FamilyObject> objects = List.of(
                new UserType(d, "s", "d", OWN, null, Components.ALL,
                        new TypeBody.Domain("integer", null, null, null, List.of(loopyCheck, plainCheck))),
                new UserType(d2, "s", "d2", OWN, null, Components.ALL,
                        new TypeBody.Domain("s.d", null, null, null, List.of())),
                new DomainConstraint(loopy, d, "s", "d", "loopy", loopyCheck.definition(), true, "alice", null,
                        Components.ALL),
                new DomainConstraint(plain, d, "s", "d", "plain", plainCheck.definition(), true, "alice", null,
                        Components.ALL));
        Map<ObjectId, Set<ObjectId>> deps = Map.of(d, Set.of(NSP), d2, Set.of(NSP, d), loopy, Set.of(d, d2),
                plain, Set.of(d));
        assertEquals(List.of("SCHEMA s 16400", "DOMAIN d 16600", "DOMAIN d2 16601", "CHECK CONSTRAINT d loopy 16602"),
                build(objects, deps));
        assertEquals("CREATE DOMAIN s.d AS integer\n\tCONSTRAINT plain CHECK ((VALUE > 0));\n",
                entries(objects, deps).get(1).sql().definition());
    }
}
