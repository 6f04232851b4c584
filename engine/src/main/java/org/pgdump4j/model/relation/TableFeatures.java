package org.pgdump4j.model.relation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What pg_dump writes after a table's CREATE statement (ALTER TABLE ... ALTER COLUMN ..., REPLICA IDENTITY) and
 * its TOAST table's storage parameters, which go into the CREATE statement's WITH clause.
 *
 * @param replicaIdentity pg_class.relreplident: 'd' default, 'n' nothing, 'f' full, 'i' index (written with it)
 * @param toastOptions    the TOAST table's reloptions, name=value items without the "toast." prefix
 * @param columns         the columns with a setting other than the default, in column order
 * @param foreign         a foreign table's server and options, null for any other kind
 */
public record TableFeatures(char replicaIdentity, List<String> toastOptions, List<ColumnSettings> columns,
        @Nullable ForeignTable foreign) {
    public static final TableFeatures NONE = new TableFeatures('d', List.of(), List.of());

    public TableFeatures {
        toastOptions = List.copyOf(toastOptions);
        columns = List.copyOf(columns);
    }

    /** Not a foreign table's. */
    public TableFeatures(char replicaIdentity, List<String> toastOptions, List<ColumnSettings> columns) {
        this(replicaIdentity, toastOptions, columns, null);
    }

    /**
     * A foreign table's place (pg_foreign_table).
     *
     * @param server  its foreign server's name
     * @param options its options as pg_dump writes them: "name 'value',\n    ...", "" for none
     * @param serverOid its foreign server's OID (what --include-foreign-data selects by)
     */
    public record ForeignTable(String server, String options, long serverOid) {
        public ForeignTable(String server, String options) {
            this(server, options, 0);
        }
    }

    /**
     * A column's settings that only ALTER TABLE writes.
     *
     * @param statistics  attstattarget, -1 for the default
     * @param storage     attstorage when it differs from the type's typstorage, else '\0'
     * @param compression attcompression ('p' pglz, 'l' lz4), '\0' for the default
     * @param options     attoptions as "name=value, ..." (array_to_string), "" for none
     * @param fdwOptions  a foreign table column's options as "name 'value',\n    ...", "" for none
     */
    public record ColumnSettings(String column, int statistics, char storage, char compression, String options,
            String fdwOptions) {
    }
}
