package org.pgdump4j.dumpall;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.seclabel.SecurityLabel;

/**
 * One tablespace that is not built in (its name does not start with {@code pg_}).
 *
 * @param location pg_tablespace_location: an absolute path, or a relative one for an in-place tablespace
 * @param options  {@code spcoptions} joined by {@code ", "}; "" when there are none
 * @param comment  shobj_description; null when there is none
 */
public record Tablespace(long oid, String name, Ownership ownership, String location, String options,
        @Nullable String comment, List<SecurityLabel> labels) {
    public Tablespace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(options, "options");
        labels = List.copyOf(labels);
    }
}
