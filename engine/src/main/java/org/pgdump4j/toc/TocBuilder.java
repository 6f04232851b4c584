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
import org.pgdump4j.model.Components;
import org.pgdump4j.model.DbObject;
import org.pgdump4j.model.Dependencies;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.ZeroPadded;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.model.largeobject.LargeObjectGroup;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.Lineage;
import org.pgdump4j.model.relation.MaterializedView;
import org.pgdump4j.model.relation.Sequence;
import org.pgdump4j.model.relation.Table;
import org.pgdump4j.model.relation.Unselected;
import org.pgdump4j.model.relation.View;
import org.pgdump4j.model.relstats.RelStats;
import org.pgdump4j.model.type.ShellType;
import org.pgdump4j.object.relation.MaterializedViewDdl;
import org.pgdump4j.object.seclabel.SecurityLabelDdl;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.DumpSorter.Item;
import org.pgdump4j.toc.TocEntry.EntryNames;
import org.pgdump4j.toc.TocEntry.EntrySql;

/**
 * The TOC assembler: turns a catalog into the ordered TOC pg_dump would write. It makes the sort items (an object's
 * inline parts folded into it: a table's defaults and CHECKs, a constraint's index), sorts them, hands out dump
 * ids, then has each family emit its object's entries (definition, comments, privileges) in sorted order through
 * an {@link EntrySink}. It writes itself only what no family object stands for: the database's entries, data
 * entries (TABLE DATA, SEQUENCE SET, BLOBS), and the entries the sort made (a default or a view's rule moved out
 * to break a loop). Single-threaded; one instance per dump.
 */
public final class TocBuilder {
    /**
     * What goes into the TOC.
     *
     * @param loadViaRoot {@code --load-via-partition-root}: every partition's rows go to its root table
     * @param statistics  the STATISTICS DATA entries (pg_dump 18's dumpStatistics)
     */
    public record Content(boolean schema, boolean data, boolean comments, boolean privileges, boolean loadViaRoot,
            boolean statistics, boolean dollarQuoting, boolean sequenceData) {
        /** Routine bodies dollar-quoted, as pg_dump unless --disable-dollar-quoting. */
        public Content(boolean schema, boolean data, boolean comments, boolean privileges, boolean loadViaRoot,
                boolean statistics) {
            this(schema, data, comments, privileges, loadViaRoot, statistics, true);
        }

        /** Sequences' values only with the data. */
        public Content(boolean schema, boolean data, boolean comments, boolean privileges, boolean loadViaRoot,
                boolean statistics, boolean dollarQuoting) {
            this(schema, data, comments, privileges, loadViaRoot, statistics, dollarQuoting, data);
        }

        /** Without statistics, pg_dump 18's default. */
        public Content(boolean schema, boolean data, boolean comments, boolean privileges, boolean loadViaRoot) {
            this(schema, data, comments, privileges, loadViaRoot, false);
        }

        public Content(boolean schema, boolean data, boolean comments, boolean privileges) {
            this(schema, data, comments, privileges, false);
        }
    }

    private final Catalog cat;
    private final Content content;
    private final FamilyEmitter families;
    private final Consumer<String> warnings;
    private final Map<ObjectId, DbObject> objects;
    private final Map<ObjectId, ObjectId> indexToConstraint = new HashMap<>();
    private final Map<ObjectId, ObjectId> inlineDefaultToTable = new HashMap<>();
    /** Defaults written on their own, with their sort items' keys (what needs one follows that item). */
    private final Map<ObjectId, DefaultKey> separateDefaults = new HashMap<>();
    /** The sorted items, with their dependencies as places in the item list. */
    private DumpSorter.Sorted sorted;
    /** Item keys by dump id, made when an entry asks for another object's dump id (a sequence's OWNED BY). */
    private @Nullable Map<Object, Integer> dumpIds;
    private final List<TocEntry> entries = new ArrayList<>();
    private final Map<Integer, TableCopy> copyOut = new LinkedHashMap<>();
    private int nextDumpId = 1;
    /** Family objects written inside another's definition (a domain's CHECK), by the object they are part of. */
    private final Map<ObjectId, ObjectId> inlineParts = new HashMap<>();
    private final Map<ObjectId, List<ObjectId>> partsOf = new HashMap<>();
    /** pg_dump_sort.c's loop repairs: what the sort changed for the emitter. */
    private final LoopRepairs repairs;
    /** In a data-only dump, the tables each table's foreign keys reference (pg_dump's getTableDataFKConstraints). */
    private final Map<ObjectId, List<ObjectId>> referencedTables = new HashMap<>();
    /** pg_depend's vertices' sort keys, once {@link #index} has decided what folds where. */
    private final Object[] foldedVertices;
    private static final Object NOT_DUMPED = new Object();

    private TocBuilder(Catalog cat, Content content, FamilyEmitter families, Consumer<String> warnings) {
        this.cat = cat;
        this.content = content;
        this.families = families;
        this.warnings = warnings;
        // presized: a catalog of many tables fills these with hundreds of thousands of entries
        int count = cat.objects().size();
        this.objects = new HashMap<>(count * 4 / 3 + 16);
        this.repairs = new LoopRepairs(objects, warnings);
        this.foldedVertices = new Object[cat.dependencies().vertices()];
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
        sorted = repairs.sort(items);
        // the items' dump ids are their places in the list plus one, as pg_dump numbers objects as it makes them
        nextDumpId = items.size() + 1;
        special();
        for (int at : sorted.order()) {
            emit(items.get(at), at);
        }
        SectionOrder.check(entries, warnings);
        return new BuiltToc(new Toc(info, entries), copyOut);
    }

    // ---- indexing and dependency folding -------------------------------------------------------------

    private void index() {
        Dependencies.Walker walker = cat.dependencies().walker();
        for (FamilyObject o : cat.objects()) {
            objects.put(o.id(), o);
            if (o instanceof Table t) {
                t.checks().forEach(k -> objects.put(k.id(), k)); // sort items of their own, see tableItems
            } else if (o instanceof Constraint k && k.index() != null) {
                indexToConstraint.put(k.index(), k.id());
            } else if (o instanceof Constraint k && k.referencedTable() != null && content.data() && !content.schema()) {
                referencedTables.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(k.referencedTable());
            }
        }
        for (FamilyObject o : cat.objects()) {
            ObjectId owner = o.inlineInto();
            // a part whose dependencies lead back to its owner would close a loop: pg_dump_sort.c's
            // repairDomainConstraintMultiLoop then writes it on its own, after the owner
            if (owner != null && objects.containsKey(owner) && !walker.reaches(o.id(), owner)) {
                inlineParts.put(o.id(), owner);
                partsOf.computeIfAbsent(owner, k -> new ArrayList<>()).add(o.id());
            }
        }
        for (FamilyObject o : cat.objects()) {
            // a view's defaults are always ALTER TABLE ... SET DEFAULT entries of their own
            if (o instanceof View v && !member(v)) {
                for (Column c : v.columns()) {
                    if (c.defaultId() != null) {
                        separateDefaults.put(c.defaultId(), new DefaultKey(v.id(), c.num()));
                    }
                }
            }
            if (!(o instanceof Table t)) {
                continue;
            }
            for (Column c : t.columns()) {
                if (c.defaultId() == null || member(t)) {
                    continue;
                }
                // A default that needs an object which itself needs the table (a serial's sequence) would make
                // a loop: pg_dump then moves the default into its own ALTER TABLE ... SET DEFAULT entry. So it does
                // with the default of a column CREATE TABLE leaves to INHERITS.
                if (c.generated() == '\0' && (!t.lineage().prints(c)
                        || walker.reaches(c.defaultId(), t.id()))) {
                    separateDefaults.put(c.defaultId(), new DefaultKey(t.id(), c.num()));
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
        DefaultKey separate = separateDefaults.get(id);
        if (separate != null) {
            return separate;
        }
        return objects.containsKey(id) ? id : null;
    }

    /** What an object needs, as sort keys: pg_depend's vertices folded once each (see {@link #foldVertex}). */
    private Keys deps(ObjectId id) {
        Keys out = new Keys();
        Dependencies g = cat.dependencies();
        int v = g.vertex(id);
        if (v < 0) {
            return out;
        }
        for (int i = g.start(v), end = g.end(v); i < end; i++) {
            Object k = foldVertex(g.target(i));
            if (k != NOT_DUMPED && !k.equals(id)) {
                out.add(k);
            }
        }
        return out;
    }

    /** A vertex's sort key, folded once: most are named by many objects (a schema by all its tables). */
    private Object foldVertex(int vertex) {
        Object k = foldedVertices[vertex];
        if (k == null) {
            k = fold(cat.dependencies().id(vertex));
            k = k == null ? NOT_DUMPED : k;
            foldedVertices[vertex] = k;
        }
        return k;
    }

    // ---- sort items --------------------------------------------------------------------------------------

    /** The sort key of an object's data entry (TABLE DATA, SEQUENCE SET, BLOBS). */
    record DataKey(ObjectId of) {
    }


    private record DefaultKey(ObjectId table, int column) {
    }

    private List<Item> items() {
        List<Item> items = new ArrayList<>(cat.objects().size() * 2);
        boolean schema = content.schema();
        // every object, dumped or not: those not dumped keep their place in the sort (pg_dump sorts all)
        for (FamilyObject o : cat.objects()) {
            if (inlineParts.containsKey(o.id())) {
                continue;
            }
            if (o instanceof Table t) {
                tableItems(items, t);
            } else if (o instanceof Sequence s) {
                sequenceItems(items, s);
            } else if (o instanceof MaterializedView m) {
                matviewItems(items, m);
            } else if (o instanceof View || o instanceof Unselected) {
                if (schema || o instanceof Unselected) {
                    items.add(new Item(o.id(), ObjectKind.TABLE, o.schema(), o.sortName(), "", deps(o.id()).list()));
                }
                if (schema && o instanceof View v) {
                    defaultItems(items, v.id(), v.schema(), v.sortName(), v.columns());
                }
            } else if (o instanceof Constraint k) {
                // a table's constraints and indexes need their table
                if (schema) {
                    Keys d = deps(k.id());
                    d.add(k.table());
                    items.add(new Item(k.id(), k.kind(), k.schema(), k.sortName(), k.tiebreak(), d.list()));
                }
            } else if (o instanceof Index i) {
                if (schema) {
                    Keys d = deps(i.id());
                    d.add(i.table());
                    items.add(new Item(i.id(), ObjectKind.INDEX, i.schema(), i.sortName(), "", d.list()));
                }
            } else {
                familyItems(items, o);
            }
        }
        return items;
    }

    private void familyItems(List<Item> items, FamilyObject o) {
        // schemas sort without dependencies (an extension's schema would otherwise loop with it)
        Keys d = o.kind() == ObjectKind.NAMESPACE ? new Keys() : deps(o.id());
        for (ObjectId part : partsOf.getOrDefault(o.id(), List.of())) {
            d.addAll(deps(part));
        }
        if (o.inlineInto() != null && objects.containsKey(o.inlineInto())) {
            d.add(o.inlineInto());
        }
        for (ObjectId r : o.requires()) {
            Object k = fold(r);
            if (k != null) {
                d.add(k);
            }
        }
        d.remove(o.id());
        if (o instanceof RelStats s) {
            // pg_dump's getRelationStatistics: the entry needs its relation (an index's constraint, if it has
            // one) and is fenced by its section, an index's in post-data
            Object rel = fold(s.relation());
            if (rel != null) {
                d.add(rel);
            }
            // a materialized view's move to post-data when its data is dumped, after its REFRESH (which would
            // reset them), as pg_dump's makeTableDataInfo moves them
            boolean postData = s.postData();
            if (objects.get(s.relation()) instanceof MaterializedView m && content.data()
                    && m.components().has(Components.DATA)) {
                postData = true;
                if (content.schema() && !member(m) && m.populated()) {
                    d.add(new DataKey(m.id()));
                }
            }
            items.add(new Item(o.id(), o.kind(), o.schema(), o.sortName(), o.tiebreak(), d.list(), false, false,
                    postData));
            return;
        }
        items.add(new Item(o.id(), o.kind(), o.schema(), o.sortName(), o.tiebreak(), d.list()));
        // large objects' contents: the assembler's data entry, after the group's metadata
        if (o instanceof LargeObjectGroup g && g.components().has(Components.DATA)) {
            items.add(new Item(new DataKey(g.id()), ObjectKind.LARGE_OBJECT_DATA, null, g.tag(), "",
                    List.of(g.id())));
        }
    }

    /**
     * A table needs what its inline defaults and CHECK constraints need. As pg_dump: the table needs its CHECK
     * constraints (written inside it, each an inline sort item a loop repair can move out), not the other way
     * round; a default moved out becomes an ATTRDEF item after the table.
     */
    private void tableItems(List<Item> items, Table t) {
        if (member(t)) {
            memberItems(items, t, ObjectKind.TABLE_DATA);
            return;
        }
        if (content.schema()) {
            Keys d = deps(t.id());
            for (Column c : t.columns()) {
                if (c.defaultId() != null && !separateDefaults.containsKey(c.defaultId())) {
                    d.addAll(deps(c.defaultId()));
                }
            }
            for (Constraint k : t.checks()) {
                Keys kd = deps(k.id());
                kd.remove(t.id());
                items.add(new Item(k.id(), ObjectKind.CONSTRAINT, t.schema(), k.name(), t.name().name(), kd.list(), true));
                d.add(k.id());
            }
            d.remove(t.id());
            items.add(new Item(t.id(), ObjectKind.TABLE, t.schema(), t.sortName(), "", d.list()));
            defaultItems(items, t.id(), t.schema(), t.sortName(), t.columns());
            // pg_dump's flagInhAttrs: a column CREATE TABLE leaves to INHERITS, whose parent has a default it
            // dropped, gets DEFAULT NULL on its own, after the table
            for (Column c : t.columns()) {
                if (c.defaultExpr() == null && !t.lineage().prints(c) && t.lineage().nullDefaults().contains(c.name())) {
                    items.add(new Item(new DefaultKey(t.id(), c.num()), ObjectKind.ATTRDEF, t.schema(), t.sortName(),
                            ZeroPadded.of(c.num(), 5), List.of(t.id())));
                }
            }
        }
        // a partitioned table's rows are its partitions'; the selection rules may leave a table's rows out
        // (--exclude-table-data..., a foreign table's without --include-foreign-data for its server)
        if (content.data() && t.components().has(Components.DATA) && !t.lineage().partitioned()) {
            items.add(new Item(new DataKey(t.id()), ObjectKind.TABLE_DATA, t.schema(), t.sortName(), "",
                    content.schema() ? List.of(t.id()) : referencedData(t.id()).list()));
        }
    }

    /**
     * pg_dump's getTableDataFKConstraints: without the schema, nothing restores the tables' foreign keys after their
     * data, so a table's rows follow the rows of the tables it references (a loop among them is LoopRepairs'
     * repairTableDataLoop, with pg_dump's warning).
     */
    private Keys referencedData(ObjectId table) {
        Keys out = new Keys();
        for (ObjectId ref : referencedTables.getOrDefault(table, List.of())) {
            if (objects.get(ref) instanceof Table r && !r.lineage().partitioned()
                    && r.components().has(Components.DATA)) {
                out.add(new DataKey(ref));
            }
        }
        return out;
    }

    /** A relation's defaults written on their own: each an ATTRDEF item after its relation. */
    private void defaultItems(List<Item> items, ObjectId relation, String schema, String name, List<Column> columns) {
        for (Column c : columns) {
            if (c.defaultId() != null && separateDefaults.containsKey(c.defaultId())) {
                Keys dd = deps(c.defaultId());
                dd.add(relation);
                // pg_dump_sort.c's DOTypeNameCompare orders a relation's defaults by attribute number
                items.add(new Item(new DefaultKey(relation, c.num()), ObjectKind.ATTRDEF, schema, name,
                        ZeroPadded.of(c.num(), 5), dd.list()));
            }
        }
    }

    /**
     * A materialized view sorts as a table; a populated one gets its REFRESH item, after the REFRESH of every
     * materialized view it reads (pg_dump's buildMatViewRefreshDependencies). pg_dump's archiver counts a REFRESH
     * as schema, not data: -a leaves it out, as -s does.
     */
    private void matviewItems(List<Item> items, MaterializedView m) {
        if (!content.schema()) {
            return;
        }
        items.add(new Item(m.id(), ObjectKind.TABLE, m.schema(), m.sortName(), "", deps(m.id()).list()));
        if (content.data() && refreshed(m)) {
            Keys d = Keys.of(m.id());
            for (ObjectId read : m.refreshAfter()) {
                if (objects.get(read) instanceof MaterializedView r && refreshed(r)) {
                    d.add(new DataKey(read));
                }
            }
            items.add(new Item(new DataKey(m.id()), ObjectKind.REFRESH_MATVIEW, m.schema(), m.sortName(), "", d.list()));
        }
    }

    /** Whether a materialized view gets its REFRESH item (when data is dumped and the schema is). */
    private static boolean refreshed(MaterializedView m) {
        return !member(m) && m.populated() && m.components().has(Components.DATA);
    }

    private void sequenceItems(List<Item> items, Sequence s) {
        if (member(s)) {
            memberItems(items, s, s.state() == null ? null : ObjectKind.SEQUENCE_SET);
            return;
        }
        if (content.schema()) {
            items.add(new Item(s.id(), ObjectKind.TABLE, s.schema(), s.sortName(), "", deps(s.id()).list()));
        }
        // --sequence-data: SEQUENCE SET without the rest of the data (pg_dump's getTableData for sequences)
        if ((content.data() || content.sequenceData()) && s.state() != null && s.components().has(Components.DATA)) {
            items.add(new Item(new DataKey(s.id()), ObjectKind.SEQUENCE_SET, s.schema(), s.sortName(), "",
                    content.schema() ? List.of(s.id()) : List.of()));
        }
    }

    /**
     * An extension's member relation (pg_dump's checkExtensionMembership): its components never hold its
     * definition, only its changed privileges and a configuration table's or sequence's rows.
     */
    private static boolean member(FamilyObject relation) {
        return !relation.components().has(Components.DEFINITION);
    }

    /**
     * An extension's member relation keeps its place in the sort (its entry writes only its changed privileges);
     * a configuration table's or sequence's rows get their data item.
     */
    private void memberItems(List<Item> items, FamilyObject o, @Nullable ObjectKind dataKind) {
        boolean schema = content.schema();
        if (schema) {
            items.add(new Item(o.id(), ObjectKind.TABLE, o.schema(), o.sortName(), "", deps(o.id()).list()));
        }
        if (dataKind != null && (content.data() || dataKind == ObjectKind.SEQUENCE_SET && content.sequenceData())
                && o.components().has(Components.DATA)) {
            items.add(new Item(new DataKey(o.id()), dataKind, o.schema(), o.sortName(), "",
                    schema ? List.of(o.id()) : List.of()));
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
        // the database's own entries even in a data-only dump: pg_restore -C restores them with the data
        var db = cat.database();
        String qname = Sql.ident(db.name());
        int dbId = add(new CatalogId(ObjectId.PG_DATABASE, db.id().oid()), EntryKind.DATABASE, db.name(), null,
                db.ownership().owner(), "CREATE DATABASE " + qname + db.createOptions() + ";\n",
                // a template database cannot be dropped: pg_dump clears the flag first
                (db.template() ? "UPDATE pg_catalog.pg_database SET datistemplate = false WHERE datname = "
                        + Sql.literal(db.name()) + ";\n" : "") + "DROP DATABASE " + qname + ";\n", List.of());
        comment("DATABASE " + qname, "DATABASE " + qname, null, db.ownership().owner(), db.comment(), dbId);
        if (!db.labels().isEmpty() && content.schema()) {
            add(CatalogId.NONE, EntryKind.SECURITY_LABEL, "DATABASE " + qname, null, db.ownership().owner(),
                    SecurityLabelDdl.statements(db.labels(), "DATABASE " + qname), "", List.of(dbId));
        }
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
    private void emit(Item item, int at) {
        Object key = item.key();
        switch (item.kind()) {
            // the entries the sort made: a default moved out of its table, a view's rule moved out of its view
            case ATTRDEF -> {
                DefaultKey dk = (DefaultKey) key;
                DbObject relation = objects.get(dk.table());
                var name = relation instanceof View v ? v.name() : ((Table) relation).name();
                var columns = relation instanceof View v ? v.columns() : ((Table) relation).columns();
                String owner = relation instanceof View v ? v.ownership().owner()
                        : ((Table) relation).ownership().owner();
                Column c = columns.stream().filter(x -> x.num() == dk.column()).findFirst().orElseThrow();
                boolean foreign = relation instanceof Table t && t.features().foreign() != null;
                // no pg_attrdef row: the DEFAULT NULL of an inherited column whose parent's default it dropped
                boolean madeUp = c.defaultId() == null;
                add(madeUp ? CatalogId.NONE : new CatalogId(ObjectId.PG_ATTRDEF, c.defaultId().oid()),
                        EntryKind.DEFAULT, name.name() + " " + c.name(), name.schema(), owner,
                        RelationDdl.createDefault(name, c.name(), madeUp ? "NULL" : c.defaultExpr(), foreign),
                        RelationDdl.dropDefault(name, c, foreign), idsOf(at), at + 1);
            }
            // a view's ON SELECT rule split off by the sort; other rules are family objects
            case RULE -> {
                if (key instanceof LoopRepairs.ViewRuleKey v) {
                    viewRule((View) objects.get(v.view()), at);
                } else {
                    family((FamilyObject) objects.get((ObjectId) key), item, at);
                }
            }
            // data entries
            case TABLE_DATA -> tableData((Table) objects.get(((DataKey) key).of()), at);
            case SEQUENCE_SET -> {
                Sequence s = (Sequence) objects.get(((DataKey) key).of());
                add(CatalogId.NONE, EntryKind.SEQUENCE_SET, s.name().name(), s.name().schema(), s.ownership().owner(),
                        RelationDdl.setval(s), "", idsOf(at));
            }
            case REFRESH_MATVIEW -> {
                MaterializedView m = (MaterializedView) objects.get(((DataKey) key).of());
                add(new CatalogId(0, m.id().oid()), EntryKind.MATERIALIZED_VIEW_DATA, m.name().name(), m.schema(),
                        m.ownership().owner(), MaterializedViewDdl.refresh(m), "", idsOf(at), at + 1);
            }
            case LARGE_OBJECT_DATA -> {
                LargeObjectGroup group = (LargeObjectGroup) objects.get(((DataKey) key).of());
                add(CatalogId.NONE, EntryKind.BLOBS, group.tag(), null, group.owner(), "", "", idsOf(at),
                        at + 1, true, null);
            }
            // a table's CHECK written inside its CREATE TABLE has no entry of its own
            case CONSTRAINT, FK_CONSTRAINT -> {
                if (!item.inline()) {
                    family((FamilyObject) objects.get((ObjectId) key), item, at);
                }
            }
            // the sorter's fences: no entry
            case PRE_DATA_BOUNDARY, POST_DATA_BOUNDARY -> {
            }
            // every other object: its family writes its entries (object.Families' switch names them all)
            case NAMESPACE, TABLE, INDEX, LARGE_OBJECT, EXTENSION, TYPE, SHELL_TYPE, FUNC, AGG, OPERATOR,
                    ACCESS_METHOD, OPCLASS, OPFAMILY, COLLATION, CONVERSION, TABLE_ATTACH, INDEX_ATTACH, STATSEXT,
                    TRIGGER, PROCLANG, CAST, DUMMY_TYPE, TSPARSER, TSDICT, TSTEMPLATE, TSCONFIG, FDW,
                    FOREIGN_SERVER, DEFAULT_ACL, TRANSFORM, EVENT_TRIGGER, POLICY, PUBLICATION,
                    PUBLICATION_REL, PUBLICATION_TABLE_IN_SCHEMA, REL_STATS, SUBSCRIPTION, SUBSCRIPTION_REL ->
                    family((FamilyObject) objects.get((ObjectId) key), item, at);
        }
    }

    private void family(FamilyObject o, Item item, int at) {
        Components components = repairs.components(o);
        if (!components.isEmpty()) {
            families.emit(o, new Sink(o, components, item, at));
        }
    }

    /** A family object's entries, each written only when the object's components and the content options allow. */
    private final class Sink implements EntrySink {
        private final FamilyObject object;
        private final Components components;
        private final Item item;
        /** The item's place in the list; its dump id is one more. */
        private final int at;
        private final int id;
        private final boolean schemaPart;
        private boolean defined;
        /** The dump id of the object's own ACL entry, once written: its columns' ACL entries depend on it too. */
        private @Nullable Integer aclId;

        Sink(FamilyObject object, Components components, Item item, int at) {
            this.object = object;
            this.components = components;
            this.item = item;
            this.at = at;
            this.id = at + 1;
            // pg_dump writes large objects' metadata with their contents, -a or not (dumpLO)
            this.schemaPart = content.schema() || object.kind() == ObjectKind.LARGE_OBJECT;
        }

        @Override
        public boolean dollarQuoting() {
            return content.dollarQuoting();
        }

        @Override
        public void warning(String message) {
            if (content.schema()) {
                warnings.accept(message);
            }
        }

        @Override
        public boolean inline(ObjectId part) {
            if (object.id().equals(inlineParts.get(part))) {
                return true;
            }
            if (object instanceof Table) {
                return !repairs.separateCheck(part) && !separateDefaults.containsKey(part);
            }
            return object instanceof View v && part.equals(v.rule()) && !repairs.splitView(v.id());
        }

        private boolean defining() {
            if (defined) {
                throw new IllegalStateException("two definitions for " + object.kind() + " " + object.sortName());
            }
            defined = true;
            return components.has(Components.DEFINITION) && schemaPart;
        }

        @Override
        public void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
                @Nullable String tablespace, @Nullable String accessMethod, char relkind, String create,
                String drop) {
            if (defining()) {
                // a materialized view the sort postponed past a post-data object it needs is filed under post-data
                Section section = repairs.postponed(object.id()) ? Section.POST_DATA : kind.section();
                entries.add(new TocEntry(id, cid(object.id()), kind.desc(), section,
                        new EntryNames(tag, namespace, owner, tablespace, accessMethod),
                        new EntrySql(create, drop, null, storesEmptyDrop(kind)), idsOf(at), false, relkind));
            }
        }

        @Override
        public void also(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
                String create, String drop, ObjectId after) {
            if (components.has(Components.DEFINITION) && schemaPart) {
                Integer afterId = dumpId(after);
                add(CatalogId.NONE, kind, tag, namespace, owner, create, drop,
                        afterId == null ? List.of(id) : List.of(id, afterId));
            }
        }

        @Override
        public void commentOn(String tag, String target, @Nullable String namespace, @Nullable String owner,
                @Nullable String text) {
            if (components.has(Components.COMMENT) && schemaPart && content.comments() && text != null) {
                writeComment(tag, target, namespace, owner, text, id);
            }
        }

        @Override
        public void columnAcl(String type, String name, String column, @Nullable String namespace,
                Ownership ownership) {
            if (components.has(Components.ACL) && schemaPart && content.privileges()) {
                writeAcl(type, name, column, namespace, "COLUMN " + name + "." + column, ownership, ownership.acl(),
                        id, aclId);
            }
        }

        @Override
        public void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
                String create, String drop) {
            if (defining()) {
                // a shell type has no catalog row of its own (pg_dump: nilCatalogId)
                CatalogId catalogId = object instanceof ShellType ? CatalogId.NONE : cid(object.id());
                // a function the sort postponed past a post-data object it needs is filed under post-data
                Section section = repairs.postponed(object.id()) ? Section.POST_DATA : kind.section();
                entries.add(new TocEntry(id, catalogId, kind.desc(), section,
                        new EntryNames(tag, namespace, owner, null, null),
                        new EntrySql(create, drop, null, storesEmptyDrop(kind)), idsOf(at), false));
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
                add(cid(object.id()), kind, tag, namespace, owner, create, "", idsOf(at), id);
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
        public void securityLabels(String type, String name, @Nullable String namespace, @Nullable String owner) {
            securityLabels(object.id(), type, name, namespace, owner);
        }

        @Override
        public void securityLabels(ObjectId target, String type, String name, @Nullable String namespace,
                @Nullable String owner) {
            String sql = labelled() ? SecurityLabelDdl.object(cat.labels().of(target), type, namespace, name) : "";
            if (!sql.isEmpty()) {
                add(CatalogId.NONE, EntryKind.SECURITY_LABEL, type + " " + name, namespace, owner, sql, "",
                        List.of(id));
            }
        }

        @Override
        public void relationSecurityLabels(String type, QualifiedName name, @Nullable String owner,
                List<Column> columns) {
            String sql = labelled() ? SecurityLabelDdl.relation(cat.labels().of(object.id()), type, name, columns) : "";
            if (!sql.isEmpty()) {
                add(CatalogId.NONE, EntryKind.SECURITY_LABEL, type + " " + Sql.ident(name.name()), name.schema(),
                        owner, sql, "", List.of(id));
            }
        }

        /** pg_dump's dumpSecLabel: labels are schema, but a large object's come with its data (as its comments). */
        private boolean labelled() {
            return components.has(Components.SECLABEL) && schemaPart;
        }

        @Override
        public void statistics(String tag, String namespace, boolean postData, String create) {
            if (components.has(Components.STATISTICS) && content.statistics()) {
                entries.add(new TocEntry(id, CatalogId.NONE, EntryKind.STATISTICS_DATA.desc(),
                        postData || item.postData() ? Section.POST_DATA : Section.DATA, new EntryNames(tag, namespace, null, null, null),
                        new EntrySql(create, "", null), idsOf(at), false));
            }
        }

        @Override
        public void userMapping(String tag, String owner, String create, String drop) {
            if (components.has(Components.USERMAP) && schemaPart) {
                add(CatalogId.NONE, EntryKind.USER_MAPPING, tag, null, owner, create, drop, List.of());
            }
        }

        @Override
        public void acl(String type, String name, @Nullable String namespace, Ownership ownership, String tag) {
            if (components.has(Components.ACL) && schemaPart && content.privileges()) {
                aclId = writeAcl(type, name, null, namespace, tag, ownership, ownership.acl(), id, null);
            }
        }
    }

    private void viewRule(View v, int at) {
        add(new CatalogId(ObjectId.PG_REWRITE, v.ruleOid()), EntryKind.RULE, v.name().name() + " _RETURN",
                v.name().schema(), v.ownership().owner(), RelationDdl.replaceView(v), RelationDdl.unreplaceView(v),
                idsOf(at), at + 1);
    }

    private void tableData(Table t, int at) {
        String cols = RelationDdl.copyColumns(t.columns());
        String target = RelationDdl.qualified(t.name());
        Lineage l = t.lineage();
        boolean viaRoot = l.root() != null && (content.loadViaRoot() || l.forcedRootLoad());
        // the entry's definition says so, which tells pg_restore (16+) the rows go elsewhere than its table
        String defn = viaRoot ? "-- load via partition root " + RelationDdl.qualified(l.root()) : "";
        String into = viaRoot ? RelationDdl.qualified(l.root()) : target;
        // pg_dump's entry names only the table; a data-only dump's order by foreign keys is the sort's alone
        int id = add(new CatalogId(0, t.id().oid()), EntryKind.TABLE_DATA, t.name().name(), t.name().schema(),
                t.ownership().owner(), defn, "", content.schema() ? idsOf(at) : List.of(), at + 1,
                true, "COPY " + into + " " + cols + " FROM stdin;\n");
        // pg_dump reads a foreign table through COPY (SELECT ...), with no filter
        boolean foreign = t.features().foreign() != null;
        String filter = t.dataFilter() == null && foreign ? "" : t.dataFilter();
        TableCopy.Rows rows = new TableCopy.Rows(into, t.columns().stream().map(c -> Sql.ident(c.name())).toList(),
                t.columns().stream().map(c -> c.generated() != '\0').toList(),
                t.columns().stream().anyMatch(c -> c.identity() == 'a'));
        copyOut.put(id, new TableCopy(target, cols, t.columns().stream().filter(c -> c.generated() == '\0')
                .map(Column::typeOid).toList(), filter, foreign, t.diskBytes(), rows));
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
            writeAcl(type, quotedName, column, schema, tag, own, acl, objectId, null);
        }
    }

    /** The ACL entry's dump id, or null when there is nothing to grant; {@code altId}: dumpACL's second dependency. */
    private @Nullable Integer writeAcl(String type, String quotedName, @Nullable String column,
            @Nullable String schema, String tag, Ownership own, @Nullable List<String> acl, int objectId,
            @Nullable Integer altId) {
        String sql = AclDdl.build(type, quotedName, column, schema, own, acl, own.baseline());
        if (sql.isEmpty()) {
            return null;
        }
        return add(CatalogId.NONE, EntryKind.ACL, tag, schema, own.owner(), sql, "",
                altId == null ? List.of(objectId) : List.of(objectId, altId));
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    private static CatalogId cid(ObjectId id) {
        // an attachment's entry has no catalog id (pg_dump's nilCatalogId)
        return id.classOid() == ObjectId.NO_CATALOG ? CatalogId.NONE : new CatalogId(id.classOid(), id.oid());
    }

    /** The dump ids an item's entry depends on: its resolved dependencies, in ascending order. */
    private List<Integer> idsOf(int at) {
        int[] deps = sorted.deps(at);
        if (deps.length == 0) {
            return List.of();
        }
        Integer[] ids = new Integer[deps.length];
        for (int i = 0; i < deps.length; i++) {
            ids[i] = deps[i] + 1;
        }
        Arrays.sort(ids);
        return Arrays.asList(ids);
    }

    /** The dump id of the item {@code key}, or null when it is not a sort item. */
    private @Nullable Integer dumpId(Object key) {
        if (dumpIds == null) {
            List<Item> items = sorted.items();
            dumpIds = new HashMap<>(items.size() * 4 / 3 + 1);
            for (int i = 0; i < items.size(); i++) {
                dumpIds.put(items.get(i).key(), i + 1);
            }
        }
        return dumpIds.get(key);
    }

    /**
     * pg_dump hands ArchiveEntry its (empty) delete buffer, not NULL, for an identity column's sequence and for
     * DATABASE PROPERTIES: the archive then holds an empty drop statement rather than none.
     */
    private static boolean storesEmptyDrop(EntryKind kind) {
        return kind == EntryKind.SEQUENCE || kind == EntryKind.DATABASE_PROPERTIES;
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
                new EntrySql(defn, drop, copyStmt, storesEmptyDrop(kind)), deps, hasData));
        return id;
    }
}
