package org.pgdump4j.object.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.MaterializedView;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.object.RecordingSink;

/** Materialized views: records to entries and text, no server. */
class MaterializedViewEmitterTest {
    private static MaterializedView mv(List<String> options, TableFeatures features) {
        return mv(options, features, List.of());
    }

    private static MaterializedView mv(List<String> options, TableFeatures features, List<String> extensions) {
        return new MaterializedView(ObjectId.relation(16700), new QualifiedName("mvs", "MV 1"),
                new Ownership("alice", List.of("alice=arwdDxtm/alice", "=r/alice"), List.of("alice=arwdDxtm/alice")),
                "fast", "heap", options, " SELECT id,\n    v\n   FROM mvs.base",
                List.of(new Column(1, "id", "integer", 23, false, "", null, null, '\0', '\0', null, null, null),
                        new Column(2, "v", "text", 25, false, "", null, null, '\0', '\0', null, null, "a column")),
                "mv's comment", true, List.of(), features, extensions, Components.ALL);
    }

    @Test
    void createdWithNoDataThenItsColumnSettingsCommentsAndPrivileges() {
        RecordingSink sink = new RecordingSink();
        RelationEmitter.materializedView(mv(List.of("fillfactor=50"), new TableFeatures('d',
                List.of("autovacuum_enabled=false"), List.of(
                        new TableFeatures.ColumnSettings("v", 100, 'm', '\0', "", "")))), sink);
        assertEquals(List.of(
                "definition MATERIALIZED VIEW | MV 1 | mvs | alice | fast | heap | m | "
                        + "CREATE MATERIALIZED VIEW mvs.\"MV 1\"\n"
                        + "WITH (fillfactor='50', toast.autovacuum_enabled='false') AS\n"
                        + " SELECT id,\n    v\n   FROM mvs.base\n  WITH NO DATA;\n"
                        + "ALTER TABLE ONLY mvs.\"MV 1\" ALTER COLUMN v SET STATISTICS 100;\n"
                        + "ALTER TABLE ONLY mvs.\"MV 1\" ALTER COLUMN v SET STORAGE MAIN;\n"
                        + " | DROP MATERIALIZED VIEW mvs.\"MV 1\";\n",
                "comment MATERIALIZED VIEW | \"MV 1\" | mvs | alice | mv's comment",
                "comment COLUMN | \"MV 1\".v | mvs | alice | a column",
                "relationLabels MATERIALIZED VIEW | mvs.MV 1 | alice | 2 columns",
                "acl TABLE | \"MV 1\" | mvs | [alice=arwdDxtm/alice, =r/alice] | TABLE \"MV 1\""), sink.calls());
    }

    @Test
    void withoutOptionsTheAsFollowsTheName() {
        assertEquals("CREATE MATERIALIZED VIEW mvs.\"MV 1\" AS\n SELECT id,\n    v\n   FROM mvs.base\n"
                + "  WITH NO DATA;\n", MaterializedViewDdl.create(mv(List.of(), TableFeatures.NONE)));
        assertEquals("REFRESH MATERIALIZED VIEW mvs.\"MV 1\";\n",
                MaterializedViewDdl.refresh(mv(List.of(), TableFeatures.NONE)));
    }

    @Test
    void itsExtensionMarksFollowWithNoNewlineAfterTheLast() {
        TableFeatures features = new TableFeatures('d', List.of(),
                List.of(new TableFeatures.ColumnSettings("v", 100, '\0', '\0', "", "")));
        assertEquals("CREATE MATERIALIZED VIEW mvs.\"MV 1\" AS\n SELECT id,\n    v\n   FROM mvs.base\n"
                + "  WITH NO DATA;\n\nALTER MATERIALIZED VIEW mvs.\"MV 1\" DEPENDS ON EXTENSION hstore;"
                + "\nALTER MATERIALIZED VIEW mvs.\"MV 1\" DEPENDS ON EXTENSION \"Odd Ext\";"
                + "ALTER TABLE ONLY mvs.\"MV 1\" ALTER COLUMN v SET STATISTICS 100;\n",
                MaterializedViewDdl.create(mv(List.of(), features, List.of("hstore", "Odd Ext"))));
    }
}
