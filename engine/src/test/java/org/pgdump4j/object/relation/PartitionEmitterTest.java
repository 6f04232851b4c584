package org.pgdump4j.object.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.ddl.RelationDdl;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.model.index.IndexAttach;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.Lineage;
import org.pgdump4j.model.relation.Table;
import org.pgdump4j.model.relation.TableAttach;
import org.pgdump4j.object.RecordingSink;

/** Partitioned tables, partitions and their attachments: records to entries and text, no server. */
class PartitionEmitterTest {
    private static final QualifiedName PARENT = new QualifiedName("app", "Order");
    private static final QualifiedName PART = new QualifiedName("Odd \"S\"", "o1");

    private static Table table(QualifiedName name, Lineage lineage) {
        return new Table(ObjectId.relation(16500), name, new Ownership("alice", null, List.of()), "", null, 'p',
                List.of(), List.of(new Column(1, "k", "integer", 23, true, "", null, null, '\0', '\0', null, null,
                        null)), null, List.of(), null, Components.ALL, lineage);
    }

    @Test
    void aPartitionedTableEndsWithItsKeyAndHasNoAccessMethod() {
        RecordingSink sink = new RecordingSink();
        RelationEmitter.table(table(PARENT, new Lineage("RANGE (k)", false, null, false)), sink);
        assertEquals("definition TABLE | Order | app | alice |  | null | p | CREATE TABLE app.\"Order\" (\n"
                + "    k integer NOT NULL\n"
                + ")\nPARTITION BY RANGE (k);\n | DROP TABLE app.\"Order\";\n", sink.calls().get(0));
    }

    @Test
    void aPartitionIsAttachedByItsOwnerWithoutDrop() {
        TableAttach a = new TableAttach(ObjectId.attach(16600), ObjectId.relation(16600), PART, "bob",
                ObjectId.relation(16500), PARENT, "FOR VALUES FROM (0) TO (10)", Components.ALL);
        RecordingSink sink = new RecordingSink();
        PartitionEmitter.tableAttach(a, sink);
        assertEquals(List.of("definition TABLE ATTACH | o1 | Odd \"S\" | bob | ALTER TABLE ONLY app.\"Order\" "
                + "ATTACH PARTITION \"Odd \"\"S\"\"\".o1 FOR VALUES FROM (0) TO (10);\n | "), sink.calls());
        assertEquals(List.of(ObjectId.relation(16600), ObjectId.relation(16500)), a.requires());
    }

    @Test
    void aPartitionIndexIsAttachedByTheParentTablesOwner() {
        IndexAttach a = new IndexAttach(ObjectId.attach(16700), ObjectId.relation(16700),
                new QualifiedName("Odd \"S\"", "o1_k_idx"), ObjectId.relation(16600), ObjectId.relation(16701),
                new QualifiedName("app", "Order_k"), ObjectId.relation(16500), "alice", Components.ALL);
        RecordingSink sink = new RecordingSink();
        PartitionEmitter.indexAttach(a, sink);
        assertEquals(List.of("definition INDEX ATTACH | o1_k_idx | Odd \"S\" | alice | ALTER INDEX app.\"Order_k\" "
                + "ATTACH PARTITION \"Odd \"\"S\"\"\".o1_k_idx;\n | "), sink.calls());
    }

    @Test
    void anAttachedIndexHasNoDropAndAForeignKeyOnAPartitionedTableNoOnly() {
        Index attached = new Index(ObjectId.relation(16700), ObjectId.relation(16600), PART, "bob", "o1_k_idx",
                "CREATE INDEX o1_k_idx ON \"Odd \"\"S\"\"\".o1 USING btree (k)", "", false, null, Components.ALL, true);
        assertEquals("", RelationDdl.dropIndex(attached, PART));
        Constraint fk = new Constraint(new ObjectId(ObjectId.PG_CONSTRAINT, 16800), ObjectId.relation(16500), PARENT,
                "alice", "k_fkey", 'f', "FOREIGN KEY (k) REFERENCES app.r(k)", true, null, null, false, null,
                Components.ALL, true, false, ObjectId.relation(16600));
        assertEquals("ALTER TABLE app.\"Order\"\n    ADD CONSTRAINT k_fkey FOREIGN KEY (k) REFERENCES app.r(k);\n",
                RelationDdl.addConstraint(fk, PARENT));
        assertEquals("ALTER TABLE app.\"Order\" DROP CONSTRAINT k_fkey;\n", RelationDdl.dropConstraint(fk, PARENT));
    }
}
