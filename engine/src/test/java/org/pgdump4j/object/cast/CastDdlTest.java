package org.pgdump4j.object.cast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.RoutineRef;
import org.pgdump4j.model.cast.Cast;

class CastDdlTest {
    private static Cast cast(String s, String t, char method, char context, RoutineRef f) {
        return new Cast(new ObjectId(2605, 16400), "a b", s, t, method, context, f, null, Components.ALL);
    }

    @Test
    void everyMethodAndContext() {
        assertEquals("CREATE CAST (date AS integer) WITHOUT FUNCTION;\n",
                CastDdl.create(cast("date", "integer", 'b', 'e', null)));
        assertEquals("CREATE CAST (text AS date) WITH INOUT AS IMPLICIT;\n",
                CastDdl.create(cast("text", "date", 'i', 'i', null)));
        assertEquals("CREATE CAST (double precision AS timestamp with time zone) WITH FUNCTION "
                + "pg_catalog.to_timestamp(double precision) AS ASSIGNMENT;\n",
                CastDdl.create(cast("double precision", "timestamp with time zone", 'f', 'a',
                        new RoutineRef("pg_catalog", "to_timestamp", "double precision"))));
        assertEquals("DROP CAST (text AS date);\n", CastDdl.drop(cast("text", "date", 'i', 'i', null)));
    }

    @Test
    void quotesTheFunctionNotTheFormattedTypes() {
        assertEquals("CREATE CAST (\"Odd\".t AS \"char\") WITH FUNCTION \"Odd \"\"S\"\"\".\"F\"(\"Odd\".t, integer, "
                + "boolean);\n", CastDdl.create(cast("\"Odd\".t", "\"char\"", 'f', 'e',
                new RoutineRef("Odd \"S\"", "F", "\"Odd\".t, integer, boolean"))));
        assertEquals("(\"Odd\".t AS \"char\")", CastDdl.label(cast("\"Odd\".t", "\"char\"", 'b', 'e', null)));
    }

    @Test
    void aFunctionCastWithoutItsFunctionIsAnError() {
        assertThrows(IllegalStateException.class, () -> CastDdl.create(cast("a", "b", 'f', 'e', null)));
        assertThrows(IllegalStateException.class, () -> CastDdl.create(cast("a", "b", 'x', 'e', null)));
    }
}
