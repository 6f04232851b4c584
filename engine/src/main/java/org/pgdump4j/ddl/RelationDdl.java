package org.pgdump4j.ddl;

import java.util.List;
import java.util.Set;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.Lineage;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Sequence;
import org.pgdump4j.model.relation.Table;
import org.pgdump4j.model.relation.TableFeatures;
import org.pgdump4j.model.relation.View;
import org.pgdump4j.sql.Sql;

/** CREATE/DROP text for tables, views, sequences, defaults, indexes and constraints, as pg_dump 18 writes it. */
public final class RelationDdl {
    private RelationDdl() {
    }

    public static String qualified(QualifiedName n) {
        return Sql.qualified(n.schema(), n.name());
    }

    /**
     * CREATE TABLE with columns and inline CHECK constraints; a foreign table's CREATE FOREIGN TABLE with its server
     * and options. For a typed table ({@code OF type}) only the columns with a default or NOT NULL, without their
     * types; for an inheritance child only its local columns (a local NOT NULL on an inherited one as a table
     * constraint), then INHERITS.
     *
     * @param separateDefaults defaults written as their own DEFAULT entries instead of inline
     */
    public static String createTable(Table t, List<Constraint> inlineChecks, Set<ObjectId> separateDefaults) {
        StringBuilder q = new StringBuilder("CREATE ");
        if (t.persistence() == 'u') {
            q.append("UNLOGGED ");
        }
        TableFeatures.ForeignTable foreign = t.features().foreign();
        Lineage l = t.lineage();
        boolean typed = l.ofType() != null;
        q.append(foreign != null ? "FOREIGN TABLE " : "TABLE ").append(qualified(t.name()));
        if (typed) {
            q.append(" OF ").append(l.ofType());
        }
        boolean first = true;
        for (Column c : t.columns()) {
            boolean printNotNull = l.printsNotNull(c);
            if (!l.prints(c)) {
                if (c.notNull() && printNotNull) { // pg_dump writes the name unquoted here
                    q.append(first ? " (\n    " : ",\n    ");
                    first = false;
                    q.append(c.notNullName().isEmpty() ? "" : "CONSTRAINT " + c.notNullName() + " ")
                            .append("NOT NULL ").append(Sql.ident(c.name()));
                }
                continue;
            }
            boolean printDefault = c.defaultExpr() != null && (c.generated() != '\0'
                    ? l.printsGeneration(c) : !separateDefaults.contains(c.defaultId()));
            boolean nullDefault = c.defaultExpr() == null && l.nullDefaults().contains(c.name());
            if (typed && !printDefault && !nullDefault && !printNotNull) {
                continue;
            }
            q.append(first ? " (\n    " : ",\n    ");
            first = false;
            q.append(Sql.ident(c.name()));
            if (!typed) {
                q.append(' ').append(c.type());
            }
            if (nullDefault) {
                q.append(" DEFAULT NULL");
            }
            if (printDefault) {
                switch (c.generated()) {
                    case 's' -> q.append(" GENERATED ALWAYS AS (").append(c.defaultExpr()).append(") STORED");
                    case 'v' -> q.append(" GENERATED ALWAYS AS (").append(c.defaultExpr()).append(')');
                    default -> q.append(" DEFAULT ").append(c.defaultExpr());
                }
            }
            if (printNotNull) {
                q.append(c.notNullName().isEmpty() ? " NOT NULL" : " CONSTRAINT " + Sql.ident(c.notNullName()) + " NOT NULL");
                if (c.notNullNoInherit()) {
                    q.append(" NO INHERIT");
                }
            }
            if (c.collation() != null) {
                q.append(" COLLATE ").append(Sql.qualified(c.collation().schema(), c.collation().name()));
            }
        }
        for (Constraint k : inlineChecks) {
            q.append(first ? " (\n    " : ",\n    ");
            first = false;
            q.append("CONSTRAINT ").append(Sql.ident(k.name())).append(' ').append(k.definition());
        }
        if (!first) {
            q.append("\n)");
        } else if (!typed) {
            q.append(" (\n)");
        }
        if (!l.parents().isEmpty() && !l.partition()) {
            q.append("\nINHERITS (");
            for (int i = 0; i < l.parents().size(); i++) {
                q.append(i == 0 ? "" : ", ").append(qualified(l.parents().get(i)));
            }
            q.append(')');
        }
        if (l.partitioned()) {
            q.append("\nPARTITION BY ").append(t.lineage().partitionKey());
        }
        if (foreign != null) {
            q.append("\nSERVER ").append(Sql.ident(foreign.server()));
        }
        List<String> toast = t.features().toastOptions();
        if (!t.options().isEmpty() || !toast.isEmpty()) {
            q.append("\nWITH (").append(reloptions(t.options(), ""));
            q.append(t.options().isEmpty() || toast.isEmpty() ? "" : ", ").append(reloptions(toast, "toast."));
            q.append(')');
        }
        if (foreign != null && !foreign.options().isEmpty()) {
            q.append("\nOPTIONS (\n    ").append(foreign.options()).append("\n)");
        }
        q.append(";\n");
        return q.toString();
    }

    /** pg_dump's last statement in a table's entry, after the column settings and replica identity. */
    public static String forceRowSecurity(Table t) {
        return t.forceRowSecurity() ? "\nALTER TABLE ONLY " + qualified(t.name()) + " FORCE ROW LEVEL SECURITY;\n" : "";
    }

    /** name=value items as pg_dump's appendReloptionsArray writes them: quoted name, value as a literal. */
    static String reloptions(List<String> options) {
        return reloptions(options, "");
    }

    /** The same, each name after {@code prefix} ("toast." for a TOAST table's). */
    public static String reloptions(List<String> options, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(prefix).append(Sql.ident(eq < 0 ? o : o.substring(0, eq))).append('=')
                    .append(Sql.literal(eq < 0 ? "" : o.substring(eq + 1)));
        }
        return sb.toString();
    }

    public static String dropTable(Table t) {
        return (t.features().foreign() != null ? "DROP FOREIGN TABLE " : "DROP TABLE ") + qualified(t.name()) + ";\n";
    }

    public static String createView(View v) {
        return viewStatement("CREATE VIEW ", v);
    }

    /**
     * A view with the right columns and no dependencies, for a view whose real definition must wait for post-data
     * (pg_dump's createDummyViewAsClause); the definition replaces it later ({@link #replaceView}).
     */
    public static String createDummyView(View v) {
        return "CREATE VIEW " + qualified(v.name()) + " AS\n" + dummySelect(v) + ";\n";
    }

    /** The ON SELECT rule split off a view: the real definition over the dummy. */
    public static String replaceView(View v) {
        return viewStatement("CREATE OR REPLACE VIEW ", v);
    }

    /** A view's rule cannot be dropped: --clean puts the dummy back instead. */
    public static String unreplaceView(View v) {
        return "CREATE OR REPLACE VIEW " + qualified(v.name()) + " AS\n" + dummySelect(v) + ";\n";
    }

    private static String viewStatement(String verb, View v) {
        StringBuilder q = new StringBuilder(verb).append(qualified(v.name()));
        if (!v.options().isEmpty()) {
            q.append(" WITH (").append(reloptions(v.options())).append(')');
        }
        q.append(" AS\n").append(v.definition());
        if (v.checkOption() != null) {
            q.append("\n  WITH ").append(v.checkOption()).append(" CHECK OPTION");
        }
        return q.append(";\n").toString();
    }

    private static String dummySelect(View v) {
        StringBuilder q = new StringBuilder("SELECT");
        String sep = "";
        for (Column c : v.columns()) {
            q.append(sep).append("\n    NULL::").append(c.type());
            if (c.collation() != null) {
                q.append(" COLLATE ").append(Sql.qualified(c.collation().schema(), c.collation().name()));
            }
            q.append(" AS ").append(Sql.ident(c.name()));
            sep = ",";
        }
        return q.toString();
    }

    public static String dropView(View v) {
        return "DROP VIEW " + qualified(v.name()) + ";\n";
    }

    /**
     * CREATE SEQUENCE, or for an identity sequence the ALTER TABLE ... ADD GENERATED that creates it.
     *
     * @param identityKind the owning column's attidentity ('a' always, 'd' by default) for identity sequences
     */
    public static String createSequence(Sequence s, QualifiedName identityTable, char identityKind) {
        Sequence.Params p = s.params();
        StringBuilder q = new StringBuilder();
        if (s.isIdentity()) {
            q.append("ALTER TABLE ").append(qualified(identityTable)).append(" ALTER COLUMN ")
                    .append(Sql.ident(s.ownedBy().column())).append(" ADD GENERATED ")
                    .append(identityKind == 'a' ? "ALWAYS" : "BY DEFAULT")
                    .append(" AS IDENTITY (\n    SEQUENCE NAME ").append(qualified(s.name())).append('\n');
        } else {
            q.append("CREATE ").append(s.persistence() == 'u' ? "UNLOGGED " : "").append("SEQUENCE ")
                    .append(qualified(s.name())).append('\n');
            if (!p.type().equals("bigint")) {
                q.append("    AS ").append(p.type()).append('\n');
            }
        }
        q.append("    START WITH ").append(p.start()).append('\n');
        q.append("    INCREMENT BY ").append(p.increment()).append('\n');
        boolean ascending = p.increment() >= 0;
        long[] limits = limits(p.type());
        long defaultMin = ascending ? 1 : limits[0];
        long defaultMax = ascending ? limits[1] : -1;
        q.append(p.min() == defaultMin ? "    NO MINVALUE\n" : "    MINVALUE " + p.min() + "\n");
        q.append(p.max() == defaultMax ? "    NO MAXVALUE\n" : "    MAXVALUE " + p.max() + "\n");
        q.append("    CACHE ").append(p.cache()).append(p.cycle() ? "\n    CYCLE" : "");
        return q.append(s.isIdentity() ? "\n);\n" : ";\n").toString();
    }

    private static long[] limits(String type) {
        return switch (type) {
            case "smallint" -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case "integer" -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        };
    }

    public static String dropSequence(Sequence s) {
        return s.isIdentity() ? "" : "DROP SEQUENCE " + qualified(s.name()) + ";\n";
    }

    public static String ownedBy(Sequence s, QualifiedName table) {
        return "ALTER SEQUENCE " + qualified(s.name()) + " OWNED BY " + qualified(table) + "."
                + Sql.ident(s.ownedBy().column()) + ";\n";
    }

    public static String setval(Sequence s) {
        return "SELECT pg_catalog.setval(" + Sql.literal(qualified(s.name())) + ", " + s.state().lastValue() + ", "
                + s.state().isCalled() + ");\n";
    }

    /** A default of its own (a table's moved out of a loop, any view's): ALTER TABLE serves views too. */
    public static String createDefault(QualifiedName relation, Column c) {
        return createDefault(relation, c, false);
    }

    /** @param foreign the relation is a foreign table: ALTER FOREIGN TABLE */
    public static String createDefault(QualifiedName relation, Column c, boolean foreign) {
        return createDefault(relation, c.name(), c.defaultExpr(), foreign);
    }

    /** @param expr the default's expression ("NULL" for the one pg_dump's flagInhAttrs makes up) */
    public static String createDefault(QualifiedName relation, String column, String expr, boolean foreign) {
        return (foreign ? "ALTER FOREIGN TABLE ONLY " : "ALTER TABLE ONLY ") + qualified(relation) + " ALTER COLUMN "
                + Sql.ident(column) + " SET DEFAULT " + expr + ";\n";
    }

    public static String dropDefault(QualifiedName relation, Column c) {
        return dropDefault(relation, c, false);
    }

    public static String dropDefault(QualifiedName relation, Column c, boolean foreign) {
        return (foreign ? "ALTER FOREIGN TABLE " : "ALTER TABLE ") + qualified(relation) + " ALTER COLUMN "
                + Sql.ident(c.name()) + " DROP DEFAULT;\n";
    }

    public static String createIndex(Index i, QualifiedName table) {
        StringBuilder q = new StringBuilder(i.definition()).append(";\n");
        if (i.clustered()) {
            q.append("\nALTER TABLE ").append(qualified(table)).append(" CLUSTER ON ").append(Sql.ident(i.name()))
                    .append(";\n");
        }
        for (Index.StatisticsTarget s : i.statistics()) {
            q.append("ALTER INDEX ").append(Sql.qualified(table.schema(), i.name())).append(" ALTER COLUMN ")
                    .append(s.column()).append(" SET STATISTICS ").append(s.target()).append(";\n");
        }
        dependsOnExtensions(q, table.schema(), i.name(), i.extensions());
        if (i.replicaIdentity()) {
            q.append(replicaIdentityIndex(table, i.name()));
        }
        return q.toString();
    }

    /** The replica identity set with the index that is it (the index name is not qualified in this syntax). */
    private static String replicaIdentityIndex(QualifiedName table, String index) {
        return "\nALTER TABLE ONLY " + qualified(table) + " REPLICA IDENTITY USING INDEX " + Sql.ident(index) + ";\n";
    }


    /** None for a partition's index attached to its parent's: the server drops it with its table or parent. */
    public static String dropIndex(Index i, QualifiedName table) {
        return i.attached() ? "" : "DROP INDEX " + Sql.qualified(table.schema(), i.name()) + ";\n";
    }

    /** A CHECK or NOT NULL constraint written on its own is meant for the children too: no ONLY, as pg_dump writes it. */
    private static String alterTable(Constraint k) {
        // so is a foreign key on a partitioned table (pg_dump's dumpConstraint); a foreign table's says so
        String table = k.foreignTable() ? "ALTER FOREIGN TABLE " : "ALTER TABLE ";
        return k.type() == 'c' || k.type() == 'n' || (k.type() == 'f' && k.partitionedTable()) ? table
                : table + "ONLY ";
    }

    public static String addConstraint(Constraint k, QualifiedName table) {
        StringBuilder q = new StringBuilder(alterTable(k)).append(qualified(table)).append("\n    ADD CONSTRAINT ")
                .append(Sql.ident(k.name())).append(' ').append(k.definition()).append(";\n");
        if (k.clustered()) {
            q.append("\nALTER TABLE ").append(qualified(table)).append(" CLUSTER ON ").append(Sql.ident(k.name()))
                    .append(";\n");
        }
        if (k.replicaIdentity()) {
            q.append(replicaIdentityIndex(table, k.name()));
        }
        // the index has the constraint's name
        dependsOnExtensions(q, table.schema(), k.name(), k.indexExtensions());
        return q.toString();
    }

    /** pg_dump's append_depends_on_extension for an index: no newline after the last. */
    private static void dependsOnExtensions(StringBuilder q, String schema, String index, List<String> extensions) {
        for (String ext : extensions) {
            q.append("\nALTER INDEX ").append(Sql.qualified(schema, index)).append(" DEPENDS ON EXTENSION ")
                    .append(Sql.ident(ext)).append(';');
        }
    }

    public static String dropConstraint(Constraint k, QualifiedName table) {
        return alterTable(k) + qualified(table) + " DROP CONSTRAINT " + Sql.ident(k.name()) + ";\n";
    }

    /** The COPY column list; generated columns are left out, as the server cannot take them back. */
    public static String copyColumns(List<Column> columns) {
        StringBuilder q = new StringBuilder();
        for (Column c : columns) {
            if (c.generated() != '\0') {
                continue;
            }
            q.append(q.length() == 0 ? "(" : ", ").append(Sql.ident(c.name()));
        }
        return q.length() == 0 ? "" : q.append(')').toString();
    }
}
