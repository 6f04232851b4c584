package org.pgdump4j.dumpall;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.seclabel.SecurityLabel;

/**
 * One role of pg_authid (or pg_roles under {@code --no-role-passwords}), as pg_dumpall reads it.
 *
 * @param connectionLimit {@code rolconnlimit}; -1 for none
 * @param password        {@code rolpassword}; null when there is none or it was not read
 * @param validUntil      {@code rolvaliduntil} as the server prints it; null when there is none
 * @param comment         shobj_description; null when there is none
 * @param settings        its settings for every database (pg_db_role_setting with setdatabase 0), as
 *                        {@code name=value} items in the server's order
 * @param labels          its security labels (pg_shseclabel), in the server's order
 */
public record Role(long oid, String name, boolean superuser, boolean inherit, boolean createRole, boolean createDb,
        boolean login, boolean replication, boolean bypassRls, int connectionLimit, @Nullable String password,
        @Nullable String validUntil, @Nullable String comment, List<String> settings, List<SecurityLabel> labels) {
    public Role {
        Objects.requireNonNull(name, "name");
        settings = List.copyOf(settings);
        labels = List.copyOf(labels);
    }
}
