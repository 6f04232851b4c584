package org.pgdump4j.catalog;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.pgdump4j.model.Schema;

/**
 * Decides, from the unlocked catalog listing, which schemas and relations are dumped. Runs on the dump's
 * connection inside its snapshot, so pattern matching can happen server-side as pg_dump does it.
 */
@FunctionalInterface
public interface Selector {
    Selection select(Connection conn, List<Schema> schemas, List<RelationHead> relations);

    /** OIDs of the schemas whose definitions are dumped, and of the relations that are dumped. */
    record Selection(Set<Long> schemas, Set<Long> relations) {
        public Selection {
            schemas = Set.copyOf(schemas);
            relations = Set.copyOf(relations);
        }
    }
}
