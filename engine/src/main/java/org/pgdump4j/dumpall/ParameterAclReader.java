package org.pgdump4j.dumpall;

import java.util.List;
import java.util.Objects;
import org.pgdump4j.catalog.Jdbc;

/** pg_dumpall's dumpRoleGUCPrivs query (15+): parameters with privileges, owned by the bootstrap superuser. */
final class ParameterAclReader {
    private ParameterAclReader() {
    }

    static List<ParameterAcl> read(Jdbc jdbc) {
        return jdbc.query("parameter privileges", "SELECT parname, pg_catalog.pg_get_userbyid(10) AS parowner, "
                + "paracl::pg_catalog.text[] AS paracl, "
                + "pg_catalog.acldefault('p', 10)::pg_catalog.text[] AS acldefault "
                + "FROM pg_catalog.pg_parameter_acl ORDER BY 1",
                rs -> new ParameterAcl(rs.getString("parname"), rs.getString("parowner"),
                        Jdbc.textArray(rs, "paracl"), Objects.requireNonNull(Jdbc.textArray(rs, "acldefault"))));
    }
}
