package org.pgdump4j.ddl;

import org.pgdump4j.model.index.IndexAttach;
import org.pgdump4j.model.relation.TableAttach;

/** The ATTACH PARTITION statements of pg_dump 18's dumpTableAttach and dumpIndexAttach. */
public final class PartitionDdl {
    private PartitionDdl() {
    }

    public static String attachTable(TableAttach a) {
        return "ALTER TABLE ONLY " + RelationDdl.qualified(a.parent()) + " ATTACH PARTITION "
                + RelationDdl.qualified(a.partition()) + " " + a.bound() + ";\n";
    }

    public static String attachIndex(IndexAttach a) {
        return "ALTER INDEX " + RelationDdl.qualified(a.parentIndex()) + " ATTACH PARTITION "
                + RelationDdl.qualified(a.index()) + ";\n";
    }
}
