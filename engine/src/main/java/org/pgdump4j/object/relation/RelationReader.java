package org.pgdump4j.object.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.RelationHead;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.catalog.SideReads;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.model.index.IndexAttach;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.Sequence;
import org.pgdump4j.model.relation.Table;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.model.relation.View;
import org.pgdump4j.object.index.IndexReader;

/**
 * pg_dump's getTableAttrs, getIndexes and getConstraints for the relations chosen (and locked) by the catalog
 * listing: tables with their columns and CHECK constraints, views, sequences, then the tables' other constraints
 * and their indexes. An extension's member relation gets the components given for it and no constraints or
 * indexes (its extension creates them).
 */
public final class RelationReader {
    private RelationReader() {
    }

    /**
     * @param chosen    the relations dumped, in catalog order
     * @param seqOwners the owning column of each sequence that has one
     * @param members   an extension member relation's components, by relation
     * @param side      reads the tables' indexes and constraints on the second connection while this one reads
     *                  the columns: the server deparses every index and constraint there, the largest server
     *                  cost of a catalog of many tables, and the two halves then use two backends
     */
    public static List<FamilyObject> read(ReadContext ctx, List<RelationHead> chosen,
            Map<Long, Sequence.OwnedBy> seqOwners, Map<ObjectId, Components> members, SideReads side) {
        Jdbc jdbc = ctx.jdbc();
        ServerFeatures f = ctx.features();
        Function<ObjectId, Components> components = id -> {
            Components member = members.get(id);
            return member != null ? member : ctx.chosenRelationComponents(id.oid());
        };
        Map<Long, RelationHead> byOid = new HashMap<>(chosen.size() * 4 / 3 + 1);
        chosen.forEach(h -> byOid.put(h.oid(), h));
        long[] tableOids = chosen.stream().filter(h -> h.relkind() == 'r' || h.relkind() == 'p' || h.relkind() == 'f')
                .filter(h -> !members.containsKey(ObjectId.relation(h.oid()))).mapToLong(RelationHead::oid).toArray();
        // The tables' indexes, the largest server cost of a catalog of many tables, in parts of consecutive OIDs
        // (the query's order): the second connection starts on them when free, this one takes the rest once its own
        // reads below are done.
        Map<Long, List<String>> indexMarks = IndexReader.extensionMarks(jdbc);
        long[][] parts = parts(tableOids);
        SideReads.Pending<List<Found>> tableIndexes = side.shared(parts.length, (j, part) -> {
            Found found = new Found(new ArrayList<>(), new ArrayList<>());
            IndexReader.read(j, f, byOid, parts[part], indexMarks, found.indexes(), found.constraints());
            return found;
        });
        Map<Long, List<Column>> columns = ColumnReader.read(jdbc, f,
                chosen.stream().filter(h -> h.relkind() != 'S').mapToLong(RelationHead::oid).toArray());
        Map<Long, String> comments = relationComments(jdbc, chosen);
        PartitionReader.Trees trees = partitionTrees(jdbc, f, byOid, tableOids);
        long[] matviewOids = chosen.stream().filter(h -> h.relkind() == 'm')
                .filter(h -> !members.containsKey(ObjectId.relation(h.oid()))).mapToLong(RelationHead::oid).toArray();
        Found matviewIndexes = new Found(new ArrayList<>(), new ArrayList<>());
        IndexReader.read(jdbc, f, byOid, matviewOids, indexMarks, matviewIndexes.indexes(),
                matviewIndexes.constraints());
        Map<Long, TableFeatures> features = TableFeatureReader.read(jdbc, f, ctx.toastCompression(),
                concat(tableOids, matviewOids));
        List<Constraint> otherConstraints = ConstraintReader.read(jdbc, f, byOid, tableOids);

        List<Index> indexes = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        for (Found part : tableIndexes.get()) {
            indexes.addAll(part.indexes());
            constraints.addAll(part.constraints());
        }
        Set<Long> dumpedIndexes = new HashSet<>();
        indexes.forEach(i -> dumpedIndexes.add(i.id().oid()));
        for (Constraint k : constraints) { // IndexReader's: each has its index
            if (k.index() != null) {
                dumpedIndexes.add(k.index().oid());
            }
        }
        List<IndexAttach> indexAttachments = PartitionReader.indexAttachments(jdbc, tableOids, dumpedIndexes);
        indexes.addAll(matviewIndexes.indexes());
        constraints.addAll(matviewIndexes.constraints());
        constraints.addAll(otherConstraints);
        // a validated CHECK is part of its table (written inside CREATE TABLE); the others are objects of their own
        Map<ObjectId, List<Constraint>> checks = new HashMap<>();
        List<Constraint> separate = new ArrayList<>(constraints.size());
        for (Constraint k : constraints) {
            if (k.isInlineCheck()) {
                checks.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(k);
            } else {
                separate.add(k);
            }
        }

        List<FamilyObject> out = new ArrayList<>(chosen.size() + separate.size() + indexes.size());
        Map<ObjectId, Table> tables = new HashMap<>();
        List<Long> viewOids = new ArrayList<>();
        List<Long> matviews = new ArrayList<>();
        Map<Long, QualifiedName> sequenceNames = new LinkedHashMap<>();
        for (RelationHead h : chosen) {
            ObjectId id = ObjectId.relation(h.oid());
            switch (h.relkind()) {
                case 'r', 'p', 'f' -> { // a foreign table's server and options are among its features
                    TableFeatures tf = features.getOrDefault(h.oid(), TableFeatures.NONE);
                    Components own = members.containsKey(id) ? members.get(id)
                            : ctx.chosenRelationComponents(h.oid(), tf.foreign() == null ? 0 : tf.foreign().serverOid());
                    Table t = new Table(id, h.name(), h.ownership(), h.tablespace(), h.accessMethod(),
                            h.persistence(), h.options(), columns.getOrDefault(h.oid(), List.of()),
                            comments.get(h.oid()), checks.getOrDefault(id, List.of()), dataFilter(ctx, h, members),
                            own, trees.of(h.oid()), tf, h.forceRowSecurity(), h.diskBytes());
                    tables.put(id, t);
                    out.add(t);
                }
                case 'v' -> viewOids.add(h.oid());
                case 'm' -> matviews.add(h.oid());
                case 'S' -> sequenceNames.put(h.oid(), h.name());
                // Other kinds were refused by the guard when definitions are dumped; with -a they have no data
                // of their own.
                default -> {
                }
            }
        }
        out.addAll(readViews(jdbc, byOid, viewOids, columns, comments, members));
        out.addAll(MaterializedViewReader.read(jdbc, byOid, Jdbc.oids(matviews), columns, comments, features,
                components));
        var params = SequenceReader.params(jdbc, Jdbc.oids(sequenceNames.keySet()));
        var states = SequenceReader.states(jdbc, f, sequenceNames);
        for (RelationHead h : chosen) {
            if (h.relkind() == 'S') {
                ObjectId id = ObjectId.relation(h.oid());
                out.add(new Sequence(id, h.name(), h.ownership(), params.get(h.oid()), h.persistence(),
                        resolved(seqOwners.get(h.oid()), tables), states.get(h.oid()), comments.get(h.oid()),
                        components.apply(id)));
            }
        }
        out.addAll(separate);
        out.addAll(indexes);
        out.addAll(trees.attachments());
        out.addAll(indexAttachments);
        return out;
    }

    /** The indexes and the constraints that have one, as IndexReader reads them. */
    private record Found(List<Index> indexes, List<Constraint> constraints) {
    }

    private static PartitionReader.Trees partitionTrees(Jdbc jdbc, ServerFeatures f, Map<Long, RelationHead> byOid,
            long[] tables) {
        Map<Long, QualifiedName> names = new HashMap<>();
        Map<Long, String> owners = new HashMap<>();
        for (long oid : tables) {
            names.put(oid, byOid.get(oid).name());
            owners.put(oid, byOid.get(oid).ownership().owner());
        }
        return PartitionReader.trees(jdbc, f, tables, names, owners);
    }

    /** Tables per part of the index reads: a part's query costs the server tens of milliseconds. */
    private static final int INDEX_PART = 1000;

    /** {@code oids} sorted, in slices of at most {@link #INDEX_PART}. */
    private static long[][] parts(long[] oids) {
        long[] sorted = oids.clone();
        java.util.Arrays.sort(sorted);
        long[][] parts = new long[(sorted.length + INDEX_PART - 1) / INDEX_PART][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = java.util.Arrays.copyOfRange(sorted, i * INDEX_PART, Math.min(sorted.length, (i + 1) * INDEX_PART));
        }
        return parts;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The owning column with its table's name and the column's identity kind, when that table is dumped. */
    private static Sequence.@Nullable OwnedBy resolved(Sequence.@Nullable OwnedBy o, Map<ObjectId, Table> tables) {
        if (o == null) {
            return null;
        }
        Table t = tables.get(o.table());
        if (t == null) {
            return o;
        }
        char identity = t.columns().stream().filter(c -> c.name().equals(o.column())).map(Column::identity)
                .findFirst().orElse('\0');
        return new Sequence.OwnedBy(o.table(), o.column(), o.identity(), t.name(), identity);
    }

    /** A configuration table's condition, when its rows are dumped and it has one. */
    private static @Nullable String dataFilter(ReadContext ctx, RelationHead h, Map<ObjectId, Components> members) {
        Components c = members.get(ObjectId.relation(h.oid()));
        ReadContext.ConfigTable config = c == null ? null : ctx.configTable(h.oid());
        return c != null && c.has(Components.DATA) && config != null && !config.condition().isEmpty()
                ? config.condition() : null;
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

    private static List<View> readViews(Jdbc jdbc, Map<Long, RelationHead> byOid, List<Long> oids,
            Map<Long, List<Column>> columns, Map<Long, String> comments, Map<ObjectId, Components> members) {
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
                    ObjectId id = ObjectId.relation(oid);
                    return new View(id, h.name(), h.ownership(), def, options == null ? List.of() : options,
                            rs.getString("checkoption"), columns.getOrDefault(oid, List.of()), comments.get(oid),
                            rs.getLong("ruleoid"), members.getOrDefault(id, Components.ALL));
                }, Jdbc.oids(oids));
    }
}
