package org.pgdump4j.object.extension;

import org.pgdump4j.model.extension.Extension;
import org.pgdump4j.sql.Sql;

/**
 * What pg_dump's dumpExtension writes outside binary-upgrade mode: no VERSION (the target installs its own default
 * version), IF NOT EXISTS so that an extension already in the target does not fail the restore.
 */
public final class ExtensionDdl {
    private ExtensionDdl() {
    }

    public static String create(Extension e) {
        return "CREATE EXTENSION IF NOT EXISTS " + Sql.ident(e.name()) + " WITH SCHEMA " + Sql.ident(e.installSchema())
                + ";\n";
    }

    public static String drop(Extension e) {
        return "DROP EXTENSION " + Sql.ident(e.name()) + ";\n";
    }
}
