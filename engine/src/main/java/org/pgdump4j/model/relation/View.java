package org.pgdump4j.model.relation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;

/**
 * A view.
 *
 * @param definition  pg_get_viewdef() without its trailing semicolon
 * @param options     reloptions without check_option
 * @param checkOption "LOCAL", "CASCADED" or null
 * @param ruleOid     its ON SELECT rule (pg_rewrite), which a dependency loop may make an entry of its own
 */
public record View(
        ObjectId id,
        QualifiedName name,
        Ownership ownership,
        String definition,
        List<String> options,
        @Nullable String checkOption,
        List<Column> columns,
        @Nullable String comment,
        long ruleOid,
        Components components) implements FamilyObject {
    public View {
        options = List.copyOf(options);
        columns = List.copyOf(columns);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TABLE;
    }

    @Override
    public String schema() {
        return name.schema();
    }

    @Override
    public String sortName() {
        return name.name();
    }

    /** The ON SELECT rule's id: a part of the view unless the sort split it off. */
    public ObjectId rule() {
        return new ObjectId(ObjectId.PG_REWRITE, ruleOid);
    }
}
