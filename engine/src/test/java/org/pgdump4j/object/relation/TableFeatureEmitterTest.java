package org.pgdump4j.object.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.Lineage;
import org.pgdump4j.model.relation.Table;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.object.RecordingSink;

/** A table's features through its entries: toast options, ALTERs after CREATE TABLE, 18's NOT NULL constraints. */
class TableFeatureEmitterTest {
    private static final QualifiedName T = new QualifiedName("app", "nn");
    private static final ObjectId TABLE = ObjectId.relation(16600);

    private static Column column(int num, String name, boolean notNull, String notNullName, boolean noInherit,
            String notNullComment) {
        return new Column(num, name, "integer", 23, notNull, notNullName, null, null, '\0', '\0', null, null, null,
                noInherit, notNullComment);
    }

    @Test
    void toastOptionsFollowTheTablesOwnAndTheAltersFollowTheCreate() {
        Table t = new Table(TABLE, T, new Ownership("alice", null, List.of()), "", null, 'p', List.of("fillfactor=70"),
                List.of(column(1, "a", true, "a_nn", true, null),
                        column(2, "c", true, "nn_c_not_null", false, "c's not null")),
                null, List.of(), null, Components.ALL, Lineage.NONE,
                new TableFeatures('n', List.of("autovacuum_enabled=false", "fillfactor=100"), List.of(
                        new TableFeatures.ColumnSettings("c", 50, '\0', '\0', "", ""))));
        RecordingSink sink = new RecordingSink();
        RelationEmitter.table(t, sink);
        assertEquals(List.of(
                "definition TABLE | nn | app | alice |  | null | r | CREATE TABLE app.nn (\n"
                        + "    a integer CONSTRAINT a_nn NOT NULL NO INHERIT,\n"
                        + "    c integer CONSTRAINT nn_c_not_null NOT NULL\n"
                        + ")\nWITH (fillfactor='70', toast.autovacuum_enabled='false', toast.fillfactor='100');\n"
                        + "ALTER TABLE ONLY app.nn ALTER COLUMN c SET STATISTICS 50;\n"
                        + "\nALTER TABLE ONLY app.nn REPLICA IDENTITY NOTHING;\n | DROP TABLE app.nn;\n",
                "comment TABLE | nn | app | alice | null",
                "relationLabels TABLE | app.nn | alice | 2 columns",
                "commentOn CONSTRAINT nn_c_not_null ON nn | CONSTRAINT nn_c_not_null ON app.nn | app | alice"
                        + " | c's not null",
                "acl TABLE | nn | app | null | TABLE nn"), sink.calls());
    }

    @Test
    void onlyToastOptions() {
        Table t = new Table(TABLE, T, new Ownership("alice", null, List.of()), "", null, 'p', List.of(),
                List.of(column(1, "a", false, "", false, null)), null, List.of(), null, Components.ALL, Lineage.NONE,
                new TableFeatures('d', List.of("log_autovacuum_min_duration=5"), List.of()));
        RecordingSink sink = new RecordingSink();
        RelationEmitter.table(t, sink);
        assertEquals("definition TABLE | nn | app | alice |  | null | r | CREATE TABLE app.nn (\n    a integer\n)\n"
                + "WITH (toast.log_autovacuum_min_duration='5');\n | DROP TABLE app.nn;\n", sink.calls().get(0));
    }

    @Test
    void aNotValidNotNullIsAConstraintEntryWithoutOnly() {
        Constraint k = new Constraint(new ObjectId(ObjectId.PG_CONSTRAINT, 16610), TABLE, T, "alice", "a_nn", 'n',
                "NOT NULL a NOT VALID", false, null, null, false, "invalid one", Components.ALL, false);
        RecordingSink sink = new RecordingSink();
        RelationEmitter.constraint(k, sink);
        assertEquals(List.of(
                "definition CONSTRAINT | nn a_nn | app | alice | null | null | - | "
                        + "ALTER TABLE app.nn\n    ADD CONSTRAINT a_nn NOT NULL a NOT VALID;\n | "
                        + "ALTER TABLE app.nn DROP CONSTRAINT a_nn;\n",
                "commentOn CONSTRAINT a_nn ON nn | CONSTRAINT a_nn ON app.nn | app | alice | invalid one"),
                sink.calls());
    }

    @Test
    void aUniqueConstraintThatIsTheReplicaIdentitySaysSo() {
        Constraint k = new Constraint(new ObjectId(ObjectId.PG_CONSTRAINT, 16620), TABLE, T, "alice", "nn_key", 'u',
                "UNIQUE (a)", true, ObjectId.relation(16621), "", false, null, Components.ALL, false, true, null);
        RecordingSink sink = new RecordingSink();
        RelationEmitter.constraint(k, sink);
        assertEquals("definition CONSTRAINT | nn nn_key | app | alice |  | null | - | "
                + "ALTER TABLE ONLY app.nn\n    ADD CONSTRAINT nn_key UNIQUE (a);\n"
                + "\nALTER TABLE ONLY app.nn REPLICA IDENTITY USING INDEX nn_key;\n | "
                + "ALTER TABLE ONLY app.nn DROP CONSTRAINT nn_key;\n", sink.calls().get(0));
    }

    @Test
    void aForeignTableNamesItsServerAndOptionsAndAltersAsAForeignTable() {
        Table t = new Table(TABLE, new QualifiedName("fts", "FT 1"), new Ownership("alice", null, List.of()), "",
                null, 'p', List.of(), List.of(column(1, "id", true, "", false, null)), "remote rows", List.of(), null,
                Components.ALL, Lineage.NONE, new TableFeatures('d', List.of(), List.of(
                        new TableFeatures.ColumnSettings("id", 50, '\0', '\0', "", "column_name 'ID'")),
                        new TableFeatures.ForeignTable("Srv 1", "schema_name 'remote',\n    table_name 'T'")));
        RecordingSink sink = new RecordingSink();
        RelationEmitter.table(t, sink);
        assertEquals(List.of(
                "definition FOREIGN TABLE | FT 1 | fts | alice | null | null | f | CREATE FOREIGN TABLE fts.\"FT 1\" (\n"
                        + "    id integer NOT NULL\n"
                        + ")\nSERVER \"Srv 1\"\nOPTIONS (\n    schema_name 'remote',\n    table_name 'T'\n);\n"
                        + "ALTER FOREIGN TABLE ONLY fts.\"FT 1\" ALTER COLUMN id SET STATISTICS 50;\n"
                        + "ALTER FOREIGN TABLE ONLY fts.\"FT 1\" ALTER COLUMN id OPTIONS (\n    column_name 'ID'\n);\n"
                        + " | DROP FOREIGN TABLE fts.\"FT 1\";\n",
                "comment FOREIGN TABLE | \"FT 1\" | fts | alice | remote rows",
                "relationLabels FOREIGN TABLE | fts.FT 1 | alice | 1 columns",
                "acl TABLE | \"FT 1\" | fts | null | TABLE \"FT 1\""), sink.calls());
    }

    @Test
    void aForeignTablesCheckWrittenOnItsOwnAltersAForeignTable() {
        Constraint k = new Constraint(new ObjectId(ObjectId.PG_CONSTRAINT, 16630), TABLE, T, "alice", "w_small", 'c',
                "CHECK ((w < 100)) NOT VALID", false, null, null, false, null, Components.ALL, false, false, null,
                true);
        RecordingSink sink = new RecordingSink();
        RelationEmitter.constraint(k, sink);
        assertEquals("definition CHECK CONSTRAINT | nn w_small | app | alice | null | null | - | "
                + "ALTER FOREIGN TABLE app.nn\n    ADD CONSTRAINT w_small CHECK ((w < 100)) NOT VALID;\n | "
                + "ALTER FOREIGN TABLE app.nn DROP CONSTRAINT w_small;\n", sink.calls().get(0));
    }
}
