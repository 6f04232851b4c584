package org.pgdump4j.object.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pgdump4j.ddl.RelationDdl;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.Lineage;
import org.pgdump4j.model.relation.Table;

/** Inheritance children and typed tables: CREATE TABLE text as pg_dump 18's dumpTableSchema writes it, no server. */
class InheritanceDdlTest {
    private static final ObjectId DEF = new ObjectId(ObjectId.PG_ATTRDEF, 16510);

    private static Column column(int num, String name, boolean notNull, String defaultExpr) {
        return new Column(num, name, "integer", 23, notNull, "", defaultExpr, defaultExpr == null ? null : DEF, '\0',
                '\0', null, null, null);
    }

    private static Table table(List<Column> columns, Lineage lineage) {
        return new Table(ObjectId.relation(16500), new QualifiedName("s", "child"), new Ownership("alice", null,
                List.of()), "", "heap", 'p', List.of(), columns, null, List.of(), null, Components.ALL, lineage);
    }

    @Test
    void aChildListsItsLocalColumnsAndALocalNotNullOnAnInheritedOneThenItsParents() {
        Lineage l = new Lineage(null, false, null, false,
                List.of(new QualifiedName("s", "base"), new QualifiedName("Odd", "Other")), Set.of("id", "w"),
                Set.of("id"), Set.of("v"), Set.of(), null);
        Table t = table(List.of(column(1, "id", true, null), column(2, "v", false, null), column(3, "w", true, null),
                column(4, "extra", false, "7")), l);
        assertEquals("""
                CREATE TABLE s.child (
                    v integer DEFAULT NULL,
                    NOT NULL w,
                    extra integer DEFAULT 7
                )
                INHERITS (s.base, "Odd"."Other");
                """, RelationDdl.createTable(t, List.of(), Set.of()));
    }

    @Test
    void aMergedGeneratedColumnLeavesItsExpressionToItsParentUnlessItDiffers() {
        Lineage l = new Lineage(null, false, null, false, List.of(new QualifiedName("s", "base")), Set.of(),
                Set.of(), Set.of(), Set.of("b"), null);
        Column b = new Column(2, "b", "integer", 23, false, "", "(a * 2)", DEF, '\0', 's', null, null, null);
        Column c = new Column(3, "c", "integer", 23, false, "", "(a * 3)", DEF, '\0', 's', null, null, null);
        assertEquals("CREATE TABLE s.child (\n    b integer,\n    c integer GENERATED ALWAYS AS ((a * 3)) STORED\n)"
                + "\nINHERITS (s.base);\n", RelationDdl.createTable(table(List.of(b, c), l), List.of(), Set.of()));
    }

    @Test
    void aChildWithNoColumnOfItsOwnHasEmptyParentheses() {
        Lineage l = new Lineage(null, false, null, false, List.of(new QualifiedName("s", "base")), Set.of("id"),
                Set.of(), Set.of(), Set.of(), null);
        assertEquals("CREATE TABLE s.child (\n)\nINHERITS (s.base);\n",
                RelationDdl.createTable(table(List.of(column(1, "id", false, null)), l), List.of(), Set.of()));
    }

    @Test
    void aTypedTableListsOnlyColumnsWithOptionsAndNoTypes() {
        Lineage typed = new Lineage(null, false, null, false, List.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                "s.pair");
        assertEquals("CREATE TABLE s.child OF s.pair (\n    a NOT NULL,\n    c DEFAULT 7\n);\n",
                RelationDdl.createTable(table(List.of(column(1, "a", true, null), column(2, "b", false, null),
                        column(3, "c", false, "7")), typed), List.of(), Set.of()));
        assertEquals("CREATE TABLE s.child OF s.pair;\n",
                RelationDdl.createTable(table(List.of(column(1, "a", false, null)), typed), List.of(), Set.of()));
    }
}
