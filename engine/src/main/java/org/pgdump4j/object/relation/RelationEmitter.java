package org.pgdump4j.object.relation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ddl.RelationDdl;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.relation.MaterializedView;
import org.pgdump4j.model.relation.Sequence;
import org.pgdump4j.model.relation.Table;
import org.pgdump4j.model.relation.View;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpTable (tables, views, materialized views, sequences alike: pg_dump's DO_TABLE) and dumpConstraint: each relation's
 * entry, then its comments (the relation's, its columns'), its and its columns' security labels, its inline CHECKs'
 * comments, then its privileges (the relation's, then its columns'). An extension's member relation has only its privileges among its components.
 */
public final class RelationEmitter {
    private RelationEmitter() {
    }

    /** A TABLE-kind object: a table, a view or a sequence. */
    public static void relation(FamilyObject o, EntrySink sink) {
        if (o instanceof Table t) {
            table(t, sink);
        } else if (o instanceof View v) {
            view(v, sink);
        } else if (o instanceof Sequence s) {
            sequence(s, sink);
        } else if (o instanceof MaterializedView m) {
            materializedView(m, sink);
        } else {
            throw new IllegalStateException("no entries for relation " + o.getClass().getSimpleName());
        }
    }

    static void table(Table t, EntrySink sink) {
        List<Constraint> checks = t.checks().stream().filter(k -> sink.inline(k.id())).toList();
        Set<ObjectId> separateDefaults = new HashSet<>();
        for (Column c : t.columns()) {
            if (c.defaultId() != null && !sink.inline(c.defaultId())) {
                separateDefaults.add(c.defaultId());
            }
        }
        String owner = t.ownership().owner();
        boolean foreign = t.features().foreign() != null;
        // a foreign table has neither tablespace nor access method
        sink.definition(foreign ? EntryKind.FOREIGN_TABLE : EntryKind.TABLE, t.name().name(), t.schema(), owner,
                foreign ? null : t.tablespace(), foreign ? null : t.accessMethod(),
                foreign ? 'f' : t.lineage().partitioned() ? 'p' : 'r',
                RelationDdl.createTable(t, checks, separateDefaults)
                        + TableFeatureDdl.after(t.name(), t.features(), foreign, !foreign)
                        + RelationDdl.forceRowSecurity(t),
                RelationDdl.dropTable(t));
        String type = foreign ? "FOREIGN TABLE" : "TABLE";
        comments(type, t.name(), owner, t.comment(), t.columns(), sink);
        sink.relationSecurityLabels(type, t.name(), owner, t.columns());
        for (Column c : t.columns()) {
            if (c.notNullComment() != null) { // 18: a NOT NULL constraint's, named in its column's definition
                constraintComment(c.notNullName(), t.name(), owner, c.notNullComment(), sink);
            }
        }
        for (Constraint k : checks) {
            constraintComment(k, sink);
        }
        acls(t.name(), t.ownership(), t.columns(), sink);
    }

    static void view(View v, EntrySink sink) {
        String create = sink.inline(v.rule()) ? RelationDdl.createView(v) : RelationDdl.createDummyView(v);
        String owner = v.ownership().owner();
        sink.definition(EntryKind.VIEW, v.name().name(), v.schema(), owner, create, RelationDdl.dropView(v));
        comments("VIEW", v.name(), owner, v.comment(), v.columns(), sink);
        sink.relationSecurityLabels("VIEW", v.name(), owner, v.columns());
        acls(v.name(), v.ownership(), v.columns(), sink);
    }

    /** Its REFRESH is the assembler's data entry, after the data. */
    static void materializedView(MaterializedView m, EntrySink sink) {
        String owner = m.ownership().owner();
        sink.definition(EntryKind.MATERIALIZED_VIEW, m.name().name(), m.schema(), owner, m.tablespace(),
                m.accessMethod(), 'm', MaterializedViewDdl.create(m), MaterializedViewDdl.drop(m));
        comments("MATERIALIZED VIEW", m.name(), owner, m.comment(), m.columns(), sink);
        sink.relationSecurityLabels("MATERIALIZED VIEW", m.name(), owner, m.columns());
        acls(m.name(), m.ownership(), m.columns(), sink);
    }

    /**
     * A sequence; one owned by a dumped table's column also gets its SEQUENCE OWNED BY entry, unless it backs an
     * identity column: then its definition is the table's ALTER COLUMN ... ADD GENERATED.
     */
    static void sequence(Sequence s, EntrySink sink) {
        Sequence.OwnedBy by = s.ownedBy();
        QualifiedName owningTable = by == null ? null : by.tableName();
        boolean identity = s.isIdentity() && owningTable != null;
        Sequence shown = identity || by == null ? s
                : s.withOwnedBy(new Sequence.OwnedBy(by.table(), by.column(), false, by.tableName(),
                        by.identityKind()));
        String owner = s.ownership().owner();
        sink.definition(EntryKind.SEQUENCE, s.name().name(), s.schema(), owner,
                RelationDdl.createSequence(shown, owningTable, by == null ? '\0' : by.identityKind()),
                RelationDdl.dropSequence(shown));
        if (owningTable != null && !identity) {
            sink.also(EntryKind.SEQUENCE_OWNED_BY, s.name().name(), s.schema(), owner,
                    RelationDdl.ownedBy(s, owningTable), "", by.table());
        }
        sink.comment("SEQUENCE", Sql.ident(s.name().name()), s.schema(), owner, s.comment());
        sink.securityLabels("SEQUENCE", Sql.ident(s.name().name()), s.schema(), owner);
        sink.acl("SEQUENCE", Sql.ident(s.name().name()), s.schema(), s.ownership());
    }

    /** A table constraint written on its own: PRIMARY KEY, UNIQUE, EXCLUDE, FOREIGN KEY, or a CHECK moved out. */
    public static void constraint(Constraint k, EntrySink sink) {
        EntryKind kind = k.type() == 'f' ? EntryKind.FK_CONSTRAINT
                : k.type() == 'c' ? EntryKind.CHECK_CONSTRAINT : EntryKind.CONSTRAINT;
        sink.definition(kind, k.tableName().name() + " " + k.name(), k.schema(), k.tableOwner(), k.tablespace(),
                null, '\0', RelationDdl.addConstraint(k, k.tableName()), RelationDdl.dropConstraint(k, k.tableName()));
        constraintComment(k, sink);
    }

    private static void constraintComment(Constraint k, EntrySink sink) {
        constraintComment(k.name(), k.tableName(), k.tableOwner(), k.comment(), sink);
    }

    private static void constraintComment(String name, QualifiedName table, String owner, @Nullable String comment,
            EntrySink sink) {
        String on = "CONSTRAINT " + Sql.ident(name) + " ON ";
        sink.commentOn(on + Sql.ident(table.name()), on + RelationDdl.qualified(table), table.schema(), owner,
                comment);
    }

    private static void comments(String type, QualifiedName name, String owner, @Nullable String comment,
            List<Column> columns, EntrySink sink) {
        String q = Sql.ident(name.name());
        sink.comment(type, q, name.schema(), owner, comment);
        for (Column c : columns) {
            if (c.comment() != null) { // most columns: no string work for them
                sink.comment("COLUMN", q + "." + Sql.ident(c.name()), name.schema(), owner, c.comment());
            }
        }
    }

    /** Privileges are granted ON TABLE for views too; a column's are held against none. */
    private static void acls(QualifiedName name, Ownership own, List<Column> columns, EntrySink sink) {
        String q = Sql.ident(name.name());
        sink.acl("TABLE", q, name.schema(), own);
        for (Column c : columns) {
            if (c.acl() != null) { // most columns have none: quote nothing, build no Ownership
                sink.columnAcl("TABLE", q, Sql.ident(c.name()), name.schema(),
                        new Ownership(own.owner(), c.acl(), List.of()));
            }
        }
    }
}
