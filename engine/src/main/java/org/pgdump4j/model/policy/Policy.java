package org.pgdump4j.model.policy;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * A row-level security policy on a table (pg_dump's PolicyInfo with a name), written after its table.
 *
 * @param table      the table it applies to
 * @param tableOwner the table's owner, the entry's owner
 * @param command    pg_policy.polcmd: '*' all, 'r' SELECT, 'a' INSERT, 'w' UPDATE, 'd' DELETE
 * @param permissive false for AS RESTRICTIVE
 * @param roles      the roles, each quoted, joined by ", " (the server's text); null for PUBLIC alone
 * @param using      pg_get_expr of the USING expression, or null
 * @param withCheck  pg_get_expr of the WITH CHECK expression, or null
 */
public record Policy(ObjectId id, QualifiedName table, String tableOwner, String name, char command,
        boolean permissive, @Nullable String roles, @Nullable String using, @Nullable String withCheck,
        @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.POLICY;
    }

    @Override
    public String schema() {
        return table.schema();
    }

    @Override
    public String sortName() {
        return name;
    }

    /** pg_dump_sort.c: policies of the same name sort by their table's name. */
    @Override
    public String tiebreak() {
        return table.name();
    }
}
