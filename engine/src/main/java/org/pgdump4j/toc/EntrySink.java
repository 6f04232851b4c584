package org.pgdump4j.toc;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Column;

/**
 * Where a family emitter writes one object's entries, in the order pg_dump's dumpXxx writes them: its definition,
 * then its comments, security labels and privileges. Each call is dropped when the object's components or the
 * dump's content options (-s, -a, -x, --no-comments) leave that part out, so emitters never test them. Every
 * entry depends on the object's dump id; the definition also on the objects the sort put before it.
 */
public interface EntrySink {
    /** The object's own entry (pg_dump's ArchiveEntry for it), carrying the object's catalog id and dump id. */
    void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner, String create,
            String drop);

    /**
     * pg_dump's dumpComment: {@code COMMENT ON <type> [<namespace>.]<name> IS '...'}, tagged {@code <type> <name>}.
     *
     * @param name the object's name as SQL writes it (quoted; with its argument list for routines)
     */
    void comment(String type, String name, @Nullable String namespace, @Nullable String owner,
            @Nullable String text);

    /**
     * pg_dump's dumpSecLabel: the object's own security labels (not its columns'), in one entry of {@code SECURITY
     * LABEL FOR p ON <type> [<namespace>.]<name> IS '...';} lines tagged {@code <type> <name>}; none when it has
     * none. The labels come from the catalog, found by the object's id.
     *
     * @param name the object's name as SQL writes it (quoted; with its argument list for routines)
     */
    void securityLabels(String type, String name, @Nullable String namespace, @Nullable String owner);

    /**
     * The same for {@code target}, a part of the object with labels of its own (a large object of a group). Only the
     * TOC assembler's sink and a recording one write such entries.
     */
    default void securityLabels(ObjectId target, String type, String name, @Nullable String namespace,
            @Nullable String owner) {
        throw new UnsupportedOperationException("this sink writes no labels of other objects");
    }

    /**
     * pg_dump's dumpTableSecLabel: a relation's labels and its columns' in one entry tagged {@code <type> <name>}
     * ({@code ON <type> s.t}, {@code ON COLUMN s.t.c}).
     *
     * @param columns the relation's columns, whose names the labels' column numbers give
     */
    default void relationSecurityLabels(String type, QualifiedName name, @Nullable String owner,
            java.util.List<Column> columns) {
        throw new UnsupportedOperationException("this sink writes no relation labels");
    }

    /** pg_dump's dumpACL: GRANT/REVOKE turning the baseline privileges into the object's, tagged {@code <type> <name>}. */
    void acl(String type, String name, @Nullable String namespace, Ownership ownership);

    /**
     * The same with a tag of its own (a group of large objects: {@code LARGE OBJECTS <first>..<last>}). Only the
     * TOC assembler's sink writes such entries; a recording sink in a test need not.
     */
    default void acl(String type, String name, @Nullable String namespace, Ownership ownership, String tag) {
        throw new UnsupportedOperationException("this sink writes no privileges tagged " + tag);
    }

    /**
     * The own entry of an object that is nothing but privileges (pg_dump's DEFAULT ACL): written, like an ACL
     * entry, only when the object's ACL component and the dump's schema and privileges (-x) allow.
     */
    void privilegesDefinition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
            String create);

    /**
     * pg_dump's pg_log_warning while it writes this object (a postfix operator, say): printed on stderr as
     * {@code pg_dump: warning: <message>}; dropped when the dump writes no definitions (pg_dump's dumpXxx returns
     * before it warns).
     */
    void warning(String message);

    /**
     * A relation's own entry (TABLE, INDEX, a table's CONSTRAINT), which also names a tablespace, a table access
     * method and (archive 1.16) a relkind. Only the TOC assembler's sink writes such entries.
     *
     * @param tablespace   "" for the default, null when the entry names none
     * @param accessMethod null when the entry names none
     * @param relkind      pg_class.relkind, '\0' for entries that record none
     */
    default void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
            @Nullable String tablespace, @Nullable String accessMethod, char relkind, String create, String drop) {
        throw new UnsupportedOperationException("this sink writes no relation entries");
    }

    /**
     * Another entry of the object's definition, without a catalog id of its own (SEQUENCE OWNED BY): it depends on
     * the object and, when that is dumped, on {@code after}.
     */
    default void also(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner, String create,
            String drop, ObjectId after) {
        throw new UnsupportedOperationException("this sink writes no further entries");
    }

    /**
     * A comment whose tag is not {@code <type> <name>} nor its target {@code <type> <namespace>.<name>} (a table
     * constraint's: tagged {@code CONSTRAINT c ON t}, on {@code CONSTRAINT c ON s.t}).
     */
    default void commentOn(String tag, String target, @Nullable String namespace, @Nullable String owner,
            @Nullable String text) {
        throw new UnsupportedOperationException("this sink writes no comments tagged " + tag);
    }

    /**
     * A column's privileges, tagged {@code COLUMN <name>.<column>}: pg_dump's dumpACL with a subname, against no
     * baseline (a column has no default privileges).
     *
     * @param name   the relation's name, quoted
     * @param column the column's name, quoted
     */
    default void columnAcl(String type, String name, String column, @Nullable String namespace,
            Ownership ownership) {
        throw new UnsupportedOperationException("this sink writes no column privileges");
    }

    /**
     * pg_dump's dumpUserMappings: one {@code USER MAPPING} entry of a foreign server (its user-mapping component),
     * with no catalog id and no dependencies, owned by the server's owner.
     */
    default void userMapping(String tag, String owner, String create, String drop) {
        throw new UnsupportedOperationException("this sink writes no user mappings");
    }

    /**
     * A relation's STATISTICS DATA entry (pg_dump 18's dumpRelationStats): no catalog id, no owner, no drop; in the
     * data section, or post-data for an index's. Written when the object's statistics component and the dump's
     * statistics option allow.
     */
    default void statistics(String tag, String namespace, boolean postData, String create) {
        throw new UnsupportedOperationException("this sink writes no statistics");
    }

    /**
     * Whether {@code part} (an object whose {@link org.pgdump4j.model.FamilyObject#inlineInto} is this object; a
     * table's CHECK constraint or column default; a view's ON SELECT rule) is written inside this object's
     * definition; false when the sort moved it out to break a dependency loop.
     */
    boolean inline(ObjectId part);

    /**
     * Whether routine bodies may be dollar-quoted: true unless the run asked for {@code --disable-dollar-quoting}
     * (then SQL-standard string literals), a per-run setting the sink carries so the DDL needs no global state.
     */
    default boolean dollarQuoting() {
        return true;
    }
}
