package org.pgdump4j.object.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.publication.Publication;
import org.pgdump4j.model.publication.PublicationSchema;
import org.pgdump4j.model.publication.PublicationTable;

class PublicationDdlTest {
    private static Publication pub(String name, boolean all, boolean ins, boolean upd, boolean del, boolean trunc,
            boolean root, char gen) {
        return new Publication(new ObjectId(6104, 16800), name, "postgres", all, ins, upd, del, trunc, root, gen,
                null, Components.ALL);
    }

    @Test
    void publishListAndOptions() {
        assertEquals("CREATE PUBLICATION p WITH (publish = 'insert, update, delete, truncate');\n",
                PublicationDdl.create(pub("p", false, true, true, true, true, false, 'n')));
        assertEquals("CREATE PUBLICATION \"All P\" FOR ALL TABLES WITH (publish = 'update, truncate', "
                + "publish_via_partition_root = true, publish_generated_columns = stored);\n",
                PublicationDdl.create(pub("All P", true, false, true, false, true, true, 's')));
        assertEquals("CREATE PUBLICATION p WITH (publish = '');\n",
                PublicationDdl.create(pub("p", false, false, false, false, false, false, 'n')));
        assertEquals("DROP PUBLICATION p;\n", PublicationDdl.drop(pub("p", false, true, true, true, true, false, 'n')));
    }

    @Test
    void tablesAlwaysOnlyWithColumnsAndRowFilter() {
        QualifiedName t = new QualifiedName("Pub S", "T");
        assertEquals("ALTER PUBLICATION p ADD TABLE ONLY \"Pub S\".\"T\";\n", PublicationDdl.addTable(
                new PublicationTable(new ObjectId(6106, 1), "p", "postgres", t, null, null, Components.ALL)));
        assertEquals("ALTER PUBLICATION p ADD TABLE ONLY \"Pub S\".\"T\" (id, \"Odd\") WHERE (true);\n",
                PublicationDdl.addTable(new PublicationTable(new ObjectId(6106, 1), "p", "postgres", t,
                        "id, \"Odd\"", "true", Components.ALL)));
        assertEquals("ALTER PUBLICATION p ADD TABLES IN SCHEMA \"Pub S\";\n", PublicationDdl.addSchema(
                new PublicationSchema(new ObjectId(6237, 2), "p", "postgres", "Pub S", Components.ALL)));
    }
}
