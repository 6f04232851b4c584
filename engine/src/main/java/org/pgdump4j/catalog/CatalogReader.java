package org.pgdump4j.catalog;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pgdump4j.catalog.coverage.CoverageGuard;
import org.pgdump4j.catalog.coverage.DumpScope;
import org.pgdump4j.model.Catalog;
import org.pgdump4j.model.Column;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.Constraint;
import org.pgdump4j.model.Database;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.Index;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.Sequence;
import org.pgdump4j.model.ServerInfo;
import org.pgdump4j.model.Table;
import org.pgdump4j.model.Unselected;
import org.pgdump4j.model.View;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.object.largeobject.LargeObjectReader;
import org.pgdump4j.object.schema.SchemaReader;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.sql.Sql;

/**
 * Reads the catalog in a visible order: list, select, lock, then read definitions, all inside the snapshot the
 * caller has already opened on {@code conn}.
 */
public final class CatalogReader {
    /** Statements longer than this are split, as pg_dump batches its LOCK TABLE list. */
    private static final int LOCK_BATCH_CHARS = 100_000;

    private CatalogReader() {
    }

    /**
     * @param largeObjects whether large objects are dumped (pg_dump: a full dump with data, or -b)
     * @param scope        what else the dump holds, for the completeness guard
     * @param families     reads every object family beyond schemas, relations and large objects
     * @param side         runs pg_depend, the completeness guard and the families on a second connection in the
     *                     same snapshot while this one locks and reads the relations
     * @throws org.pgdump4j.UnsupportedObjectsException when pg_dump would dump objects this code cannot
     */
    public static Catalog read(Connection conn, ServerInfo server, Selector selector, boolean largeObjects,
            DumpScope scope, FamilyReader families, SideReads side, ProgressListener progress) {
        Jdbc jdbc = new Jdbc(conn);
        ServerFeatures f = new ServerFeatures(server.versionNum());
        SideReads.Pending<Map<ObjectId, Set<ObjectId>>> dependencies = side.submit(j -> DependencyReader.read(j, f));
        progress.info("reading database");
        Database database = DatabaseReader.read(jdbc, f);
        progress.info("reading schemas");
        List<Schema> allSchemas = SchemaReader.read(jdbc);
        progress.info("reading user-defined tables");
        List<RelationHead> heads = RelationHeadReader.read(jdbc, f);
        Selector.Selection selection = selector.select(conn, allSchemas, heads);
        ReadContext ctx = new ReadContext(jdbc, f, selection, scope.everything())
                .reading(scope.publications(), scope.subscriptions());
        // An extension's member relations follow their extension, never the filters (pg_dump's
        // checkExtensionMembership): only their changed privileges and a configuration table's rows are dumped.
        Map<String, Long> schemaOids = new HashMap<>();
        allSchemas.forEach(s -> schemaOids.put(s.name(), s.id().oid()));
        Map<ObjectId, Components> members = new HashMap<>();
        for (RelationHead h : heads) {
            Components c = ctx.relationComponents(h.oid(), schemaOids.getOrDefault(h.name().schema(), 0L));
            if (c != null) {
                members.put(ObjectId.relation(h.oid()), c);
            }
        }
        Set<Long> memberOids = members.keySet().stream().map(ObjectId::oid).collect(Collectors.toSet());
        progress.info("checking that every object can be dumped");
        Selector.Selection guarded = selection.withoutRelations(memberOids);
        SideReads.Pending<Boolean> guard = side.submit(j -> {
            CoverageGuard.check(j.connection(), f, guarded, scope);
            return true;
        });

        // A sequence owned by a dumped table (serial, identity) is dumped with it (pg_dump's getOwnedSeqs).
        var seqOwners = SequenceReader.owners(jdbc,
                heads.stream().filter(h -> h.relkind() == 'S').mapToLong(RelationHead::oid).toArray());
        List<RelationHead> chosen = heads.stream().filter(h -> {
            Components member = members.get(ObjectId.relation(h.oid()));
            if (member != null) {
                return !member.isEmpty();
            }
            var owner = seqOwners.get(h.oid());
            if (owner == null) {
                return selection.relations().contains(h.oid());
            }
            boolean tableDumped = selection.relations().contains(owner.table().oid());
            // An identity sequence is part of its table; a serial's sequence comes along with its table.
            return owner.identity() ? tableDumped : tableDumped || selection.relations().contains(h.oid());
        }).toList();
        // pg_dump locks the tables whose definition or data it dumps for itself, not an extension's members
        lock(jdbc, chosen.stream().filter(h -> !memberOids.contains(h.oid())).toList());
        // the families' deparse functions read the latest catalog rows: only once the tables are locked
        SideReads.Pending<List<FamilyObject>> familyObjects = side.submit(j -> List.copyOf(families.read(ctx.on(j))));

        progress.info("reading table attributes");
        Map<Long, List<Column>> columns = ColumnReader.read(jdbc, f,
                chosen.stream().filter(h -> h.relkind() != 'S').mapToLong(RelationHead::oid).toArray());
        Map<Long, String> relComments = relationComments(jdbc, chosen);

        List<Table> tables = new ArrayList<>();
        List<Long> viewOids = new ArrayList<>();
        Map<Long, QualifiedName> sequenceNames = new LinkedHashMap<>();
        for (RelationHead h : chosen) {
            switch (h.relkind()) {
                case 'r' -> tables.add(new Table(ObjectId.relation(h.oid()), h.name(), h.ownership(), h.tablespace(),
                        h.accessMethod(), h.persistence(), h.options(), columns.getOrDefault(h.oid(), List.of()),
                        relComments.get(h.oid())));
                case 'v' -> viewOids.add(h.oid());
                case 'S' -> sequenceNames.put(h.oid(), h.name());
                // Other kinds were refused by the guard when definitions are dumped; with -a they have no data
                // of their own (a partitioned table's rows are in its partitions).
                default -> {
                }
            }
        }
        List<View> views = readViews(jdbc, chosen, viewOids, columns, relComments);
        List<Sequence> sequences = readSequences(jdbc, f, chosen, sequenceNames, seqOwners, relComments);

        progress.info("reading indexes and constraints");
        long[] tableOids = tables.stream().mapToLong(t -> t.id().oid()).filter(o -> !memberOids.contains(o))
                .toArray();
        List<Index> indexes = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        IndexReader.read(jdbc, tableOids, indexes, constraints);
        constraints.addAll(ConstraintReader.read(jdbc, f, tableOids));

        progress.info("reading object families");
        guard.get(); // an object we cannot dump is the error to report, before any other
        List<FamilyObject> objects = new ArrayList<>(allSchemas.size());
        // pg_dump's selectDumpableNamespace: a schema that is not selected keeps its place in the sort only
        for (Schema s : allSchemas) {
            objects.add(selection.schemas().contains(s.id().oid()) ? s : s.withComponents(Components.NONE));
        }
        objects.addAll(familyObjects.get());
        ctx.warnings().forEach(progress::warning);

        progress.info("reading dependency data");
        var deps = dependencies.get();
        List<Unselected> unselected = unselected(heads, chosen);
        if (largeObjects) {
            progress.info("reading large objects");
            objects.addAll(LargeObjectReader.read(jdbc));
        }
        Map<ObjectId, Components> chosenMembers = new HashMap<>();
        Map<ObjectId, String> dataFilters = new HashMap<>();
        for (RelationHead h : chosen) {
            ObjectId id = ObjectId.relation(h.oid());
            Components c = members.get(id);
            if (c != null) {
                chosenMembers.put(id, c);
                ReadContext.ConfigTable config = ctx.configTable(h.oid());
                if (c.has(Components.DATA) && config != null && !config.condition().isEmpty()) {
                    dataFilters.put(id, config.condition());
                }
            }
        }
        return new Catalog(database, server, tables, views, sequences, indexes, constraints, unselected, objects,
                deps, new Catalog.ExtensionRelations(chosenMembers, dataFilters));
    }

    /**
     * The relations that are not dumped but keep their place in the sort. A set of the chosen OIDs, not
     * {@code chosen.contains}: that compared whole records, quadratic in the number of relations.
     */
    static List<Unselected> unselected(List<RelationHead> heads, List<RelationHead> chosen) {
        List<Unselected> out = new ArrayList<>();
        Set<Long> chosenOids = new HashSet<>(chosen.size() * 2);
        chosen.forEach(h -> chosenOids.add(h.oid()));
        heads.stream().filter(h -> !chosenOids.contains(h.oid()))
                .forEach(h -> out.add(new Unselected(ObjectId.relation(h.oid()), h.name().schema(), h.name().name())));
        return out;
    }

    /** ACCESS SHARE locks on every dumped table before any definition is read (pg_dump's getTables). */
    private static void lock(Jdbc jdbc, List<RelationHead> chosen) {
        StringBuilder sql = new StringBuilder();
        for (RelationHead h : chosen) {
            if (h.relkind() != 'r' && h.relkind() != 'p') {
                continue;
            }
            sql.append(sql.length() == 0 ? "LOCK TABLE " : ", ")
                    .append(Sql.qualified(h.name().schema(), h.name().name()));
            if (sql.length() > LOCK_BATCH_CHARS) {
                jdbc.execute("lock tables", sql.append(" IN ACCESS SHARE MODE").toString());
                sql.setLength(0);
            }
        }
        if (sql.length() > 0) {
            jdbc.execute("lock tables", sql.append(" IN ACCESS SHARE MODE").toString());
        }
    }

    private static Map<Long, String> relationComments(Jdbc jdbc, List<RelationHead> chosen) {
        Map<Long, String> out = new HashMap<>();
        jdbc.query("comments", """
                SELECT d.objoid, d.description FROM pg_catalog.pg_description d
                 WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
                   AND d.objoid = ANY(?)
                """, rs -> out.put(rs.getLong(1), rs.getString(2)),
                chosen.stream().mapToLong(RelationHead::oid).toArray());
        return out;
    }

    private static List<View> readViews(Jdbc jdbc, List<RelationHead> chosen, List<Long> oids,
            Map<Long, List<Column>> columns, Map<Long, String> comments) {
        Map<Long, RelationHead> byOid = chosen.stream().collect(Collectors.toMap(RelationHead::oid, h -> h));
        return jdbc.query("views", """
                SELECT c.oid, pg_catalog.pg_get_viewdef(c.oid) AS viewdef,
                       pg_catalog.array_remove(pg_catalog.array_remove(c.reloptions, 'check_option=local'),
                                               'check_option=cascaded')::pg_catalog.text[] AS reloptions,
                       (SELECT r.oid FROM pg_catalog.pg_rewrite r
                         WHERE r.ev_class = c.oid AND r.rulename = '_RETURN') AS ruleoid,
                       CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL'
                            WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED' END AS checkoption
                  FROM pg_catalog.pg_class c WHERE c.oid = ANY(?) ORDER BY c.oid
                """, rs -> {
                    long oid = rs.getLong("oid");
                    RelationHead h = byOid.get(oid);
                    String def = rs.getString("viewdef");
                    if (def.endsWith(";")) {
                        def = def.substring(0, def.length() - 1);
                    }
                    List<String> options = Jdbc.textArray(rs, "reloptions");
                    return new View(ObjectId.relation(oid), h.name(), h.ownership(), def,
                            options == null ? List.of() : options, rs.getString("checkoption"),
                            columns.getOrDefault(oid, List.of()), comments.get(oid), rs.getLong("ruleoid"));
                }, Jdbc.oids(oids));
    }

    private static List<Sequence> readSequences(Jdbc jdbc, ServerFeatures f, List<RelationHead> chosen,
            Map<Long, QualifiedName> names, Map<Long, Sequence.OwnedBy> owners, Map<Long, String> comments) {
        long[] oids = Jdbc.oids(names.keySet());
        var params = SequenceReader.params(jdbc, oids);
        var states = SequenceReader.states(jdbc, f, names);
        List<Sequence> out = new ArrayList<>();
        for (RelationHead h : chosen) {
            if (h.relkind() == 'S') {
                out.add(new Sequence(ObjectId.relation(h.oid()), h.name(), h.ownership(), params.get(h.oid()),
                        h.persistence(), owners.get(h.oid()), states.get(h.oid()), comments.get(h.oid())));
            }
        }
        return out;
    }
}
