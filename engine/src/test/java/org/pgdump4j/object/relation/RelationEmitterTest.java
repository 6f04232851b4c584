package org.pgdump4j.object.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.Sequence;
import org.pgdump4j.model.relation.Lineage;
import org.pgdump4j.model.relation.Table;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.model.relation.View;
import org.pgdump4j.object.RecordingSink;

/** Tables, views, sequences and table constraints: records to entries and text, no server. */
class RelationEmitterTest {
    private static final Ownership OWN = new Ownership("alice", List.of("alice=arwdDxtm/alice", "bob=r/alice"),
            List.of("alice=arwdDxtm/alice"));
    private static final QualifiedName T = new QualifiedName("app", "Order");
    private static final ObjectId TABLE = ObjectId.relation(16500);
    private static final ObjectId DEFAULT = new ObjectId(ObjectId.PG_ATTRDEF, 16510);
    private static final ObjectId CHECK = new ObjectId(ObjectId.PG_CONSTRAINT, 16520);

    private static Column column(int num, String name, String type, String defaultExpr, ObjectId defaultId,
            List<String> acl, String comment) {
        return new Column(num, name, type, 23, num == 1, "", defaultExpr, defaultId, '\0', '\0', null, acl,
                comment);
    }

    private static Constraint check() {
        return new Constraint(CHECK, TABLE, T, "alice", "positive", 'c', "CHECK ((id > 0))", true, null, null, false,
                "ids are positive", Components.ALL, false);
    }

    private static Table table() {
        return table(false);
    }

    private static Table table(boolean forceRowSecurity) {
        return new Table(TABLE, T, OWN, "", "heap", 'p', List.of("fillfactor=70"),
                List.of(column(1, "id", "integer", "nextval('app.s'::regclass)", DEFAULT, null, null),
                        column(2, "note", "text", null, null, List.of("bob=r/alice"), "free text")),
                "orders", List.of(check()), null, Components.ALL, Lineage.NONE, TableFeatures.NONE,
                forceRowSecurity);
    }

    @Test
    void tableWithItsDefaultAndCheckInline() {
        RecordingSink sink = new RecordingSink();
        RelationEmitter.table(table(), sink);
        assertEquals(List.of(
                "definition TABLE | Order | app | alice |  | heap | r | CREATE TABLE app.\"Order\" (\n"
                        + "    id integer DEFAULT nextval('app.s'::regclass) NOT NULL,\n"
                        + "    note text,\n"
                        + "    CONSTRAINT positive CHECK ((id > 0))\n"
                        + ")\nWITH (fillfactor='70');\n | DROP TABLE app.\"Order\";\n",
                "comment TABLE | \"Order\" | app | alice | orders",
                "comment COLUMN | \"Order\".note | app | alice | free text",
                "relationLabels TABLE | app.Order | alice | 2 columns",
                "commentOn CONSTRAINT positive ON \"Order\" | CONSTRAINT positive ON app.\"Order\" | app | alice"
                        + " | ids are positive",
                "acl TABLE | \"Order\" | app | [alice=arwdDxtm/alice, bob=r/alice] | TABLE \"Order\"",
                "columnAcl TABLE | \"Order\" | note | app | [bob=r/alice] | []"), sink.calls());
    }

    @Test
    void aDefaultOrCheckTheSortMovedOutIsLeftOut() {
        RecordingSink sink = new RecordingSink(Set.of(DEFAULT, CHECK));
        RelationEmitter.table(table(), sink);
        assertEquals("definition TABLE | Order | app | alice |  | heap | r | CREATE TABLE app.\"Order\" (\n"
                + "    id integer NOT NULL,\n"
                + "    note text\n"
                + ")\nWITH (fillfactor='70');\n | DROP TABLE app.\"Order\";\n", sink.calls().get(0));
        assertEquals(List.of(), sink.calls().stream().filter(c -> c.startsWith("commentOn")).toList());
    }

    @Test
    void forcedRowSecurityEndsTheTablesEntry() {
        RecordingSink sink = new RecordingSink(Set.of(DEFAULT, CHECK));
        RelationEmitter.table(table(true), sink);
        assertEquals("definition TABLE | Order | app | alice |  | heap | r | CREATE TABLE app.\"Order\" (\n"
                + "    id integer NOT NULL,\n"
                + "    note text\n"
                + ")\nWITH (fillfactor='70');\n\nALTER TABLE ONLY app.\"Order\" FORCE ROW LEVEL SECURITY;\n"
                + " | DROP TABLE app.\"Order\";\n", sink.calls().get(0));
    }

    @Test
    void aCheckMovedOutIsItsOwnConstraintEntry() {
        RecordingSink sink = new RecordingSink();
        RelationEmitter.constraint(check(), sink);
        assertEquals(List.of(
                "definition CHECK CONSTRAINT | Order positive | app | alice | null | null | - | "
                        + "ALTER TABLE app.\"Order\"\n    ADD CONSTRAINT positive CHECK ((id > 0));\n | "
                        + "ALTER TABLE app.\"Order\" DROP CONSTRAINT positive;\n",
                "commentOn CONSTRAINT positive ON \"Order\" | CONSTRAINT positive ON app.\"Order\" | app | alice"
                        + " | ids are positive"), sink.calls());
    }

    @Test
    void primaryKeyAndForeignKeyEntries() {
        Constraint pk = new Constraint(new ObjectId(ObjectId.PG_CONSTRAINT, 16530), TABLE, T, "alice", "Order_pkey",
                'p', "PRIMARY KEY (id)", true, ObjectId.relation(16531), "fast", false, null, Components.ALL, false);
        Constraint fk = new Constraint(new ObjectId(ObjectId.PG_CONSTRAINT, 16540), TABLE, T, "alice", "to_customer",
                'f', "FOREIGN KEY (id) REFERENCES app.customer(id)", true, null, null, false, null, Components.ALL,
                false, false, ObjectId.relation(16400));
        RecordingSink sink = new RecordingSink();
        RelationEmitter.constraint(pk, sink);
        RelationEmitter.constraint(fk, sink);
        assertEquals(List.of(
                "definition CONSTRAINT | Order Order_pkey | app | alice | fast | null | - | "
                        + "ALTER TABLE ONLY app.\"Order\"\n    ADD CONSTRAINT \"Order_pkey\" PRIMARY KEY (id);\n | "
                        + "ALTER TABLE ONLY app.\"Order\" DROP CONSTRAINT \"Order_pkey\";\n",
                "commentOn CONSTRAINT \"Order_pkey\" ON \"Order\" | CONSTRAINT \"Order_pkey\" ON app.\"Order\" | app"
                        + " | alice | null",
                "definition FK CONSTRAINT | Order to_customer | app | alice | null | null | - | "
                        + "ALTER TABLE ONLY app.\"Order\"\n    ADD CONSTRAINT to_customer FOREIGN KEY (id) REFERENCES "
                        + "app.customer(id);\n | ALTER TABLE ONLY app.\"Order\" DROP CONSTRAINT to_customer;\n",
                "commentOn CONSTRAINT to_customer ON \"Order\" | CONSTRAINT to_customer ON app.\"Order\" | app"
                        + " | alice | null"), sink.calls());
    }

    private static View view() {
        return new View(ObjectId.relation(16600), new QualifiedName("app", "v"), OWN, " SELECT 1 AS one",
                List.of(), "LOCAL", List.of(column(1, "one", "integer", null, null, null, "just one")), null, 16601,
                Components.ALL);
    }

    @Test
    void viewWithItsRuleInline() {
        RecordingSink sink = new RecordingSink();
        RelationEmitter.view(view(), sink);
        assertEquals(List.of(
                "definition VIEW | v | app | alice | CREATE VIEW app.v AS\n SELECT 1 AS one\n  WITH LOCAL CHECK OPTION;\n"
                        + " | DROP VIEW app.v;\n",
                "comment VIEW | v | app | alice | null",
                "comment COLUMN | v.one | app | alice | just one",
                "relationLabels VIEW | app.v | alice | 1 columns",
                "acl TABLE | v | app | [alice=arwdDxtm/alice, bob=r/alice] | TABLE v"), sink.calls());
    }

    @Test
    void viewWhoseRuleTheSortSplitOffIsAPlaceholder() {
        RecordingSink sink = new RecordingSink(Set.of(view().rule()));
        RelationEmitter.view(view(), sink);
        assertEquals("definition VIEW | v | app | alice | CREATE VIEW app.v AS\nSELECT\n    NULL::integer AS one;\n"
                + " | DROP VIEW app.v;\n", sink.calls().get(0));
    }

    private static Sequence sequence(Sequence.OwnedBy by) {
        return new Sequence(ObjectId.relation(16700), new QualifiedName("app", "s"), OWN,
                new Sequence.Params("integer", 1, 1, 1, Integer.MAX_VALUE, 1, false), 'p', by,
                new Sequence.State(5, true), "ids", Components.ALL);
    }

    @Test
    void serialSequenceIsOwnedByItsColumn() {
        RecordingSink sink = new RecordingSink();
        RelationEmitter.sequence(sequence(new Sequence.OwnedBy(TABLE, "id", false, T, '\0')), sink);
        assertEquals(List.of(
                "definition SEQUENCE | s | app | alice | CREATE SEQUENCE app.s\n    AS integer\n    START WITH 1\n"
                        + "    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n | DROP SEQUENCE app.s;\n",
                "also SEQUENCE OWNED BY | s | app | alice | ALTER SEQUENCE app.s OWNED BY app.\"Order\".id;\n |  | after "
                        + TABLE.oid(),
                "comment SEQUENCE | s | app | alice | ids",
                "labels SEQUENCE | s | app | alice",
                "acl SEQUENCE | s | app | [alice=arwdDxtm/alice, bob=r/alice] | SEQUENCE s"), sink.calls());
    }

    @Test
    void identitySequenceIsItsTablesAlterColumn() {
        RecordingSink sink = new RecordingSink();
        RelationEmitter.sequence(sequence(new Sequence.OwnedBy(TABLE, "id", true, T, 'd')), sink);
        assertEquals("definition SEQUENCE | s | app | alice | ALTER TABLE app.\"Order\" ALTER COLUMN id ADD GENERATED BY "
                + "DEFAULT AS IDENTITY (\n    SEQUENCE NAME app.s\n    START WITH 1\n    INCREMENT BY 1\n"
                + "    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1\n);\n | ", sink.calls().get(0));
        assertEquals(4, sink.calls().size(), "no OWNED BY for an identity sequence");
    }

    @Test
    void sequenceOfATableNotDumpedStandsAlone() {
        RecordingSink sink = new RecordingSink();
        RelationEmitter.sequence(sequence(new Sequence.OwnedBy(TABLE, "id", false)), sink);
        assertEquals(4, sink.calls().size());
        assertEquals(true, sink.calls().get(0).contains("CREATE SEQUENCE app.s\n"));
    }
}
