package org.pgdump4j.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.catalog.coverage.CoverageGuard;
import org.pgdump4j.catalog.coverage.DumpScope;
import org.pgdump4j.model.Catalog;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.Database;
import org.pgdump4j.model.Dependencies;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ServerInfo;
import org.pgdump4j.model.relation.Unselected;
import org.pgdump4j.model.seclabel.SecurityLabels;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.object.largeobject.LargeObjectReader;
import org.pgdump4j.model.relstats.RelStats;
import org.pgdump4j.object.relation.RelationReader;
import org.pgdump4j.object.relstats.RelStatsReader;
import org.pgdump4j.object.relation.SequenceReader;
import org.pgdump4j.object.schema.SchemaReader;
import org.pgdump4j.object.seclabel.SecurityLabelReader;
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
     * @param side         runs the completeness guard, the families and the tables' indexes on a second connection
     *                     in the same snapshot while this one locks and reads pg_depend and the relations
     * @param lockWaitTimeout {@code --lock-wait-timeout}: the statement_timeout the LOCK TABLE statements run under,
     *                     or null to wait for the locks
     * @throws org.pgdump4j.UnsupportedObjectsException when pg_dump would dump objects this code cannot
     */
    public static Catalog read(Connection conn, ServerInfo server, Selector selector, boolean largeObjects,
            DumpScope scope, FamilyReader families, SideReads side, ProgressListener progress,
            @Nullable String lockWaitTimeout) {
        Jdbc jdbc = new Jdbc(conn);
        ServerFeatures f = new ServerFeatures(server.versionNum());
        // pg_dump's collectSecLabels: none at all under --no-security-labels
        SideReads.Pending<SecurityLabels> labels = scope.securityLabels() ? side.submit(SecurityLabelReader::read)
                : () -> SecurityLabels.NONE;
        progress.info("reading database");
        Database database = DatabaseReader.read(jdbc, f, scope.tablespaces(), scope.securityLabels());
        progress.info("reading schemas");
        List<Schema> allSchemas = SchemaReader.read(jdbc);
        progress.info("reading user-defined tables");
        List<RelationHead> heads = RelationHeadReader.read(jdbc, f);
        Selector.Selection selection = selector.select(conn, allSchemas, heads);
        ReadContext ctx = new ReadContext(jdbc, f, selection, scope.everything())
                .reading(scope.publications(), scope.subscriptions()).readingPolicies(scope.policies())
                .readingToastCompression(scope.toastCompression());
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
        lock(conn, chosen.stream().filter(h -> !memberOids.contains(h.oid())).toList(), lockWaitTimeout);
        // the families' deparse functions read the latest catalog rows: only once the tables are locked
        List<FamilyReader> familyParts = families.parts();
        SideReads.Pending<List<List<? extends FamilyObject>>> familyObjects = side.shared(familyParts.size(),
                (j, part) -> List.copyOf(familyParts.get(part).read(ctx.on(j))));
        // pg_depend on this connection, while the second one runs the completeness guard, the families and then
        // the tables' indexes (the largest server cost of a large catalog): this connection would otherwise wait
        // for those after its columns, with the dependencies queued ahead of them
        Dependencies deps = DependencyReader.read(jdbc, f);
        progress.info("reading tables, indexes and constraints");
        List<FamilyObject> relations = RelationReader.read(ctx, chosen, seqOwners, members, side);
        List<RelStats> statistics = List.of();
        if (scope.statistics()) {
            progress.info("reading relation statistics");
            statistics = RelStatsReader.read(jdbc, f, server.versionNum(), relations);
        }

        progress.info("reading object families");
        guard.get(); // an object we cannot dump is the error to report, before any other
        List<FamilyObject> objects = new ArrayList<>(allSchemas.size());
        // pg_dump's selectDumpableNamespace: a schema that is not selected keeps its place in the sort only
        for (Schema s : allSchemas) {
            objects.add(selection.schemas().contains(s.id().oid()) ? s : s.withComponents(Components.NONE));
        }
        familyObjects.get().forEach(objects::addAll);
        objects.addAll(unselected(heads, chosen));
        objects.addAll(relations);
        objects.addAll(statistics);
        ctx.warnings().forEach(progress::warning);

        progress.info("reading dependency data");
        if (largeObjects) {
            progress.info("reading large objects");
            objects.addAll(LargeObjectReader.read(jdbc));
        }
        return new Catalog(database, server, objects, deps, labels.get());
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

    /**
     * ACCESS SHARE locks on every dumped table before any definition is read (pg_dump's getTables), under
     * {@code lockWaitTimeout} when given; a failure reads as pg_dump's ("query failed", the statement).
     */
    private static void lock(Connection conn, List<RelationHead> chosen, @Nullable String lockWaitTimeout) {
        if (lockWaitTimeout != null) {
            execute(conn, "SET statement_timeout = " + Sql.literal(lockWaitTimeout));
        }
        StringBuilder sql = new StringBuilder();
        for (RelationHead h : chosen) {
            if (h.relkind() != 'r' && h.relkind() != 'p') {
                continue;
            }
            sql.append(sql.length() == 0 ? "LOCK TABLE " : ", ")
                    .append(Sql.qualified(h.name().schema(), h.name().name()));
            if (sql.length() > LOCK_BATCH_CHARS) {
                execute(conn, sql.append(" IN ACCESS SHARE MODE").toString());
                sql.setLength(0);
            }
        }
        if (sql.length() > 0) {
            execute(conn, sql.append(" IN ACCESS SHARE MODE").toString());
        }
        if (lockWaitTimeout != null) {
            execute(conn, "SET statement_timeout = 0");
        }
    }

    private static void execute(Connection conn, String sql) {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw QueryFailed.of(e, sql);
        }
    }
}
