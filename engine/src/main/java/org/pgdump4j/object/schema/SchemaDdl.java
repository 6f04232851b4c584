package org.pgdump4j.object.schema;

import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.sql.Sql;

/** pg_dump's dumpNamespace text. public, which initdb makes, is never created nor dropped. */
public final class SchemaDdl {
    private SchemaDdl() {
    }

    public static String create(Schema s) {
        return s.create() ? "CREATE SCHEMA " + Sql.ident(s.name()) + ";\n"
                : "-- *not* creating schema, since initdb creates it\n";
    }

    public static String drop(Schema s) {
        return s.create() ? "DROP SCHEMA " + Sql.ident(s.name()) + ";\n"
                : "-- *not* dropping schema, since initdb creates it\n";
    }
}
