package org.pgdump4j.object.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.RoutineRef;
import org.pgdump4j.model.transform.Transform;

class TransformDdlTest {
    private static final RoutineRef FROM = new RoutineRef("pg_catalog", "gtsvector_compress", "internal");
    private static final RoutineRef TO = new RoutineRef("Odd S", "to", "internal");

    private static Transform t(String lang, RoutineRef from, RoutineRef to) {
        return new Transform(new ObjectId(3576, 16400), "int4 x", "integer", lang, from, to, null, Components.ALL);
    }

    @Test
    void fromAndToInPgDumpsOrder() {
        assertEquals("CREATE TRANSFORM FOR integer LANGUAGE plpgsql (FROM SQL WITH FUNCTION "
                + "pg_catalog.gtsvector_compress(internal), TO SQL WITH FUNCTION \"Odd S\".\"to\"(internal));\n",
                TransformDdl.create(t("plpgsql", FROM, TO)));
        assertEquals("CREATE TRANSFORM FOR integer LANGUAGE \"P4J \"\"L\"\"\" (FROM SQL WITH FUNCTION "
                + "pg_catalog.gtsvector_compress(internal));\n", TransformDdl.create(t("P4J \"L\"", FROM, null)));
        assertEquals("CREATE TRANSFORM FOR integer LANGUAGE pl (TO SQL WITH FUNCTION \"Odd S\".\"to\"(internal));\n",
                TransformDdl.create(t("pl", null, TO)));
        assertEquals("DROP TRANSFORM FOR integer LANGUAGE \"P4J \"\"L\"\"\";\n",
                TransformDdl.drop(t("P4J \"L\"", FROM, null)));
        assertEquals("FOR integer LANGUAGE pl", TransformDdl.label(t("pl", FROM, TO)));
    }

    @Test
    void neitherFunctionIsAnError() {
        assertThrows(IllegalStateException.class, () -> TransformDdl.create(t("pl", null, null)));
    }
}
