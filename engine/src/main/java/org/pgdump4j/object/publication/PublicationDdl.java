package org.pgdump4j.object.publication;

import java.util.ArrayList;
import java.util.List;
import org.pgdump4j.model.publication.Publication;
import org.pgdump4j.model.publication.PublicationSchema;
import org.pgdump4j.model.publication.PublicationTable;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpPublication, dumpPublicationTable and dumpPublicationNamespace write. */
public final class PublicationDdl {
    private PublicationDdl() {
    }

    public static String create(Publication p) {
        StringBuilder sb = new StringBuilder("CREATE PUBLICATION ").append(Sql.ident(p.name()));
        if (p.allTables()) {
            sb.append(" FOR ALL TABLES");
        }
        List<String> publish = new ArrayList<>();
        if (p.insert()) {
            publish.add("insert");
        }
        if (p.update()) {
            publish.add("update");
        }
        if (p.delete()) {
            publish.add("delete");
        }
        if (p.truncate()) {
            publish.add("truncate");
        }
        sb.append(" WITH (publish = '").append(String.join(", ", publish)).append('\'');
        if (p.viaRoot()) {
            sb.append(", publish_via_partition_root = true");
        }
        if (p.generatedCols() == 's') {
            sb.append(", publish_generated_columns = stored");
        }
        return sb.append(");\n").toString();
    }

    public static String drop(Publication p) {
        return "DROP PUBLICATION " + Sql.ident(p.name()) + ";\n";
    }

    /** Always ONLY: a partition or child table published on its own has an entry of its own. */
    public static String addTable(PublicationTable t) {
        StringBuilder sb = new StringBuilder("ALTER PUBLICATION ").append(Sql.ident(t.publication()))
                .append(" ADD TABLE ONLY ").append(Sql.qualified(t.table().schema(), t.table().name()));
        if (t.columns() != null) {
            sb.append(" (").append(t.columns()).append(')');
        }
        if (t.where() != null) {
            // pg_get_expr leaves out the parentheses of e.g. WHERE TRUE
            sb.append(" WHERE (").append(t.where()).append(')');
        }
        return sb.append(";\n").toString();
    }

    public static String addSchema(PublicationSchema s) {
        return "ALTER PUBLICATION " + Sql.ident(s.publication()) + " ADD TABLES IN SCHEMA "
                + Sql.ident(s.tablesSchema()) + ";\n";
    }
}
