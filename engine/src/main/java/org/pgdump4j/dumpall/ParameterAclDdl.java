package org.pgdump4j.dumpall;

import org.pgdump4j.ddl.AclDdl;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.sql.Sql;

/** Privileges on one configuration parameter (15+), as pg_dumpall's dumpRoleGUCPrivs: GRANT SET / ALTER SYSTEM. */
final class ParameterAclDdl {
    private ParameterAclDdl() {
    }

    static String grants(ParameterAcl p) {
        return AclDdl.build("PARAMETER", Sql.ident(p.name()), null, null,
                new Ownership(p.owner(), p.acl(), p.baseline()), p.acl(), p.baseline());
    }
}
