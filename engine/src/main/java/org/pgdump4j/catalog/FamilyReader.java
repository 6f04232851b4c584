package org.pgdump4j.catalog;

import java.util.List;
import org.pgdump4j.model.FamilyObject;

/**
 * Reads one family of objects (pg_dump's getXxx): a query built with {@link Query} for the server's version, rows
 * mapped to model records with the version differences smoothed away, each record's components decided by
 * {@link ReadContext}. Objects that are not dumped are still returned (with no components): they keep their
 * place in the sort.
 */
@FunctionalInterface
public interface FamilyReader {
    List<? extends FamilyObject> read(ReadContext ctx);

    /**
     * Readers that together read what this one reads, in its order, each needing nothing the others read: the
     * dump spreads them over its connections.
     */
    default List<FamilyReader> parts() {
        return List.of(this);
    }
}
