package org.pgdump4j.model.relstats;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * A dumped relation's optimizer statistics (pg_dump 18's RelStatsInfo): its pg_class counters and its pg_stats
 * rows, written as one STATISTICS DATA entry.
 *
 * @param id            this object's own identity: the relation's, under a class OID of its own (no catalog row)
 * @param relation      the table or index the statistics are of (the entry depends on it)
 * @param postData      an index's statistics (post-data); a table's are data, and a materialized view's until
 *                      the TOC assembler moves them after its REFRESH
 * @param sourceVersion the source server's server_version_num, passed as {@code version}
 * @param counters      relpages, reltuples, relallvisible, relallfrozen
 * @param attributes    the pg_stats rows, in pg_dump's order (attname, then inherited)
 */
public record RelStats(
        ObjectId id,
        ObjectId relation,
        String schema,
        String name,
        boolean postData,
        int sourceVersion,
        Counters counters,
        List<AttributeStats> attributes,
        Components components) implements FamilyObject {
    /**
     * No catalog holds these objects: a class OID that is no catalog's (nor {@link ObjectId#NO_CATALOG}, the attach
     * objects') keeps their ids apart from their relations' and attachments'.
     */
    public static final long CLASS = -1;

    public RelStats {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
    }

    /**
     * pg_class's counters as the source prints them.
     *
     * @param reltuples    text of pg_class.reltuples (a real)
     * @param relallfrozen null before 18, whose sources have none (pg_dump then leaves the argument out)
     */
    public record Counters(int relpages, String reltuples, int relallvisible, @Nullable Integer relallfrozen) {
        public Counters {
            Objects.requireNonNull(reltuples, "reltuples");
        }
    }

    public static ObjectId idOf(long relationOid) {
        return new ObjectId(CLASS, relationOid);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.REL_STATS;
    }

    @Override
    public String sortName() {
        return name;
    }
}
