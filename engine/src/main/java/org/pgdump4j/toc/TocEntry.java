package org.pgdump4j.toc;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One archive TOC entry: the single truth that every format writes and reads, and that restore filters,
 * orders and executes. Fields mirror pg_dump's TocEntry; strings may be null where the archive stores NULL.
 *
 * @param desc       the TOC kind string, e.g. {@code "TABLE DATA"} (free text: archives from other tools may hold
 *                   kinds we never write)
 * @param names      tag, namespace, owner, tablespace and table access method
 * @param sql        definition, drop statement and COPY statement
 * @param hasData    whether a data stream belongs to this entry
 * @param relkind    pg_class.relkind for entries made from relations (archive 1.16), '\0' otherwise
 */
public record TocEntry(
        int dumpId,
        CatalogId catalogId,
        String desc,
        Section section,
        EntryNames names,
        EntrySql sql,
        List<Integer> dependencies,
        boolean hasData,
        char relkind) {

    public TocEntry {
        Objects.requireNonNull(catalogId, "catalogId");
        Objects.requireNonNull(desc, "desc");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(sql, "sql");
        dependencies = List.copyOf(dependencies);
    }

    /** An entry without a relkind, as most entries are. */
    public TocEntry(int dumpId, CatalogId catalogId, String desc, Section section, EntryNames names, EntrySql sql,
            List<Integer> dependencies, boolean hasData) {
        this(dumpId, catalogId, desc, section, names, sql, dependencies, hasData, '\0');
    }

    public String tag() {
        return names.tag();
    }

    public @Nullable String namespace() {
        return names.namespace();
    }

    public @Nullable String owner() {
        return names.owner();
    }

    public String definition() {
        return sql.definition();
    }

    public String dropStatement() {
        return sql.dropStatement();
    }

    /** Whether the archive holds a drop statement for the entry (pg_restore's {@code te->dropStmt != NULL}). */
    public boolean hasDropStatement() {
        return !sql.dropStatement().isEmpty() || sql.emptyDropStored();
    }

    public @Nullable String copyStatement() {
        return sql.copyStatement();
    }

    public boolean is(EntryKind kind) {
        return desc.equals(kind.desc());
    }

    /** Names printed in the entry's comment header and used for ownership. */
    public record EntryNames(
            String tag,
            @Nullable String namespace,
            @Nullable String owner,
            @Nullable String tablespace,
            @Nullable String tableAm) {
        public EntryNames {
            Objects.requireNonNull(tag, "tag");
        }
    }

    /**
     * The SQL an entry carries, an empty string where there is none. pg_dump stores "none" as NULL, except a few
     * entries whose empty drop statement it stores as such (an identity column's sequence, DATABASE PROPERTIES):
     * {@code emptyDropStored} keeps that apart, since pg_restore's --clean counts (and under -v names) an entry
     * with a drop statement, even an empty one.
     */
    public record EntrySql(String definition, String dropStatement, @Nullable String copyStatement,
                           boolean emptyDropStored) {
        public EntrySql {
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(dropStatement, "dropStatement");
            emptyDropStored = emptyDropStored && dropStatement.isEmpty();
        }

        public EntrySql(String definition, String dropStatement, @Nullable String copyStatement) {
            this(definition, dropStatement, copyStatement, false);
        }
    }
}
