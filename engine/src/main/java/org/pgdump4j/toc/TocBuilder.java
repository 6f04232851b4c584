package org.pgdump4j.toc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ddl.AclDdl;
import org.pgdump4j.ddl.RelationDdl;
import org.pgdump4j.model.Catalog;
import org.pgdump4j.model.Column;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.Constraint;
import org.pgdump4j.model.DbObject;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.Index;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.Sequence;
import org.pgdump4j.model.Table;
import org.pgdump4j.model.View;
import org.pgdump4j.model.largeobject.LargeObjectGroup;
import org.pgdump4j.model.type.ShellType;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.DumpSorter.Item;
import org.pgdump4j.toc.TocEntry.EntryNames;
import org.pgdump4j.toc.TocEntry.EntrySql;

/**
 * Turns a catalog into the ordered TOC pg_dump would write: sort the objects, then emit each object's entries
 * (definition, then its comments, then its privileges) in sorted order. Single-threaded; one instance per dump.
 */
public final class TocBuilder {
    /** What goes into the TOC. */
    public record Content(boolean schema, boolean data, boolean comments, boolean privileges) {
    }

    private final Catalog cat;
    private final Content content;
    private final FamilyEmitter families;
    private final Consumer<String> warnings;
    private final Map<ObjectId, DbObject> objects;
    private final Map<ObjectId, ObjectId> indexToConstraint = new HashMap<>();
    private final Map<ObjectId, ObjectId> inlineDefaultToTable = new HashMap<>();
    private final Set<ObjectId> separateDefaults = new HashSet<>();
    private final Set<ObjectId> placeholders = new HashSet<>();
    private final Map<ObjectId, List<Constraint>> inlineChecks = new HashMap<>();
    private final Map<Object, Integer> dumpIds;
    private final List<TocEntry> entries = new ArrayList<>();
    private final Map<Integer, TableCopy> copyOut = new LinkedHashMap<>();
    private int nextDumpId = 1;
    /** Family objects written inside another's definition (a domain's CHECK), by the object they are part of. */
    private final Map<ObjectId, ObjectId> inlineParts = new HashMap<>();
    private final Map<ObjectId, List<ObjectId>> partsOf = new HashMap<>();
    /** pg_dump_sort.c's loop repairs: what the sort changed for the emitter. */
    private final LoopRepairs repairs;

    private TocBuilder(Catalog cat, Content content, FamilyEmitter families, Consumer<String> warnings) {
        this.cat = cat;
        this.content = content;
        this.families = families;
        this.warnings = warnings;
        // presized: a catalog of many tables fills these with hundreds of thousands of entries
        int count = cat.tables().size() + cat.views().size() + cat.sequences().size() + cat.indexes().size()
                + cat.constraints().size() + cat.objects().size();
        this.objects = new HashMap<>(count * 4 / 3 + 16);
        this.dumpIds = new HashMap<>((count + cat.unselected().size()) * 2 + 16);
        this.repairs = new LoopRepairs(objects);
    }

    /**
     * @param families writes the entries of the catalog's family objects (types, routines, operators...)
     * @param warnings gets what pg_dump prints as {@code pg_dump: warning: ...} while building its TOC
     */
    public static BuiltToc build(Catalog cat, Content content, ArchiveInfo info, FamilyEmitter families,
            Consumer<String> warnings) {
        return new TocBuilder(cat, content, families, warnings).run(info);
    }

    /** A build whose warnings fail it: for tests, where a warning is never expected. */
    public static BuiltToc build(Catalog cat, Content content, ArchiveInfo info, FamilyEmitter families) {
        return build(cat, content, info, families, w -> {
            throw new IllegalStateException("unexpected warning: " + w);
        });
    }

    private BuiltToc run(ArchiveInfo info) {
        index();
        List<Item> items = items();
        List<Item> sorted = repairs.sort(items);
        for (Item i : items) {
            dumpIds.put(i.key(), nextDumpId++);
        }
        special();
        for (Item i : sorted) {
            emit(i);
        }
        SectionOrder.check(entries, warnings);
        return new BuiltToc(new Toc(info, entries), copyOut);
    }

    // ---- indexing and dependency folding -------------------------------------------------------------

    private void index() {
        cat.unselected().forEach(u -> placeholders.add(u.id()));
        cat.tables().forEach(o -> objects.put(o.id(), o));
        cat.views().forEach(o -> objects.put(o.id(), o));
        cat.sequences().forEach(o -> objects.put(o.id(), o));
        cat.indexes().forEach(o -> objects.put(o.id(), o));
        cat.objects().forEach(o -> objects.put(o.id(), o));
        for (Constraint k : cat.constraints()) {
            objects.put(k.id(), k);
            if (k.index() != null) {
                indexToConstraint.put(k.index(), k.id());
            }
            if (k.type() == 'c' && k.validated()) {
                inlineChecks.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(k);
            }
        }
        for (FamilyObject o : cat.objects()) {
            ObjectId owner = o.inlineInto();
            // a part whose dependencies lead back to its owner would close a loop: pg_dump_sort.c's
            // repairDomainConstraintMultiLoop then writes it on its own, after the owner
            if (owner != null && objects.containsKey(owner) && !LoopRepairs.reaches(cat.dependencies(), o.id(), owner)) {
                inlineParts.put(o.id(), owner);
                partsOf.computeIfAbsent(owner, k -> new ArrayList<>()).add(o.id());
            }
        }
        for (Table t : cat.tables()) {
            for (Column c : t.columns()) {
                if (c.defaultId() == null || member(t.id())) {
                    continue;
                }
                // A default that needs an object which itself needs the table (a serial's sequence) would make
                // a loop: pg_dump then moves the default into its own ALTER TABLE ... SET DEFAULT entry.
                if (c.generated() == '\0' && LoopRepairs.reaches(cat.dependencies(), c.defaultId(), t.id())) {
                    separateDefaults.add(c.defaultId());
                } else {
                    inlineDefaultToTable.put(c.defaultId(), t.id());
                }
            }
        }
    }

    /** The sort key an object id stands for, or null when that object is not dumped. */
    private @Nullable Object fold(ObjectId id) {
        ObjectId c = indexToConstraint.get(id);
        if (c != null) {
            return c;
        }
        ObjectId t = inlineDefaultToTable.get(id);
        if (t != null) {
            return t;
        }
        ObjectId owner = inlineParts.get(id);
        if (owner != null) {
            return owner;
        }
        return objects.containsKey(id) || separateDefaults.contains(id) || placeholders.contains(id) ? id : null;
    }

    private Set<Object> deps(ObjectId id) {
        Set<Object> out = new HashSet<>();
        for (ObjectId d : cat.dependencies().getOrDefault(id, Set.of())) {
            Object k = fold(d);
            if (k != null && !k.equals(id)) {
                out.add(k);
            }
        }
        return out;
    }

    // ---- sort items --------------------------------------------------------------------------------------

    private record DataKey(ObjectId of) {
    }


    private record DefaultKey(ObjectId table, int column) {
    }

    private List<Item> items() {
        List<Item> items = new ArrayList<>();
        boolean schema = content.schema();
        for (var u : cat.unselected()) {
            items.add(new Item(u.id(), ObjectKind.TABLE, u.schema(), u.name(), "", deps(u.id())));
        }
        for (Table t : cat.tables()) {
            if (member(t.id())) {
                memberItems(items, t.id(), t.name(), ObjectKind.TABLE_DATA);
                continue;
            }
            if (schema) {
                Set<Object> d = deps(t.id());
                for (Column c : t.columns()) {
                    if (c.defaultId() != null && !separateDefaults.contains(c.defaultId())) {
                        d.addAll(deps(c.defaultId()));
                    }
                }
                // As pg_dump: the table needs its CHECK constraints (written inside it), not the other way round.
                for (Constraint k : inlineChecks.getOrDefault(t.id(), List.of())) {
                    Set<Object> kd = deps(k.id());
                    kd.remove(t.id());
                    items.add(new Item(k.id(), ObjectKind.CONSTRAINT, t.name().schema(), k.name(), t.name().name(),
                            kd, true));
                    d.add(k.id());
                }
                d.remove(t.id());
                items.add(new Item(t.id(), ObjectKind.TABLE, t.name().schema(), t.name().name(), "", d));
                for (Column c : t.columns()) {
                    if (c.defaultId() != null && separateDefaults.contains(c.defaultId())) {
                        Set<Object> dd = deps(c.defaultId());
                        dd.add(t.id());
                        items.add(new Item(new DefaultKey(t.id(), c.num()), ObjectKind.ATTRDEF, t.name().schema(),
                                t.name().name(), c.name(), dd));
                    }
                }
            }
            if (content.data()) {
                items.add(new Item(new DataKey(t.id()), ObjectKind.TABLE_DATA, t.name().schema(), t.name().name(),
                        "", schema ? Set.of(t.id()) : Set.of()));
            }
        }
        if (schema) {
            for (View v : cat.views()) {
                if (member(v.id())) {
                    memberItems(items, v.id(), v.name(), null);
                    continue;
                }
                items.add(new Item(v.id(), ObjectKind.TABLE, v.name().schema(), v.name().name(), "", deps(v.id())));
            }
        }
        for (Sequence s : cat.sequences()) {
            if (member(s.id())) {
                memberItems(items, s.id(), s.name(), s.state() == null ? null : ObjectKind.SEQUENCE_SET);
                continue;
            }
            if (schema) {
                items.add(new Item(s.id(), ObjectKind.TABLE, s.name().schema(), s.name().name(), "", deps(s.id())));
            }
            if (content.data() && s.state() != null) {
                items.add(new Item(new DataKey(s.id()), ObjectKind.SEQUENCE_SET, s.name().schema(), s.name().name(),
                        "", schema ? Set.of(s.id()) : Set.of()));
            }
        }
        // every family object, dumped or not: those not dumped keep their place in the sort (pg_dump sorts all)
        for (FamilyObject o : cat.objects()) {
            if (inlineParts.containsKey(o.id())) {
                continue;
            }
            // schemas sort without dependencies (an extension's schema would otherwise loop with it)
            Set<Object> d = o.kind() == ObjectKind.NAMESPACE ? new HashSet<>() : deps(o.id());
            for (ObjectId part : partsOf.getOrDefault(o.id(), List.of())) {
                d.addAll(deps(part));
            }
            if (o.inlineInto() != null && objects.containsKey(o.inlineInto())) {
                d.add(o.inlineInto());
            }
            d.remove(o.id());
            items.add(new Item(o.id(), o.kind(), o.schema(), o.sortName(), o.tiebreak(), d));
            // large objects' contents: the assembler's data entry, after the group's metadata
            if (o instanceof LargeObjectGroup g && g.components().has(Components.DATA)) {
                items.add(new Item(new DataKey(g.id()), ObjectKind.LARGE_OBJECT_DATA, null, g.tag(), "",
                        Set.of(g.id())));
            }
        }
        if (schema) {
            for (Constraint k : cat.constraints()) {
                if (k.type() == 'c' && k.validated()) {
                    continue;
                }
                Table t = (Table) objects.get(k.table());
                ObjectKind p = k.type() == 'f' ? ObjectKind.FK_CONSTRAINT : ObjectKind.CONSTRAINT;
                Set<Object> d = deps(k.id());
                d.add(k.table());
                items.add(new Item(k.id(), p, t.name().schema(), k.name(), t.name().name(), d));
            }
            for (Index i : cat.indexes()) {
                Table t = (Table) objects.get(i.table());
                Set<Object> d = deps(i.id());
                d.add(i.table());
                items.add(new Item(i.id(), ObjectKind.INDEX, t.name().schema(), i.name(), "", d));
            }
        }
        return items;
    }

    private boolean member(ObjectId relation) {
        return cat.extensionRelations().isMember(relation);
    }

    /**
     * An extension's member relation keeps its place in the sort (its entry writes only its changed privileges);
     * a configuration table's or sequence's rows get their data item.
     */
    private void memberItems(List<Item> items, ObjectId id, QualifiedName name, @Nullable ObjectKind dataKind) {
        boolean schema = content.schema();
        if (schema) {
            items.add(new Item(id, ObjectKind.TABLE, name.schema(), name.name(), "", deps(id)));
        }
        if (dataKind != null && content.data()
                && cat.extensionRelations().components().get(id).has(Components.DATA)) {
            items.add(new Item(new DataKey(id), dataKind, name.schema(), name.name(), "",
                    schema ? Set.of(id) : Set.of()));
        }
    }

    // ---- entries -------------------------------------------------------------------------------------------

    private void special() {
        var server = cat.server();
        add(CatalogId.NONE, EntryKind.ENCODING, "ENCODING", null, null,
                "SET client_encoding = " + Sql.literal(server.encoding()) + ";\n", "", List.of());
        add(CatalogId.NONE, EntryKind.STDSTRINGS, "STDSTRINGS", null, null,
                "SET standard_conforming_strings = '" + (server.standardStrings() ? "on" : "off") + "';\n", "",
                List.of());
        add(CatalogId.NONE, EntryKind.SEARCHPATH, "SEARCHPATH", null, null,
                "SELECT pg_catalog.set_config('search_path', '', false);\n", "", List.of());
        if (!content.schema()) {
            return;
        }
        var db = cat.database();
        String qname = Sql.ident(db.name());
        int dbId = add(new CatalogId(ObjectId.PG_DATABASE, db.id().oid()), EntryKind.DATABASE, db.name(), null,
                db.ownership().owner(), "CREATE DATABASE " + qname + db.createOptions() + ";\n",
                "DROP DATABASE " + qname + ";\n", List.of());
        comment("DATABASE " + qname, "DATABASE " + qname, null, db.ownership().owner(), db.comment(), dbId);
        acl("DATABASE", qname, null, null, "DATABASE " + qname, db.ownership(), db.ownership().acl(), dbId);
        if (!db.settings().isEmpty()) {
            add(CatalogId.NONE, EntryKind.DATABASE_PROPERTIES, db.name(), null, db.ownership().owner(),
                    String.join("", db.settings()), "", List.of(dbId));
        }
    }

    /**
     * One entry group per sort item, chosen by its pg_dump object type. The switch names every type, so a type
     * added to {@link ObjectKind} does not compile until it is emitted or listed among those not dumped yet.
     */
    private void emit(Item item) {
        Object key = item.key();
        if (placeholders.contains(key)) {
            return;
        }
        switch (item.kind()) {
            // pg_dump's DO_TABLE: tables, views and sequences alike
            case TABLE -> {
                DbObject o = objects.get((ObjectId) key);
                if (member(o.id())) {
                    memberAcl(o, item);
                } else if (o instanceof Table t) {
                    table(t, item);
                } else if (o instanceof View v) {
                    view(v, item);
                } else {
                    sequence((Sequence) o, item);
                }
            }
            case ATTRDEF -> {
                DefaultKey dk = (DefaultKey) key;
                Table t = (Table) objects.get(dk.table());
                Column c = t.columns().stream().filter(x -> x.num() == dk.column()).findFirst().orElseThrow();
                add(new CatalogId(ObjectId.PG_ATTRDEF, c.defaultId().oid()), EntryKind.DEFAULT,
                        t.name().name() + " " + c.name(), t.name().schema(), t.ownership().owner(),
                        RelationDdl.createDefault(t, c), RelationDdl.dropDefault(t, c), idsOf(item), dumpIds.get(key));
            }
            case TABLE_DATA -> tableData((Table) objects.get(((DataKey) key).of()), item);
            case SEQUENCE_SET -> {
                Sequence s = (Sequence) objects.get(((DataKey) key).of());
                add(CatalogId.NONE, EntryKind.SEQUENCE_SET, s.name().name(), s.name().schema(), s.ownership().owner(),
                        RelationDdl.setval(s), "", idsOf(item));
            }
            case LARGE_OBJECT_DATA -> {
                LargeObjectGroup group = (LargeObjectGroup) objects.get(((DataKey) key).of());
                add(CatalogId.NONE, EntryKind.BLOBS, group.tag(), null, group.owner(), "", "", idsOf(item),
                        dumpIds.get(key), true, null);
            }
            case CONSTRAINT, FK_CONSTRAINT -> {
                DbObject o = objects.get((ObjectId) key);
                if (o instanceof FamilyObject f) {
                    family(f, item);
                } else if (!item.inline()) {
                    constraint((Constraint) o, item);
                }
            }
            case INDEX -> index((Index) objects.get((ObjectId) key), item);
            case RULE -> viewRule((View) objects.get(((LoopRepairs.ViewRuleKey) key).view()), item);
            // the sorter's fences: no entry
            case PRE_DATA_BOUNDARY, POST_DATA_BOUNDARY -> {
            }
            // pg_dump's other object types: each family writes its own (object.Families' switch names them all)
            case NAMESPACE, LARGE_OBJECT, EXTENSION, TYPE, SHELL_TYPE, FUNC, AGG, OPERATOR, ACCESS_METHOD, OPCLASS, OPFAMILY, COLLATION,
                    CONVERSION, TABLE_ATTACH, INDEX_ATTACH, STATSEXT, TRIGGER, PROCLANG, CAST, DUMMY_TYPE,
                    TSPARSER, TSDICT, TSTEMPLATE, TSCONFIG, FDW, FOREIGN_SERVER, DEFAULT_ACL, TRANSFORM,
                    EVENT_TRIGGER, REFRESH_MATVIEW, POLICY, PUBLICATION, PUBLICATION_REL,
                    PUBLICATION_TABLE_IN_SCHEMA, REL_STATS, SUBSCRIPTION, SUBSCRIPTION_REL ->
                    family((FamilyObject) objects.get((ObjectId) key), item);
        }
    }

    private void family(FamilyObject o, Item item) {
        Components components = repairs.components(o);
        if (!components.isEmpty()) {
            families.emit(o, new Sink(o, components, item));
        }
    }

    /** A family object's entries, each written only when the object's components and the content options allow. */
    private final class Sink implements EntrySink {
        private final FamilyObject object;
        private final Components components;
        private final Item item;
        private final int id;
        private final boolean schemaPart;
        private boolean defined;

        Sink(FamilyObject object, Components components, Item item) {
            this.object = object;
            this.components = components;
            this.item = item;
            this.id = dumpIds.get(item.key());
            // pg_dump writes large objects' metadata with their contents, -a or not (dumpLO)
            this.schemaPart = content.schema() || object.kind() == ObjectKind.LARGE_OBJECT;
        }

        @Override
        public void warning(String message) {
            if (content.schema()) {
                warnings.accept(message);
            }
        }

        @Override
        public boolean inline(ObjectId part) {
            return object.id().equals(inlineParts.get(part));
        }

        @Override
        public void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
                String create, String drop) {
            if (defined) {
                throw new IllegalStateException("two definitions for " + object.kind() + " " + tag);
            }
            defined = true;
            if (components.has(Components.DEFINITION) && schemaPart) {
                // a shell type has no catalog row of its own (pg_dump: nilCatalogId)
                CatalogId catalogId = object instanceof ShellType ? CatalogId.NONE : cid(object.id());
                // a function the sort postponed past a post-data object it needs is filed under post-data
                Section section = repairs.postponed(object.id()) ? Section.POST_DATA : kind.section();
                entries.add(new TocEntry(id, catalogId, kind.desc(), section,
                        new EntryNames(tag, namespace, owner, null, null), new EntrySql(create, drop, null),
                        idsOf(item), false));
            }
        }

        @Override
        public void privilegesDefinition(EntryKind kind, String tag, @Nullable String namespace,
                @Nullable String owner, String create) {
            if (defined) {
                throw new IllegalStateException("two definitions for " + object.kind() + " " + tag);
            }
            defined = true;
            if (components.has(Components.ACL) && content.schema() && content.privileges()) {
                add(cid(object.id()), kind, tag, namespace, owner, create, "", idsOf(item), id);
            }
        }

        @Override
        public void comment(String type, String name, @Nullable String namespace, @Nullable String owner,
                @Nullable String text) {
            if (components.has(Components.COMMENT) && schemaPart && content.comments() && text != null) {
                writeComment(type + " " + name,
                        type + " " + (namespace == null ? "" : Sql.ident(namespace) + ".") + name, namespace, owner,
                        text, id);
            }
        }

        @Override
        public void acl(String type, String name, @Nullable String namespace, Ownership ownership) {
            acl(type, name, namespace, ownership, type + " " + name);
        }

        @Override
        public void acl(String type, String name, @Nullable String namespace, Ownership ownership, String tag) {
            if (components.has(Components.ACL) && schemaPart && content.privileges()) {
                writeAcl(type, name, null, namespace, tag, ownership, ownership.acl(), id);
            }
        }
    }

    /** pg_dump's dumpTable for an extension member: only its privileges, as changed from pg_init_privs. */
    private void memberAcl(DbObject o, Item item) {
        if (!cat.extensionRelations().components().get(o.id()).has(Components.ACL)) {
            return; // a configuration table of an extension that is not dumped: its rows only
        }
        int id = dumpIds.get(item.key());
        if (o instanceof Table t) {
            relationAcls("TABLE", t.name(), t.ownership(), t.columns(), id);
        } else if (o instanceof View v) {
            relationAcls("TABLE", v.name(), v.ownership(), v.columns(), id);
        } else {
            Sequence s = (Sequence) o;
            acl("SEQUENCE", Sql.ident(s.name().name()), null, s.name().schema(),
                    "SEQUENCE " + Sql.ident(s.name().name()), s.ownership(), s.ownership().acl(), id);
        }
    }

    private void viewRule(View v, Item item) {
        add(new CatalogId(ObjectId.PG_REWRITE, v.ruleOid()), EntryKind.RULE, v.name().name() + " _RETURN",
                v.name().schema(), v.ownership().owner(), RelationDdl.replaceView(v), RelationDdl.unreplaceView(v),
                idsOf(item), dumpIds.get(item.key()));
    }

    private void table(Table t, Item item) {
        int id = dumpIds.get(item.key());
        List<Constraint> checks = inlineChecks.getOrDefault(t.id(), List.of()).stream()
                .filter(k -> !repairs.separateCheck(k.id())).toList();
        TocEntry e = new TocEntry(id, cid(t.id()), EntryKind.TABLE.desc(), Section.PRE_DATA,
                new EntryNames(t.name().name(), t.name().schema(), t.ownership().owner(), t.tablespace(),
                        t.accessMethod()),
                new EntrySql(RelationDdl.createTable(t, checks, separateDefaults), RelationDdl.dropTable(t), null),
                idsOf(item), false, 'r');
        entries.add(e);
        relationComments("TABLE", t.name(), t.ownership(), t.comment(), t.columns(), id);
        for (Constraint k : checks) {
            comment("CONSTRAINT " + Sql.ident(k.name()) + " ON " + Sql.ident(t.name().name()),
                    "CONSTRAINT " + Sql.ident(k.name()) + " ON " + RelationDdl.qualified(t.name()), t.name().schema(),
                    t.ownership().owner(), k.comment(), id);
        }
        relationAcls("TABLE", t.name(), t.ownership(), t.columns(), id);
    }

    private void view(View v, Item item) {
        int id = dumpIds.get(item.key());
        String create = repairs.splitView(v.id()) ? RelationDdl.createDummyView(v) : RelationDdl.createView(v);
        add(cid(v.id()), EntryKind.VIEW, v.name().name(), v.name().schema(), v.ownership().owner(),
                create, RelationDdl.dropView(v), idsOf(item), id);
        relationComments("VIEW", v.name(), v.ownership(), v.comment(), v.columns(), id);
        relationAcls("TABLE", v.name(), v.ownership(), v.columns(), id);
    }

    private void sequence(Sequence s, Item item) {
        int id = dumpIds.get(item.key());
        QualifiedName owningTable = null;
        char identityKind = '\0';
        if (s.ownedBy() != null && objects.get(s.ownedBy().table()) instanceof Table t) {
            owningTable = t.name();
            identityKind = t.columns().stream().filter(c -> c.name().equals(s.ownedBy().column()))
                    .map(Column::identity).findFirst().orElse('\0');
        }
        boolean identity = s.isIdentity() && owningTable != null;
        Sequence shown = identity ? s : new Sequence(s.id(), s.name(), s.ownership(), s.params(), s.persistence(),
                s.ownedBy() == null ? null : new Sequence.OwnedBy(s.ownedBy().table(), s.ownedBy().column(), false),
                s.state(), s.comment());
        add(cid(s.id()), EntryKind.SEQUENCE, s.name().name(), s.name().schema(), s.ownership().owner(),
                RelationDdl.createSequence(shown, owningTable, identityKind), RelationDdl.dropSequence(shown),
                idsOf(item), id);
        if (owningTable != null && !identity) {
            Integer tableId = dumpIds.get(s.ownedBy().table());
            add(CatalogId.NONE, EntryKind.SEQUENCE_OWNED_BY, s.name().name(), s.name().schema(),
                    s.ownership().owner(), RelationDdl.ownedBy(s, owningTable), "",
                    tableId == null ? List.of(id) : List.of(id, tableId));
        }
        comment("SEQUENCE " + Sql.ident(s.name().name()), "SEQUENCE " + RelationDdl.qualified(s.name()),
                s.name().schema(), s.ownership().owner(), s.comment(), id);
        acl("SEQUENCE", Sql.ident(s.name().name()), null, s.name().schema(),
                "SEQUENCE " + Sql.ident(s.name().name()), s.ownership(), s.ownership().acl(), id);
    }

    private void tableData(Table t, Item item) {
        String cols = RelationDdl.copyColumns(t.columns());
        String target = RelationDdl.qualified(t.name());
        int id = add(new CatalogId(0, t.id().oid()), EntryKind.TABLE_DATA, t.name().name(), t.name().schema(),
                t.ownership().owner(), "", "", idsOf(item), dumpIds.get(item.key()), true,
                "COPY " + target + " " + cols + " FROM stdin;\n");
        copyOut.put(id, new TableCopy(target, cols, t.columns().stream().filter(c -> c.generated() == '\0')
                .map(Column::typeOid).toList(), cat.extensionRelations().dataFilters().get(t.id())));
    }

    private void constraint(Constraint k, Item item) {
        Table t = (Table) objects.get(k.table());
        int id = dumpIds.get(item.key());
        EntryKind kind = k.type() == 'f' ? EntryKind.FK_CONSTRAINT
                : k.type() == 'c' ? EntryKind.CHECK_CONSTRAINT : EntryKind.CONSTRAINT;
        TocEntry e = new TocEntry(id, cid(k.id()), kind.desc(), kind.section(),
                new EntryNames(t.name().name() + " " + k.name(), t.name().schema(), t.ownership().owner(),
                        k.tablespace(), null),
                new EntrySql(RelationDdl.addConstraint(k, t.name()), RelationDdl.dropConstraint(k, t.name()), null),
                idsOf(item), false);
        entries.add(e);
        comment("CONSTRAINT " + Sql.ident(k.name()) + " ON " + Sql.ident(t.name().name()),
                "CONSTRAINT " + Sql.ident(k.name()) + " ON " + RelationDdl.qualified(t.name()), t.name().schema(),
                t.ownership().owner(), k.comment(), id);
    }

    private void index(Index i, Item item) {
        Table t = (Table) objects.get(i.table());
        int id = dumpIds.get(item.key());
        entries.add(new TocEntry(id, cid(i.id()), EntryKind.INDEX.desc(), Section.POST_DATA,
                new EntryNames(i.name(), t.name().schema(), t.ownership().owner(), i.tablespace(), null),
                new EntrySql(RelationDdl.createIndex(i, t.name()), RelationDdl.dropIndex(i, t.name()), null),
                idsOf(item), false));
        comment("INDEX " + Sql.ident(i.name()), "INDEX " + Sql.qualified(t.name().schema(), i.name()),
                t.name().schema(), t.ownership().owner(), i.comment(), id);
    }

    private void relationComments(String type, QualifiedName name, Ownership own, @Nullable String comment,
            List<Column> columns, int id) {
        String q = RelationDdl.qualified(name);
        comment(type + " " + Sql.ident(name.name()), type + " " + q, name.schema(), own.owner(), comment, id);
        for (Column c : columns) {
            if (c.comment() == null) {
                continue; // most columns: no string work for them
            }
            comment("COLUMN " + Sql.ident(name.name()) + "." + Sql.ident(c.name()),
                    "COLUMN " + q + "." + Sql.ident(c.name()), name.schema(), own.owner(), c.comment(), id);
        }
    }

    private void relationAcls(String type, QualifiedName name, Ownership own, List<Column> columns, int id) {
        String q = Sql.ident(name.name());
        acl(type, q, null, name.schema(), type + " " + q, own, own.acl(), id);
        for (Column c : columns) {
            if (c.acl() == null) {
                continue; // most columns have no privileges of their own: quote nothing, build no Ownership
            }
            String col = Sql.ident(c.name());
            acl(type, q, col, name.schema(), "COLUMN " + q + "." + col, new Ownership(own.owner(), c.acl(), List.of()),
                    c.acl(), id);
        }
    }

    private void comment(String tag, String target, @Nullable String namespace, @Nullable String owner,
            @Nullable String text, int objectId) {
        if (text != null && content.comments() && content.schema()) {
            writeComment(tag, target, namespace, owner, text, objectId);
        }
    }

    private void writeComment(String tag, String target, @Nullable String namespace, @Nullable String owner,
            String text, int objectId) {
        add(CatalogId.NONE, EntryKind.COMMENT, tag, namespace, owner,
                "COMMENT ON " + target + " IS " + Sql.literal(text) + ";\n", "", List.of(objectId));
    }

    private void acl(String type, String quotedName, @Nullable String column, @Nullable String schema, String tag,
            Ownership own, @Nullable List<String> acl, int objectId) {
        if (content.privileges() && content.schema()) {
            writeAcl(type, quotedName, column, schema, tag, own, acl, objectId);
        }
    }

    private void writeAcl(String type, String quotedName, @Nullable String column, @Nullable String schema,
            String tag, Ownership own, @Nullable List<String> acl, int objectId) {
        String sql = AclDdl.build(type, quotedName, column, schema, own, acl, own.baseline());
        if (!sql.isEmpty()) {
            add(CatalogId.NONE, EntryKind.ACL, tag, schema, own.owner(), sql, "", List.of(objectId));
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    private static CatalogId cid(ObjectId id) {
        return new CatalogId(id.classOid(), id.oid());
    }

    private List<Integer> idsOf(Item item) {
        if (item.deps().isEmpty()) {
            return List.of();
        }
        Integer[] ids = new Integer[item.deps().size()];
        int n = 0;
        for (Object d : item.deps()) {
            Integer id = dumpIds.get(d);
            if (id != null) {
                ids[n++] = id;
            }
        }
        Arrays.sort(ids, 0, n);
        return Arrays.asList(ids).subList(0, n);
    }

    private int add(CatalogId cid, EntryKind kind, String tag, @Nullable String ns, @Nullable String owner,
            String defn, String drop, List<Integer> deps) {
        return add(cid, kind, tag, ns, owner, defn, drop, deps, nextDumpId++);
    }

    private int add(CatalogId cid, EntryKind kind, String tag, @Nullable String ns, @Nullable String owner,
            String defn, String drop, List<Integer> deps, int id) {
        return add(cid, kind, tag, ns, owner, defn, drop, deps, id, false, null);
    }

    private int add(CatalogId cid, EntryKind kind, String tag, @Nullable String ns, @Nullable String owner,
            String defn, String drop, List<Integer> deps, int id, boolean hasData, @Nullable String copyStmt) {
        entries.add(new TocEntry(id, cid, kind.desc(), kind.section(), new EntryNames(tag, ns, owner, null, null),
                new EntrySql(defn, drop, copyStmt), deps, hasData));
        return id;
    }
}
