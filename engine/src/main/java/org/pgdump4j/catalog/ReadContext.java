package org.pgdump4j.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;

/**
 * What every family reader gets: the connection (inside the dump's snapshot, tables locked), the server's
 * features, and the selection rules that decide each object's {@link Components} once, as pg_dump's
 * selectDumpable* functions do.
 */
public final class ReadContext {
    /** Objects with lower OIDs were made by initdb (FirstNormalObjectId). */
    public static final long FIRST_NORMAL_OID = 16384;
    /** pg_catalog's OID: its objects are not dumped, but their changed privileges are. */
    public static final long PG_CATALOG = 11;

    private final Jdbc jdbc;
    private final ServerFeatures features;
    private final Set<Long> dumpedSchemas;
    private final boolean includeEverything;
    private final Map<ObjectId, Long> extensionMembers;

    public ReadContext(Jdbc jdbc, ServerFeatures features, Set<Long> dumpedSchemas, boolean includeEverything) {
        this.jdbc = jdbc;
        this.features = features;
        this.dumpedSchemas = dumpedSchemas;
        this.includeEverything = includeEverything;
        this.extensionMembers = readMembers(jdbc);
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    public ServerFeatures features() {
        return features;
    }

    /** No -n/-t narrows the dump: objects outside schemas (casts, languages...) are dumped. */
    public boolean includeEverything() {
        return includeEverything;
    }

    /** Whether the schema's contents are dumped (pg_dump's namespace dump_contains, short of pg_catalog's ACLs). */
    public boolean schemaDumped(long nspOid) {
        return dumpedSchemas.contains(nspOid);
    }

    /** The extension {@code id} belongs to (pg_depend deptype 'e'), or null. */
    public @Nullable Long extensionOf(ObjectId id) {
        return extensionMembers.get(id);
    }

    /**
     * pg_dump's selectDumpableObject for an object in a schema: an extension member gets only its changed
     * privileges (compared with pg_init_privs), pg_catalog's objects likewise, others follow their schema.
     */
    public Components inSchema(long nspOid, ObjectId id) {
        Long ext = extensionOf(id);
        if (ext != null) {
            return extensionContains(ext).and(Components.ACL_SECLABEL_POLICY);
        }
        if (nspOid == PG_CATALOG) {
            // pg_dump's selectDumpableNamespace: pg_catalog's changed privileges only when no -n/-t narrows the dump
            return includeEverything ? new Components(Components.ACL) : Components.NONE;
        }
        return schemaDumped(nspOid) ? Components.ALL : Components.NONE;
    }

    /** The same for an object outside schemas: initdb's objects are not dumped, others only in a full dump. */
    public Components outsideSchema(ObjectId id) {
        Long ext = extensionOf(id);
        if (ext != null) {
            return extensionContains(ext).and(Components.ACL_SECLABEL_POLICY);
        }
        if (id.oid() < FIRST_NORMAL_OID) {
            return Components.NONE;
        }
        return includeEverything ? Components.ALL : Components.NONE;
    }

    /**
     * pg_dump's selectDumpableExtension: initdb's extensions (plpgsql) only have their privileges written, others
     * everything in a full dump.
     */
    public Components extensionContains(long extOid) {
        if (extOid < FIRST_NORMAL_OID) {
            return new Components(Components.ACL);
        }
        return includeEverything ? Components.ALL : Components.NONE;
    }

    private static Map<ObjectId, Long> readMembers(Jdbc jdbc) {
        Map<ObjectId, Long> out = new HashMap<>();
        jdbc.forEach("extension members", """
                SELECT classid, objid, refobjid FROM pg_catalog.pg_depend
                 WHERE refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND deptype = 'e'
                """, rs -> out.put(new ObjectId(rs.getLong(1), rs.getLong(2)), rs.getLong(3)));
        return out;
    }
}
