package org.pgdump4j.object.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.Selector;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.extension.Extension;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.testing.TestExtensions;

/**
 * Extensions read the same on every major, and ReadContext's extension rules (pg_dump 18's
 * selectDumpableExtension, checkExtensionMembership, processExtensionTables) decide their members' components.
 */
class ExtensionReaderIT {
    private static final Components ACL = new Components(Components.ACL);
    private static final Components DATA = new Components(Components.DATA);
    private static final Components ACL_DATA = new Components(Components.ACL | Components.DATA);

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsExtensionsAndDecidesTheirMembers(int major) throws Exception {
        TestExtensions.install(PgServers.get(major));
        try (TestDb db = PgServers.freshDb(major, "extreader")) {
            db.execute("""
                    CREATE SCHEMA ext; CREATE SCHEMA "Odd ""S"" x";
                    CREATE EXTENSION hstore WITH SCHEMA "Odd ""S"" x";
                    CREATE EXTENSION p4j_conf WITH SCHEMA ext;
                    COMMENT ON EXTENSION hstore IS 'kv';
                    """);
            try (Connection c = db.connect()) {
                Jdbc jdbc = new Jdbc(c);
                ServerFeatures f = new ServerFeatures(db.server().versionNum());
                long ext = oid(db, "SELECT 'ext'::regnamespace::oid");
                long hstore = oid(db, "SELECT oid FROM pg_extension WHERE extname = 'hstore'");
                long conf = oid(db, "SELECT oid FROM pg_extension WHERE extname = 'p4j_conf'");
                long confAll = oid(db, "SELECT 'ext.conf_all'::regclass::oid");
                long confUser = oid(db, "SELECT 'ext.conf_user'::regclass::oid");
                long confSeq = oid(db, "SELECT 'ext.conf_seq'::regclass::oid");
                long member = oid(db, "SELECT 'ext.plain_member'::regclass::oid");
                long view = oid(db, "SELECT 'ext.member_view'::regclass::oid");

                // a full dump
                ReadContext full = new ReadContext(jdbc, f, new Selector.Selection(Set.of(ext), Set.of()), true);
                List<String> read = new ExtensionReader().read(full).stream().map(ExtensionReaderIT::shown).toList();
                assertEquals(List.of(
                        "plpgsql pg_catalog PL/pgSQL procedural language " + ACL.bits(),
                        "hstore Odd \"S\" x kv " + Components.ALL.bits(),
                        "p4j_conf ext pgdump4j test extension with configuration tables " + Components.ALL.bits()),
                        read);
                // members: only their privileges (not their security labels or policies, as pg_dump 18)
                assertEquals(ACL, full.memberComponents(hstore));
                assertEquals(ACL, full.memberComponents(oid(db, "SELECT oid FROM pg_extension WHERE extname = 'plpgsql'")));
                assertEquals(ACL_DATA, full.relationComponents(confAll, ext));
                assertEquals(ACL_DATA, full.relationComponents(confUser, ext));
                assertEquals(ACL_DATA, full.relationComponents(confSeq, ext));
                assertEquals(ACL, full.relationComponents(member, ext));
                assertEquals(ACL, full.relationComponents(view, ext));
                assertNull(full.relationComponents(oid(db, "SELECT 'pg_catalog.pg_class'::regclass::oid"), 11));
                assertEquals("WHERE is_user", full.configTable(confUser).condition());

                // -n ext: the extension is not dumped, but its configuration tables' rows are, with the schema
                ReadContext n = new ReadContext(jdbc, f, new Selector.Selection(Set.of(ext),
                        Set.of(confAll, confUser, confSeq, member, view)), false);
                assertEquals(Components.NONE, n.extensionContains(conf));
                assertEquals(DATA, n.relationComponents(confAll, ext));
                assertEquals(Components.NONE, n.relationComponents(member, ext));
                // -t ext.conf_all: that table's rows only
                ReadContext t = new ReadContext(jdbc, f, new Selector.Selection(Set.of(), Set.of(confAll)), false);
                assertEquals(DATA, t.relationComponents(confAll, ext));
                assertEquals(Components.NONE, t.relationComponents(confUser, ext));
                // -e hstore: p4j_conf neither dumped nor its rows
                ReadContext e = new ReadContext(jdbc, f, new Selector.Selection(Set.of(ext), Set.of(), Set.of(),
                        Set.of(), Set.of(hstore), Set.of()), false);
                assertEquals(Components.ALL, e.extensionContains(hstore));
                assertEquals(Components.NONE, e.extensionContains(conf));
                assertEquals(Components.NONE, e.relationComponents(confAll, ext));
                // --exclude-extension p4j_conf; -T ext.conf_user; -N ext
                ReadContext x = new ReadContext(jdbc, f, new Selector.Selection(Set.of(ext), Set.of(), Set.of(),
                        Set.of(confUser), null, Set.of(conf)), true);
                assertEquals(Components.NONE, x.extensionContains(conf));
                assertEquals(Components.NONE, x.relationComponents(confAll, ext));
                ReadContext tt = new ReadContext(jdbc, f, new Selector.Selection(Set.of(ext), Set.of(), Set.of(),
                        Set.of(confUser), null, Set.of()), true);
                assertEquals(ACL_DATA, tt.relationComponents(confAll, ext));
                assertEquals(ACL, tt.relationComponents(confUser, ext));
                ReadContext nn = new ReadContext(jdbc, f, new Selector.Selection(Set.of(), Set.of(), Set.of(ext),
                        Set.of(), null, Set.of()), true);
                assertEquals(ACL, nn.relationComponents(confAll, ext));
            }
        }
    }

    private static String shown(Extension e) {
        return e.name() + " " + e.installSchema() + " " + e.comment() + " " + e.components().bits();
    }

    private static long oid(TestDb db, String sql) throws Exception {
        return Long.parseLong(db.queryString(sql));
    }
}
