package org.pgdump4j.model.foreign;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;

/**
 * A foreign-data wrapper (pg_dump's FdwInfo).
 *
 * @param handler   fdwhandler as {@code regproc} prints it under the dump's empty search_path, or null for none
 * @param validator fdwvalidator likewise, or null
 * @param options   {@code name 'value'} items in option-name order, see {@link ForeignServer#options}
 */
public record ForeignDataWrapper(ObjectId id, String name, @Nullable String handler, @Nullable String validator,
        List<String> options, Ownership ownership, @Nullable String comment, Components components)
        implements FamilyObject {
    public ForeignDataWrapper {
        options = List.copyOf(options);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.FDW;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }

    @Override
    public String sortName() {
        return name;
    }
}
