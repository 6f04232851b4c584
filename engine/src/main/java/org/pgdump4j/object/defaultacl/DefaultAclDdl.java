package org.pgdump4j.object.defaultacl;

import org.pgdump4j.ddl.AclDdl;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.defaultacl.DefaultAcl;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpDefaultACL writes (buildDefaultACLCommands). */
public final class DefaultAclDdl {
    private DefaultAclDdl() {
    }

    /** The GRANT target keyword for the entry's object type: TABLES, SEQUENCES, ... */
    public static String type(DefaultAcl d) {
        return switch (d.objType()) {
            case 'r' -> "TABLES";
            case 'S' -> "SEQUENCES";
            case 'f' -> "FUNCTIONS";
            case 'T' -> "TYPES";
            case 'n' -> "SCHEMAS";
            case 'L' -> "LARGE OBJECTS";
            default -> throw new IllegalStateException("unrecognized object type in default privileges: "
                    + d.objType());
        };
    }

    /** {@code DEFAULT PRIVILEGES FOR TABLES}: the entry's tag. */
    public static String tag(DefaultAcl d) {
        return "DEFAULT PRIVILEGES FOR " + type(d);
    }

    /**
     * {@code ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s] GRANT/REVOKE ... ON TABLES ...}, one statement per
     * difference from the baseline, the role's own grants first.
     */
    public static String create(DefaultAcl d) {
        String prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE " + Sql.ident(d.role()) + " "
                + (d.schema() == null ? "" : "IN SCHEMA " + Sql.ident(d.schema()) + " ");
        return AclDdl.build(prefix, type(d), "", null, null, new Ownership(d.role(), d.acl(), d.baseline()),
                d.acl(), d.baseline());
    }
}
