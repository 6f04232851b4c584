package org.pgdump4j.model.foreign;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.Ownership;

/**
 * A foreign server (pg_dump's ForeignServerInfo) with its user mappings, which pg_dump writes as a component of
 * the server (DUMP_COMPONENT_USERMAP), not as objects of their own.
 *
 * @param wrapper      the foreign-data wrapper's name
 * @param type         srvtype, or null
 * @param version      srvversion, or null
 * @param options      {@code name 'value'} items in option-name order, each quoted by the server's
 *                     {@code quote_ident} and {@code quote_literal} as pg_dump's query quotes them (a value with a
 *                     backslash becomes {@code E'...'})
 * @param userMappings the server's user mappings, ordered by user name as pg_dump reads them
 */
public record ForeignServer(ObjectId id, String name, String wrapper, @Nullable String type,
        @Nullable String version, List<String> options, List<UserMapping> userMappings, Ownership ownership,
        @Nullable String comment, Components components) implements FamilyObject {
    public ForeignServer {
        options = List.copyOf(options);
        userMappings = List.copyOf(userMappings);
    }

    /**
     * A user mapping, from the pg_user_mappings view.
     *
     * @param user    the role's name, {@code public} for the mapping of PUBLIC
     * @param options as the server's {@code options}; empty when the view hides them (no privilege on the server)
     */
    public record UserMapping(String user, List<String> options) {
        public UserMapping {
            options = List.copyOf(options);
        }
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.FOREIGN_SERVER;
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
