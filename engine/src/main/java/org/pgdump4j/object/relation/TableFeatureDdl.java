package org.pgdump4j.object.relation;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.model.relation.TableFeatures.ColumnSettings;
import org.pgdump4j.sql.Sql;

/**
 * The statements pg_dump's dumpTableSchema appends to a relation's CREATE statement for what it has only ALTER
 * syntax for: per column its statistics target, storage, compression, attribute options and foreign-data options;
 * then the replica identity (FULL or NOTHING; USING INDEX is written with the index).
 */
public final class TableFeatureDdl {
    private TableFeatureDdl() {
    }

    /**
     * @param foreign the relation is a foreign table (ALTER FOREIGN TABLE)
     * @param replicaIdentity whether the relation's kind has a replica identity (tables, matviews)
     */
    public static String after(QualifiedName relation, TableFeatures f, boolean foreign, boolean replicaIdentity) {
        if (f.columns().isEmpty() && (f.replicaIdentity() == 'd' || f.replicaIdentity() == 'i')) {
            return "";
        }
        String alter = (foreign ? "ALTER FOREIGN TABLE ONLY " : "ALTER TABLE ONLY ")
                + Sql.qualified(relation.schema(), relation.name()) + " ALTER COLUMN ";
        StringBuilder q = new StringBuilder();
        for (ColumnSettings c : f.columns()) {
            String column = alter + Sql.ident(c.column());
            if (c.statistics() >= 0) {
                q.append(column).append(" SET STATISTICS ").append(c.statistics()).append(";\n");
            }
            String storage = storage(c.storage());
            if (storage != null) {
                q.append(column).append(" SET STORAGE ").append(storage).append(";\n");
            }
            String compression = compression(c.compression());
            if (compression != null) {
                q.append(column).append(" SET COMPRESSION ").append(compression).append(";\n");
            }
            if (!c.options().isEmpty()) {
                q.append(column).append(" SET (").append(c.options()).append(");\n");
            }
            if (foreign && !c.fdwOptions().isEmpty()) {
                q.append(column).append(" OPTIONS (\n    ").append(c.fdwOptions()).append("\n);\n");
            }
        }
        if (replicaIdentity && (f.replicaIdentity() == 'n' || f.replicaIdentity() == 'f')) {
            q.append("\nALTER TABLE ONLY ").append(Sql.qualified(relation.schema(), relation.name()))
                    .append(f.replicaIdentity() == 'n' ? " REPLICA IDENTITY NOTHING;\n" : " REPLICA IDENTITY FULL;\n");
        }
        return q.toString();
    }

    /** pg_dump writes only the storage kinds it knows. */
    private static @Nullable String storage(char s) {
        return switch (s) {
            case 'p' -> "PLAIN";
            case 'e' -> "EXTERNAL";
            case 'x' -> "EXTENDED";
            case 'm' -> "MAIN";
            default -> null;
        };
    }

    private static @Nullable String compression(char c) {
        return switch (c) {
            case 'p' -> "pglz";
            case 'l' -> "lz4";
            default -> null;
        };
    }
}
