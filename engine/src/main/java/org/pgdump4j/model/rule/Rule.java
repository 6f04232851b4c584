package org.pgdump4j.model.rule;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.QualifiedName;

/**
 * A rewrite rule written on its own (pg_dump's RuleInfo with separate = true): every rule but a view's ON SELECT
 * rule, which is the view's definition.
 *
 * @param table      the table or view the rule belongs to
 * @param tableOwner the table's owner, the entry's owner
 * @param definition pg_get_ruledef's text (it ends with a semicolon)
 * @param enabled    pg_rewrite.ev_enabled: 'O' origin (the default), 'D' disabled, 'R' replica, 'A' always
 */
public record Rule(ObjectId id, QualifiedName table, String tableOwner, String name, String definition,
        char enabled, @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.RULE;
    }

    @Override
    public String schema() {
        return table.schema();
    }

    @Override
    public String sortName() {
        return name;
    }

    /** Rules of the same name (on tables of one schema) sort by their table's name. */
    @Override
    public String tiebreak() {
        return table.name();
    }
}
