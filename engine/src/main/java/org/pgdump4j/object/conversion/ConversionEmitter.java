package org.pgdump4j.object.conversion;

import org.pgdump4j.model.conversion.Conversion;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** A conversion's entries: definition and comment (conversions have no privileges). */
public final class ConversionEmitter {
    private ConversionEmitter() {
    }

    public static void emit(Conversion c, EntrySink sink) {
        sink.definition(EntryKind.CONVERSION, c.name(), c.schema(), c.owner(), ConversionDdl.create(c),
                ConversionDdl.drop(c));
        sink.comment("CONVERSION", Sql.ident(c.name()), c.schema(), c.owner(), c.comment());
    }
}
