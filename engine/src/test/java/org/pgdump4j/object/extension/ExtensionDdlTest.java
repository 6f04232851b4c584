package org.pgdump4j.object.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.extension.Extension;

class ExtensionDdlTest {
    private static Extension ext(String name, String schema) {
        return new Extension(new ObjectId(3079, 16400), name, schema, null, Components.ALL);
    }

    @Test
    void createsIfNotExistsInItsSchemaWithoutVersion() {
        assertEquals("CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public;\n",
                ExtensionDdl.create(ext("hstore", "public")));
        assertEquals("DROP EXTENSION hstore;\n", ExtensionDdl.drop(ext("hstore", "public")));
    }

    @Test
    void quotesOddNames() {
        Extension e = ext("uuid-ossp", "Ext Odd \"Schema\"");
        assertEquals("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA \"Ext Odd \"\"Schema\"\"\";\n",
                ExtensionDdl.create(e));
        assertEquals("DROP EXTENSION \"uuid-ossp\";\n", ExtensionDdl.drop(e));
        assertEquals("CREATE EXTENSION IF NOT EXISTS \"select\" WITH SCHEMA \"ünï\";\n",
                ExtensionDdl.create(ext("select", "ünï")));
    }
}
