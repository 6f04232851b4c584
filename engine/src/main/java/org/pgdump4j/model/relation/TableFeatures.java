package org.pgdump4j.model.relation;

import java.util.List;

/**
 * What pg_dump writes after a table's CREATE statement (ALTER TABLE ... ALTER COLUMN ..., REPLICA IDENTITY) and
 * its TOAST table's storage parameters, which go into the CREATE statement's WITH clause.
 *
 * @param replicaIdentity pg_class.relreplident: 'd' default, 'n' nothing, 'f' full, 'i' index (written with it)
 * @param toastOptions    the TOAST table's reloptions, name=value items without the "toast." prefix
 * @param columns         the columns with a setting other than the default, in column order
 */
public record TableFeatures(char replicaIdentity, List<String> toastOptions, List<ColumnSettings> columns) {
    public static final TableFeatures NONE = new TableFeatures('d', List.of(), List.of());

    public TableFeatures {
        toastOptions = List.copyOf(toastOptions);
        columns = List.copyOf(columns);
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
