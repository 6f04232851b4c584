package org.pgdump4j.object.conversion;

import org.pgdump4j.model.conversion.Conversion;
import org.pgdump4j.sql.Sql;

/** The SQL pg_dump's dumpConversion writes, byte for byte. */
public final class ConversionDdl {
    private ConversionDdl() {
    }

    public static String create(Conversion c) {
        return "CREATE " + (c.isDefault() ? "DEFAULT " : "") + "CONVERSION " + Sql.qualified(c.schema(), c.name())
                + " FOR " + Sql.literal(c.from()) + " TO " + Sql.literal(c.to()) + " FROM " + c.function() + ";\n";
    }

    public static String drop(Conversion c) {
        return "DROP CONVERSION " + Sql.qualified(c.schema(), c.name()) + ";\n";
    }
}
