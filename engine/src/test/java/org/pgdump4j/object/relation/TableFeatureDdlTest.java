package org.pgdump4j.object.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.model.relation.TableFeatures.ColumnSettings;

class TableFeatureDdlTest {
    private static final QualifiedName T = new QualifiedName("Feat S", "T 1");

    @Test
    void nothingForDefaultsOrAnIndexReplicaIdentity() {
        assertEquals("", TableFeatureDdl.after(T, TableFeatures.NONE, false, true));
        assertEquals("", TableFeatureDdl.after(T, new TableFeatures('i', List.of(), List.of()), false, true));
    }

    @Test
    void perColumnInPgDumpsOrderThenTheReplicaIdentity() {
        TableFeatures f = new TableFeatures('f', List.of(), List.of(
                new ColumnSettings("Big Text", 0, 'e', 'p', "n_distinct=-0.5, n_distinct_inherited=10", ""),
                new ColumnSettings("j", -1, 'p', 'l', "", ""),
                new ColumnSettings("k", -1, '\0', '\0', "", "")));
        assertEquals("""
                ALTER TABLE ONLY "Feat S"."T 1" ALTER COLUMN "Big Text" SET STATISTICS 0;
                ALTER TABLE ONLY "Feat S"."T 1" ALTER COLUMN "Big Text" SET STORAGE EXTERNAL;
                ALTER TABLE ONLY "Feat S"."T 1" ALTER COLUMN "Big Text" SET COMPRESSION pglz;
                ALTER TABLE ONLY "Feat S"."T 1" ALTER COLUMN "Big Text" SET (n_distinct=-0.5, n_distinct_inherited=10);
                ALTER TABLE ONLY "Feat S"."T 1" ALTER COLUMN j SET STORAGE PLAIN;
                ALTER TABLE ONLY "Feat S"."T 1" ALTER COLUMN j SET COMPRESSION lz4;

                ALTER TABLE ONLY "Feat S"."T 1" REPLICA IDENTITY FULL;
                """, TableFeatureDdl.after(T, f, false, true));
    }

    @Test
    void replicaIdentityNothingAndOnlyWhereTheKindHasOne() {
        TableFeatures f = new TableFeatures('n', List.of(), List.of());
        assertEquals("\nALTER TABLE ONLY \"Feat S\".\"T 1\" REPLICA IDENTITY NOTHING;\n",
                TableFeatureDdl.after(T, f, false, true));
        assertEquals("", TableFeatureDdl.after(T, f, true, false));
    }

    @Test
    void foreignTableColumnsTakeAlterForeignTableAndTheirOptions() {
        TableFeatures f = new TableFeatures('d', List.of(), List.of(
                new ColumnSettings("a", 10, '\0', '\0', "", "column_name 'A',\n    \"x y\" 'it''s'")));
        assertEquals("""
                ALTER FOREIGN TABLE ONLY "Feat S"."T 1" ALTER COLUMN a SET STATISTICS 10;
                ALTER FOREIGN TABLE ONLY "Feat S"."T 1" ALTER COLUMN a OPTIONS (
                    column_name 'A',
                    "x y" 'it''s'
                );
                """, TableFeatureDdl.after(T, f, true, false));
    }
}
