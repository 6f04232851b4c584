package org.pgdump4j.object.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.object.RecordingSink;

class IndexEmitterTest {
    @Test
    void indexEntryInItsTablespaceOwnedByItsTablesOwnerThenItsComment() {
        Index i = new Index(ObjectId.relation(16800), ObjectId.relation(16500), new QualifiedName("app", "Order"),
                "alice", "Order_note_idx", "CREATE INDEX \"Order_note_idx\" ON app.\"Order\" USING btree (note)", "fast",
                true, "by note", Components.ALL, false);
        RecordingSink sink = new RecordingSink();
        IndexEmitter.emit(i, sink);
        assertEquals(List.of(
                "definition INDEX | Order_note_idx | app | alice | fast | null | - | CREATE INDEX \"Order_note_idx\" ON "
                        + "app.\"Order\" USING btree (note);\n\nALTER TABLE app.\"Order\" CLUSTER ON \"Order_note_idx\";\n"
                        + " | DROP INDEX app.\"Order_note_idx\";\n",
                "comment INDEX | \"Order_note_idx\" | app | alice | by note"), sink.calls());
    }
}
