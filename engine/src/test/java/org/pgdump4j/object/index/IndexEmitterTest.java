package org.pgdump4j.object.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.ddl.RelationDdl;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.model.relation.Constraint;
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

    @Test
    void statisticsTargetsByColumnNumberThenTheReplicaIdentity() {
        Index i = new Index(ObjectId.relation(16801), ObjectId.relation(16500), new QualifiedName("app", "Order"),
                "alice", "By Expr", "CREATE INDEX \"By Expr\" ON app.\"Order\" USING btree (((a + b)), a)", "",
                false, null, Components.ALL, false, List.of(new Index.StatisticsTarget(1, 300),
                        new Index.StatisticsTarget(3, 0)), true);
        RecordingSink sink = new RecordingSink();
        IndexEmitter.emit(i, sink);
        assertEquals(List.of(
                "definition INDEX | By Expr | app | alice |  | null | - | CREATE INDEX \"By Expr\" ON app.\"Order\" "
                        + "USING btree (((a + b)), a);\n"
                        + "ALTER INDEX app.\"By Expr\" ALTER COLUMN 1 SET STATISTICS 300;\n"
                        + "ALTER INDEX app.\"By Expr\" ALTER COLUMN 3 SET STATISTICS 0;\n"
                        + "\nALTER TABLE ONLY app.\"Order\" REPLICA IDENTITY USING INDEX \"By Expr\";\n"
                        + " | DROP INDEX app.\"By Expr\";\n",
                "comment INDEX | \"By Expr\" | app | alice | null"), sink.calls());
    }

    @Test
    void extensionMarksAfterTheStatisticsBeforeTheReplicaIdentityOrAfterAConstraintsReplicaIdentity() {
        QualifiedName t = new QualifiedName("app", "Order");
        Index i = new Index(ObjectId.relation(16800), ObjectId.relation(16500), t, "alice", "Order_expr",
                "CREATE UNIQUE INDEX \"Order_expr\" ON app.\"Order\" USING btree ((id + 1))", "", false, null,
                Components.ALL, false, List.of(new Index.StatisticsTarget(1, 100)), true, List.of("hstore", "ext é"));
        assertEquals("CREATE UNIQUE INDEX \"Order_expr\" ON app.\"Order\" USING btree ((id + 1));\n"
                + "ALTER INDEX app.\"Order_expr\" ALTER COLUMN 1 SET STATISTICS 100;\n"
                + "\nALTER INDEX app.\"Order_expr\" DEPENDS ON EXTENSION hstore;"
                + "\nALTER INDEX app.\"Order_expr\" DEPENDS ON EXTENSION \"ext é\";"
                + "\nALTER TABLE ONLY app.\"Order\" REPLICA IDENTITY USING INDEX \"Order_expr\";\n",
                RelationDdl.createIndex(i, t));
        Constraint k = new Constraint(new ObjectId(ObjectId.PG_CONSTRAINT, 16900), ObjectId.relation(16500), t,
                "alice", "Order_pkey", 'p', "PRIMARY KEY (id)", true, ObjectId.relation(16901), "", false, null,
                Components.ALL, false, true, null, false, List.of("hstore"));
        assertEquals("ALTER TABLE ONLY app.\"Order\"\n    ADD CONSTRAINT \"Order_pkey\" PRIMARY KEY (id);\n"
                + "\nALTER TABLE ONLY app.\"Order\" REPLICA IDENTITY USING INDEX \"Order_pkey\";\n"
                + "\nALTER INDEX app.\"Order_pkey\" DEPENDS ON EXTENSION hstore;", RelationDdl.addConstraint(k, t));
    }
}
