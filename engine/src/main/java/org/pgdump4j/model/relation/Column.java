package org.pgdump4j.model.relation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;

/**
 * A table or view column.
 *
 * @param type         format_type() of the column's type and typmod
 * @param typeOid      pg_attribute.atttypid, which decides whether the rows can travel as binary COPY
 * @param notNullName  for a NOT NULL column: the constraint name to print, or "" when it is the default name or
 *                     the server has no named NOT NULL constraints
 * @param defaultExpr  pg_get_expr() of the default or generation expression, null when none
 * @param defaultId    the pg_attrdef object, null when no default
 * @param identity     pg_attribute.attidentity: 'a' always, 'd' by default, '\0' none
 * @param generated    pg_attribute.attgenerated: 's' stored, 'v' virtual, '\0' none
 * @param collation    the collation when it differs from the type's default
 * @param acl          column privileges (aclitem[] items), null when none
 * @param notNullNoInherit its NOT NULL constraint is NO INHERIT (18)
 * @param notNullComment   its NOT NULL constraint's comment (18), null when none
 */
public record Column(
        int num,
        String name,
        String type,
        long typeOid,
        boolean notNull,
        String notNullName,
        @Nullable String defaultExpr,
        @Nullable ObjectId defaultId,
        char identity,
        char generated,
        @Nullable QualifiedName collation,
        @Nullable List<String> acl,
        @Nullable String comment,
        boolean notNullNoInherit,
        @Nullable String notNullComment) {

    /** A column whose NOT NULL, if any, is a plain one without comment. */
    public Column(int num, String name, String type, long typeOid, boolean notNull, String notNullName,
            @Nullable String defaultExpr, @Nullable ObjectId defaultId, char identity, char generated,
            @Nullable QualifiedName collation, @Nullable List<String> acl, @Nullable String comment) {
        this(num, name, type, typeOid, notNull, notNullName, defaultExpr, defaultId, identity, generated, collation,
                acl, comment, false, null);
    }
}
