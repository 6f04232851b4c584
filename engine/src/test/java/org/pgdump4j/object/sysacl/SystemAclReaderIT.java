package org.pgdump4j.object.sysacl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.Selector;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.sysacl.CatalogRelation;
import org.pgdump4j.model.sysacl.CatalogSchema;
import org.pgdump4j.model.type.UserType;
import org.pgdump4j.object.type.TypeReader;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * pg_catalog's changed privileges read to the same records on every major 10..18: the schema's, a catalog's with
 * its columns' (a revoked initial column grant, a system column), a view's, base and range types'; unchanged
 * objects get no component, and none at all is dumped under -n/-t or -N pg_catalog, while -e alone keeps them.
 */
class SystemAclReaderIT {
    private static final String FIXTURE = """
            DO $$BEGIN CREATE ROLE p4j_reader; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            GRANT USAGE ON SCHEMA pg_catalog TO p4j_reader;
            GRANT SELECT ON pg_catalog.pg_authid TO p4j_reader;
            GRANT SELECT (rolname) ON pg_catalog.pg_authid TO p4j_reader;
            REVOKE SELECT (subname) ON pg_catalog.pg_subscription FROM PUBLIC;
            GRANT SELECT (ctid) ON pg_catalog.pg_namespace TO p4j_reader;
            GRANT UPDATE ON pg_catalog.pg_roles TO p4j_reader;
            GRANT USAGE ON TYPE pg_catalog.int4 TO p4j_reader;
            GRANT USAGE ON TYPE pg_catalog.int4range TO p4j_reader;
            GRANT USAGE ON TYPE pg_catalog.record TO p4j_reader;
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsTheChangedPrivilegesOnly(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "sysaclreader")) {
            db.execute(FIXTURE);
            try (Connection c = db.connect()) {
                ServerFeatures f = new ServerFeatures(db.server().versionNum());
                ReadContext full = new ReadContext(new Jdbc(c), f, Set.of(), true);
                Map<String, String> dumped = dumped(full);
                assertEquals(Map.of(
                        "SCHEMA pg_catalog", "+p4j_reader=U/postgres",
                        "TABLE pg_authid", "+p4j_reader=r/postgres",
                        "COLUMN pg_authid.rolname", "+p4j_reader=r/postgres",
                        "COLUMN pg_namespace.ctid", "+p4j_reader=r/postgres",
                        "COLUMN pg_subscription.subname", "-=r/postgres",
                        "TABLE pg_roles", "+p4j_reader=w/postgres",
                        "TYPE int4", "+p4j_reader=U/postgres",
                        "TYPE int4range", "+p4j_reader=U/postgres"), dumped);

                assertTrue(dumped(narrowed(c, f, Set.of(), null, true)).isEmpty(), "-n or -t");
                assertTrue(dumped(narrowed(c, f, Set.of(ReadContext.PG_CATALOG), null, false)).isEmpty(),
                        "-N pg_catalog");
                assertEquals(dumped, dumped(narrowed(c, f, Set.of(), Set.of(), false)), "-e alone");
            }
        }
    }

    private static ReadContext narrowed(Connection c, ServerFeatures f, Set<Long> excludedSchemas,
            Set<Long> extensions, boolean namesSchemasOrTables) {
        return new ReadContext(new Jdbc(c), f, new Selector.Selection(Set.of(), Set.of(), excludedSchemas, Set.of(),
                extensions, Set.of(), namesSchemasOrTables), false);
    }

    /** Each dumped object's ACL entries, tag to the items added (+) and removed (-) against the baseline. */
    private static Map<String, String> dumped(ReadContext ctx) {
        Map<String, String> out = new TreeMap<>();
        for (FamilyObject o : new SystemAclReader().read(ctx)) {
            if (o.components().isEmpty()) {
                continue;
            }
            if (o instanceof CatalogSchema s) {
                put(out, "SCHEMA pg_catalog", s.ownership());
            } else if (o instanceof CatalogRelation r) {
                put(out, "TABLE " + r.name(), r.ownership());
                for (CatalogRelation.ColumnPrivileges col : r.columns()) {
                    put(out, "COLUMN " + r.name() + "." + col.name(),
                            new Ownership(r.ownership().owner(), col.acl(), col.baseline()));
                }
            }
        }
        for (FamilyObject o : new TypeReader().read(ctx)) {
            if (o instanceof UserType t && "pg_catalog".equals(t.schema()) && !o.components().isEmpty()) {
                put(out, "TYPE " + t.name(), t.ownership());
            }
        }
        return out;
    }

    private static void put(Map<String, String> out, String tag, Ownership o) {
        if (!o.changed()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        o.acl().stream().filter(i -> !o.baseline().contains(i)).sorted().forEach(i -> sb.append('+').append(i));
        o.baseline().stream().filter(i -> !o.acl().contains(i)).sorted().forEach(i -> sb.append('-').append(i));
        out.put(tag, sb.toString());
    }
}
