package org.pgdump4j.object.cast;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.RoutineRef;

/**
 * Reads the function a cast or transform names, in the same query: its schema, name and argument types as
 * pg_dump's format_function_signature writes them (format_type of each argument).
 */
public final class RoutineRefs {
    private RoutineRefs() {
    }

    /** Select-list columns {@code <prefix>_nsp, <prefix>_name, <prefix>_args} for the function {@code oidExpr}. */
    public static String columns(String prefix, String oidExpr) {
        return """
                (SELECT rn.nspname FROM pg_catalog.pg_proc rp JOIN pg_catalog.pg_namespace rn ON rn.oid = rp.pronamespace
                  WHERE rp.oid = %1$s) AS %2$s_nsp,
                (SELECT rp.proname FROM pg_catalog.pg_proc rp WHERE rp.oid = %1$s) AS %2$s_name,
                (SELECT pg_catalog.array_to_string(ARRAY(
                        SELECT pg_catalog.format_type(a.t, NULL)
                          FROM pg_catalog.unnest(rp.proargtypes::pg_catalog.oid[]) WITH ORDINALITY AS a(t, n)
                         ORDER BY a.n), ', ')
                   FROM pg_catalog.pg_proc rp WHERE rp.oid = %1$s) AS %2$s_args""".formatted(oidExpr, prefix);
    }

    /** The function read by {@link #columns}, or null when the OID was 0 or names no function. */
    public static @Nullable RoutineRef read(ResultSet rs, String prefix) throws SQLException {
        String name = rs.getString(prefix + "_name");
        if (name == null) {
            return null;
        }
        return new RoutineRef(rs.getString(prefix + "_nsp"), name, rs.getString(prefix + "_args"));
    }
}
