package org.pgdump4j.object.sysacl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.pgdump4j.ddl.AclDdl;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.sysacl.CatalogRelation;
import org.pgdump4j.model.sysacl.CatalogRelation.ColumnPrivileges;
import org.pgdump4j.model.sysacl.CatalogSchema;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_catalog's records to the ACL entries pg_dump 18 writes for them (tags, GRANT/REVOKE text), no server. */
class SystemAclDdlTest {
    private static final Components ACL = new Components(Components.ACL);

    /** Writes each ACL entry as "tag [namespace]" and its statements, as the TOC builder would. */
    private static final class Recorder implements EntrySink {
        final StringBuilder out = new StringBuilder();

        @Override
        public void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
                String create, String drop) {
            throw new AssertionError("pg_catalog's objects have no definition in a dump");
        }

        @Override
        public void privilegesDefinition(EntryKind kind, String tag, @Nullable String namespace,
                @Nullable String owner, String create) {
            throw new AssertionError("pg_catalog's objects have no definition in a dump");
        }

        @Override
        public void warning(String message) {
            throw new AssertionError("unexpected warning: " + message);
        }

        @Override
        public void comment(String type, String name, @Nullable String namespace, @Nullable String owner,
                @Nullable String text) {
            throw new AssertionError("pg_catalog's objects have no comment in a dump");
        }

        @Override
        public void securityLabels(String type, String name, @Nullable String namespace, @Nullable String owner) {
            throw new AssertionError("pg_catalog's objects have no security labels in a dump");
        }

        @Override
        public void acl(String type, String name, @Nullable String namespace, Ownership o) {
            entry(type + " " + name, namespace, AclDdl.build(type, name, null, namespace, o, o.acl(), o.baseline()));
        }

        @Override
        public void columnAcl(String type, String table, String column, @Nullable String namespace, Ownership o) {
            entry("COLUMN " + table + "." + column, namespace,
                    AclDdl.build(type, table, column, namespace, o, o.acl(), o.baseline()));
        }

        private void entry(String tag, @Nullable String namespace, String sql) {
            if (!sql.isEmpty()) {
                out.append("-- ").append(tag).append(" [").append(namespace).append("]\n").append(sql);
            }
        }

        @Override
        public boolean inline(ObjectId part) {
            return false;
        }
    }

    @Test
    void theSchemaIsGrantedOnAsSchemaWithoutNamespace() {
        Recorder r = new Recorder();
        SystemAclEmitter.emit(new CatalogSchema(new ObjectId(2615, 11), new Ownership("postgres",
                List.of("postgres=UC/postgres", "=U/postgres", "p4j_reader=U/postgres"),
                List.of("postgres=UC/postgres", "=U/postgres")), ACL), r);
        assertEquals("-- SCHEMA pg_catalog [null]\nGRANT USAGE ON SCHEMA pg_catalog TO p4j_reader;\n", r.out.toString());
    }

    @Test
    void aCatalogThenItsColumnsAgainstTheirInitialPrivileges() {
        Recorder r = new Recorder();
        CatalogRelation subs = new CatalogRelation(ObjectId.relation(6100), "pg_subscription", 'r',
                new Ownership("postgres", List.of("postgres=arwdDxt/postgres", "p4j_reader=r/postgres"),
                        List.of("postgres=arwdDxt/postgres")),
                List.of(new ColumnPrivileges("subname", List.of(), List.of("=r/postgres")),
                        new ColumnPrivileges("subenabled", List.of("=r/postgres", "p4j_owner=w/postgres"),
                                List.of("=r/postgres")),
                        new ColumnPrivileges("subdbid", List.of("=r/postgres"), List.of("=r/postgres")),
                        new ColumnPrivileges("ctid", List.of("p4j_reader=r/postgres"), List.of())),
                ACL);
        SystemAclEmitter.emit(subs, r);
        assertEquals("""
                -- TABLE pg_subscription [pg_catalog]
                GRANT SELECT ON TABLE pg_catalog.pg_subscription TO p4j_reader;
                -- COLUMN pg_subscription.subname [pg_catalog]
                REVOKE SELECT(subname) ON TABLE pg_catalog.pg_subscription FROM PUBLIC;
                -- COLUMN pg_subscription.subenabled [pg_catalog]
                GRANT UPDATE(subenabled) ON TABLE pg_catalog.pg_subscription TO p4j_owner;
                -- COLUMN pg_subscription.ctid [pg_catalog]
                GRANT SELECT(ctid) ON TABLE pg_catalog.pg_subscription TO p4j_reader;
                """, r.out.toString());
    }

    @Test
    void aViewIsATableAndOddNamesAreQuoted() {
        Recorder r = new Recorder();
        SystemAclEmitter.emit(new CatalogRelation(ObjectId.relation(12000), "pg_roles", 'v',
                new Ownership("postgres", List.of("postgres=arwdDxt/postgres", "=r/postgres",
                        "\"P4J Odd \"\"Role\"\"\"=w*/postgres"), List.of("postgres=arwdDxt/postgres", "=r/postgres")),
                List.of(), ACL), r);
        assertEquals("-- TABLE pg_roles [pg_catalog]\n"
                + "GRANT UPDATE ON TABLE pg_catalog.pg_roles TO \"P4J Odd \"\"Role\"\"\" WITH GRANT OPTION;\n",
                r.out.toString());
    }

    @Test
    void anUnchangedColumnOrANullAclWritesNothing() {
        Ownership unchanged = SystemAclReader.ownership("postgres", null, null, List.of("postgres=arwdDxt/postgres"));
        assertEquals(null, unchanged.acl());
        Ownership revoked = SystemAclReader.ownership("", null, List.of("=r/postgres"), List.of());
        assertEquals(List.of(), revoked.acl(), "a NULL column ACL with initial privileges is the empty default");
        assertEquals(List.of("=r/postgres"), revoked.baseline());
    }
}
