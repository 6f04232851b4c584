package org.pgdump4j.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pgdump4j.RestoreException;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.verify.TableChecksums;

/**
 * Restores a real pg_dump archive into a real server ({@code -d} mode) and compares the result with real pg_restore
 * 18's restore of the same archive: per-table row checksums, large objects, and the number of ignored errors when
 * restoring over existing objects. Without {@code PG_REFERENCE_BIN_18} the comparisons are skipped, in CI they fail
 * ({@link ReferenceClients#require(int, String)}).
 */
class RestoreDatabaseIT {
    private static final String ARCHIVE = "pg17_custom_none.dump";

    static void roles(TestDb db) throws SQLException {
        db.execute("DO $$BEGIN CREATE ROLE fx_owner; EXCEPTION WHEN duplicate_object THEN NULL; END$$;"
                + "DO $$BEGIN CREATE ROLE fx_reader; EXCEPTION WHEN duplicate_object THEN NULL; END$$;");
    }

    static ConnectionSource source(TestDb db) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return open(db.name());
            }

            @Override
            public Connection open(String dbname) {
                try {
                    return db.server().connect(dbname);
                } catch (SQLException e) {
                    throw new org.pgdump4j.ConnectionException("could not connect to \"" + dbname + "\"", e);
                }
            }

            @Override
            public String dbname() {
                return db.name();
            }

            @Override
            public String clientEncoding() {
                return null;
            }
        };
    }

    static final class Collecting implements RestoreListener {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void error(String message) {
            errors.add(message);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    }

    static PgRestore.RestoreResult ours(TestDb db, RestoreOptions opts, ProgressListener l) throws Exception {
        try (FixtureCustomReader r = new FixtureCustomReader(RestoreFixtureTest.dir().resolve(ARCHIVE),
                RestoreFixtureTest.UTC)) {
            return PgRestore.run(r, opts, PgRestore.Target.database(source(db)), l);
        }
    }

    static Map<String, String> state(TestDb db) throws SQLException {
        Map<String, String> m = new TreeMap<>(TableChecksums.of(db.connect()));
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT m.oid, pg_catalog.pg_get_userbyid(m.lomowner),"
                     + " pg_catalog.md5(pg_catalog.lo_get(m.oid)), m.lomacl::text,"
                     + " pg_catalog.obj_description(m.oid, 'pg_largeobject')"
                     + " FROM pg_catalog.pg_largeobject_metadata m ORDER BY 1")) {
            while (rs.next()) {
                m.put("lo " + rs.getLong(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5));
            }
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT c.relname, pg_catalog.pg_get_userbyid(c.relowner), c.relacl::text,"
                     + " c.relkind, pg_catalog.obj_description(c.oid, 'pg_class') FROM pg_catalog.pg_class c"
                     + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname IN ('shop', 'public') ORDER BY 1")) {
            while (rs.next()) {
                m.put("rel " + rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5));
            }
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sequencename, last_value FROM pg_catalog.pg_sequences")) {
            while (rs.next()) {
                m.put("seq " + rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    static int realRestore(TestDb db, String... extra) {
        Path pgRestore = ReferenceClients.require(18, "pg_restore");
        List<String> args = new ArrayList<>(List.of("-d", db.name()));
        args.addAll(List.of(extra));
        args.add(RestoreFixtureTest.dir().resolve(ARCHIVE).toString());
        ReferenceClients.Result r = ReferenceClients.run(pgRestore, args, db.libpqEnvironment());
        Matcher m = Pattern.compile("errors ignored on restore: (\\d+)").matcher(r.stderr());
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        r.requireSuccess();
        return 0;
    }

    @Test
    void restoresLikePgRestore18() throws Exception {
        try (TestDb ref = PgServers.freshDb(18, "restore_ref"); TestDb db = PgServers.freshDb(18, "restore_ours")) {
            roles(db);
            Collecting l = new Collecting();
            PgRestore.RestoreResult res = ours(db, RestoreOptions.DEFAULTS, l);
            assertEquals(List.of(), l.errors);
            assertEquals(0, res.errorsIgnored());
            Map<String, String> ours = state(db);
            assertTrue(ours.keySet().stream().anyMatch(k -> k.startsWith("lo ")), ours::toString);
            assertEquals("4:", ours.get("shop.customer").substring(0, 2), ours::toString);
            assertEquals(0, realRestore(ref));
            assertEquals(state(ref), ours);
        }
    }

    @Test
    void countsIgnoredErrorsLikePgRestore18() throws Exception {
        try (TestDb ref = PgServers.freshDb(18, "restore_ref2"); TestDb db = PgServers.freshDb(18, "restore_ours2")) {
            roles(db);
            ours(db, RestoreOptions.DEFAULTS, ProgressListener.NONE);
            Collecting l = new Collecting();
            PgRestore.RestoreResult again = ours(db, RestoreOptions.DEFAULTS, l);
            assertTrue(again.errorsIgnored() > 0);
            assertEquals(again.errorsIgnored(), l.errors.size());
            assertEquals(List.of("errors ignored on restore: " + again.errorsIgnored()), l.warnings);
            assertEquals(0, realRestore(ref));
            assertEquals(realRestore(ref), again.errorsIgnored(), String.join("\n", l.errors));
        }
    }

    @Test
    void exitOnErrorStopsAtTheFirstFailure() throws Exception {
        try (TestDb db = PgServers.freshDb(18, "restore_e")) {
            roles(db);
            ours(db, RestoreOptions.DEFAULTS, ProgressListener.NONE);
            RestoreException e = assertThrows(RestoreException.class,
                    () -> ours(db, RestoreOptions.builder().exitOnError(true).build(), ProgressListener.NONE));
            assertTrue(e.getMessage().startsWith("could not execute query: ERROR:  schema \"shop\" already exists"),
                    e.getMessage());
        }
    }

    @Test
    void singleTransactionRollsBackEverything() throws Exception {
        try (TestDb db = PgServers.freshDb(18, "restore_1")) {
            roles(db);
            db.execute("CREATE TABLE public.\"odd\nname\" (x int)");
            assertThrows(RestoreException.class,
                    () -> ours(db, RestoreOptions.builder().singleTransaction(true).build(), ProgressListener.NONE));
            assertEquals(null, db.queryString("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = 'shop'"));
        }
    }

    @Test
    void cleanRestoreOverExistingObjectsHasNoErrors() throws Exception {
        try (TestDb db = PgServers.freshDb(18, "restore_c")) {
            roles(db);
            ours(db, RestoreOptions.DEFAULTS, ProgressListener.NONE);
            Map<String, String> first = state(db);
            Collecting l = new Collecting();
            PgRestore.RestoreResult res = ours(db, RestoreOptions.builder().clean(true).ifExists(true).build(), l);
            assertEquals(List.of(), l.errors);
            assertEquals(0, res.errorsIgnored());
            assertEquals(first, state(db));
        }
    }
}
