package org.pgdump4j.object.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.object.RecordingSink;

class SchemaDdlTest {
    private static final Ownership OWN = new Ownership("alice", List.of("alice=UC/alice", "bob=U/alice"),
            List.of("alice=UC/alice"));

    private static Schema schema(String name, boolean create, boolean definition, String comment) {
        return new Schema(new ObjectId(ObjectId.PG_NAMESPACE, 16400), name, OWN, comment, create, definition,
                Components.ALL);
    }

    @Test
    void createAndDropQuoteTheName() {
        Schema s = schema("Odd \"S\"", true, true, null);
        assertEquals("CREATE SCHEMA \"Odd \"\"S\"\"\";\n", SchemaDdl.create(s));
        assertEquals("DROP SCHEMA \"Odd \"\"S\"\"\";\n", SchemaDdl.drop(s));
    }

    @Test
    void publicIsNeverCreatedNorDropped() {
        Schema p = schema("public", false, true, null);
        assertEquals("-- *not* creating schema, since initdb creates it\n", SchemaDdl.create(p));
        assertEquals("-- *not* dropping schema, since initdb creates it\n", SchemaDdl.drop(p));
    }

    @Test
    void emitsDefinitionCommentThenPrivileges() {
        RecordingSink sink = new RecordingSink();
        SchemaEmitter.emit(schema("app", true, true, "the app"), sink);
        assertEquals(List.of(
                "definition SCHEMA | app | null | alice | CREATE SCHEMA app;\n | DROP SCHEMA app;\n",
                "comment SCHEMA | app | null | alice | the app",
                "labels SCHEMA | app | null | alice",
                "acl SCHEMA | app | null | [alice=UC/alice, bob=U/alice] | SCHEMA app"), sink.calls());
    }

    @Test
    void publicWithItsInitdbOwnerHasNoDefinitionButItsCommentAndPrivileges() {
        RecordingSink sink = new RecordingSink();
        SchemaEmitter.emit(schema("public", false, false, ""), sink);
        assertEquals(List.of("comment SCHEMA | public | null | alice | ", "labels SCHEMA | public | null | alice",
                "acl SCHEMA | public | null | [alice=UC/alice, bob=U/alice] | SCHEMA public"), sink.calls());
    }
}
