package org.pgdump4j.object.seclabel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.seclabel.SecurityLabel;
import org.pgdump4j.model.seclabel.SecurityLabels;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * Security labels read the same on every server 10..18: what pg_dump 18's query on pg_seclabels finds (a table's and
 * its columns', a schema's, a subscription's from pg_shseclabel), not a pg_seclabel row the view leaves out (an
 * extension's); the database's own from pg_shseclabel. No provider ships with the servers: the rows are written
 * into the catalogs (13+ needs allow_system_table_mods for that, settable at run time from 13 on).
 */
class SecurityLabelReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA "Lab S";
            CREATE TABLE "Lab S".t (a integer, b text);
            CREATE EXTENSION hstore SCHEMA "Lab S";
            CREATE SUBSCRIPTION lsub CONNECTION 'dbname=nowhere' PUBLICATION p WITH (connect = false, slot_name = NONE);
            --@ 13+ SET allow_system_table_mods = on;
            INSERT INTO pg_catalog.pg_seclabel VALUES
                ('"Lab S".t'::regclass, 'pg_class'::regclass, 2, 'p', 'column b'),
                ('"Lab S".t'::regclass, 'pg_class'::regclass, 0, 'p', 'table'),
                ('"Lab S"'::regnamespace, 'pg_namespace'::regclass, 0, 'My Prov', 'it''s'),
                ((SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'hstore'), 'pg_extension'::regclass, 0,
                    'p', 'not in pg_seclabels');
            INSERT INTO pg_catalog.pg_shseclabel SELECT s.oid, 'pg_subscription'::regclass, 'p', 'sub'
              FROM pg_catalog.pg_subscription s JOIN pg_catalog.pg_database d ON d.oid = s.subdbid
             WHERE s.subname = 'lsub' AND d.datname = pg_catalog.current_database();
            INSERT INTO pg_catalog.pg_shseclabel SELECT oid, 'pg_database'::regclass, 'p', 'db'
              FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database();
            --@ 13+ RESET allow_system_table_mods;
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsWhatPgDumpReads(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "labelread"); Connection c = db.connect()) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            try {
                Jdbc jdbc = new Jdbc(c);
                SecurityLabels labels = SecurityLabelReader.read(jdbc);
                ObjectId t = new ObjectId(ObjectId.PG_CLASS, oid(c, "SELECT '\"Lab S\".t'::regclass::oid"));
                assertEquals(List.of(new SecurityLabel(0, "p", "table"), new SecurityLabel(2, "p", "column b")),
                        labels.of(t));
                assertEquals(List.of(new SecurityLabel(0, "My Prov", "it's")), labels.of(new ObjectId(
                        ObjectId.PG_NAMESPACE, oid(c, "SELECT '\"Lab S\"'::regnamespace::oid"))));
                assertEquals(List.of(new SecurityLabel(0, "p", "sub")), labels.of(new ObjectId(
                        oid(c, "SELECT 'pg_catalog.pg_subscription'::regclass::oid"),
                        oid(c, "SELECT oid FROM pg_catalog.pg_subscription WHERE subname = 'lsub'"))));
                assertEquals(List.of(), labels.of(new ObjectId(
                        oid(c, "SELECT 'pg_catalog.pg_extension'::regclass::oid"),
                        oid(c, "SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'hstore'"))));
                long dbOid = oid(c, "SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()");
                assertEquals(List.of(new SecurityLabel(0, "p", "db")), SecurityLabelReader.database(jdbc, dbOid));
            } finally {
                db.execute("ALTER SUBSCRIPTION lsub DISABLE; DROP SUBSCRIPTION lsub");
            }
        }
    }

    private static long oid(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
