package org.pgdump4j.catalog;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.schema.Schema;

/**
 * Decides, from the unlocked catalog listing, which schemas and relations are dumped. Runs on the dump's
 * connection inside its snapshot, so pattern matching can happen server-side as pg_dump does it.
 */
@FunctionalInterface
public interface Selector {
    Selection select(Connection conn, List<Schema> schemas, List<RelationHead> relations);

    /**
     * OIDs of the schemas whose definitions are dumped, and of the relations that are dumped; what -N/-T excluded
     * (an extension's configuration table follows them, not its schema's choice); the extensions -e named (null
     * when none was given) and those --exclude-extension named; whether -n or -t narrowed the dump (pg_dump's
     * schema_include_oids or table_include_oids: then pg_catalog's changed privileges are not dumped, while -e alone
     * leaves them in); the relations whose rows are not dumped though they are (pg_dump's
     * tabledata_exclude_oids, and with --no-unlogged-table-data every unlogged table and sequence); and the foreign
     * servers --include-foreign-data matched, whose foreign tables' rows are dumped.
     */
    record Selection(Set<Long> schemas, Set<Long> relations, Set<Long> excludedSchemas, Set<Long> excludedRelations,
            @Nullable Set<Long> includedExtensions, Set<Long> excludedExtensions, boolean namesSchemasOrTables,
            Set<Long> excludedData, Set<Long> foreignDataServers) {
        public Selection {
            schemas = Set.copyOf(schemas);
            relations = Set.copyOf(relations);
            excludedSchemas = Set.copyOf(excludedSchemas);
            excludedRelations = Set.copyOf(excludedRelations);
            includedExtensions = includedExtensions == null ? null : Set.copyOf(includedExtensions);
            excludedExtensions = Set.copyOf(excludedExtensions);
            excludedData = Set.copyOf(excludedData);
            foreignDataServers = Set.copyOf(foreignDataServers);
        }

        /** Without --include-foreign-data. */
        public Selection(Set<Long> schemas, Set<Long> relations, Set<Long> excludedSchemas,
                Set<Long> excludedRelations, @Nullable Set<Long> includedExtensions, Set<Long> excludedExtensions,
                boolean namesSchemasOrTables, Set<Long> excludedData) {
            this(schemas, relations, excludedSchemas, excludedRelations, includedExtensions, excludedExtensions,
                    namesSchemasOrTables, excludedData, Set.of());
        }

        /** The same with every dumped relation's rows. */
        public Selection(Set<Long> schemas, Set<Long> relations, Set<Long> excludedSchemas,
                Set<Long> excludedRelations, @Nullable Set<Long> includedExtensions, Set<Long> excludedExtensions,
                boolean namesSchemasOrTables) {
            this(schemas, relations, excludedSchemas, excludedRelations, includedExtensions, excludedExtensions,
                    namesSchemasOrTables, Set.of());
        }

        /** Schemas and relations only: no exclusions, no extension patterns. */
        public Selection(Set<Long> schemas, Set<Long> relations) {
            this(schemas, relations, Set.of(), Set.of(), null, Set.of());
        }

        /** The same without -n or -t. */
        public Selection(Set<Long> schemas, Set<Long> relations, Set<Long> excludedSchemas,
                Set<Long> excludedRelations, @Nullable Set<Long> includedExtensions, Set<Long> excludedExtensions) {
            this(schemas, relations, excludedSchemas, excludedRelations, includedExtensions, excludedExtensions, false);
        }

        /** The same without {@code members} among the dumped relations (extension members follow their extension). */
        public Selection withoutRelations(Set<Long> members) {
            Set<Long> kept = new java.util.HashSet<>(relations);
            kept.removeAll(members);
            return new Selection(schemas, kept, excludedSchemas, excludedRelations, includedExtensions,
                    excludedExtensions, namesSchemasOrTables, excludedData, foreignDataServers);
        }
    }
}
