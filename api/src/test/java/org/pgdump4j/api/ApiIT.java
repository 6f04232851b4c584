package org.pgdump4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.RestoreException;
import org.pgdump4j.UsageException;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.testing.PgServers;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The public API against real servers (the matrix majors): a schema-only dump into a String from a HikariCP pool, a
 * custom archive through streams into a second database, the listing, and borrowed connections left as found.
 */
class ApiIT {
    private static final String FIXTURE = """
            CREATE SCHEMA app;
            CREATE TABLE app.item (id integer PRIMARY KEY, name text NOT NULL, price numeric(8,2));
            INSERT INTO app.item VALUES (1, 'tea', 3.50), (2, 'scone', 2.25);
            CREATE VIEW app.cheap AS SELECT id, name FROM app.item WHERE price < 3;
            COMMENT ON TABLE app.item IS 'what the shop sells';
            """;

    private static HikariDataSource pool(TestDb db) {
        return pool(db, 2);
    }

    private static HikariDataSource pool(TestDb db, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.server().superuser());
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(size);
        // the application's own session state, which a dump must give back
        c.setConnectionInitSql("SET search_path = app, public");
        return new HikariDataSource(c);
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void schemaOnlyIntoAStringFromAPoolThatGetsItsConnectionsBackUnchanged(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "api_pool"); HikariDataSource pool = pool(db)) {
            db.execute(FIXTURE);
            List<Map<String, String>> before = statesOfEvery(pool);
            List<String> verbose = new ArrayList<>();
            String ddl = PgDump4j.dump().from(pool).schemaOnly().verbose().listener(new Listener() {
                @Override
                public void info(String message) {
                    verbose.add(message);
                }
            }).toText();
            assertTrue(ddl.startsWith("--\n-- PostgreSQL database dump\n--\n"), ddl);
            assertTrue(ddl.contains("CREATE TABLE app.item ("), ddl);
            assertTrue(ddl.contains("CREATE VIEW app.cheap AS"), ddl);
            assertFalse(ddl.contains("COPY app.item"), ddl);
            assertTrue(verbose.contains("reading schemas"), verbose.toString());
            assertEquals(before, statesOfEvery(pool));
            try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM item")) { // the app's search_path works
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void customArchiveThroughStreamsIntoASecondDatabaseAndListed(int major) throws Exception {
        try (TestDb source = PgServers.freshDb(major, "api_src"); TestDb target = PgServers.freshDb(major, "api_dst");
             HikariDataSource pool = pool(source)) {
            source.execute(FIXTURE);
            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            PgDump4j.dump().from(pool).format(Format.CUSTOM).to(archive).run();

            ArchiveListing listing = PgDump4j.list(new ByteArrayInputStream(archive.toByteArray()));
            assertEquals(Format.CUSTOM, listing.format());
            assertEquals("CUSTOM", listing.format().toString());
            assertEquals(source.name(), listing.dbname());
            assertEquals("gzip", listing.compression());
            TocItem table = listing.entries().stream().filter(e -> e.kind().equals("TABLE")).findFirst().orElseThrow();
            assertEquals("app", table.schema());
            assertEquals("item", table.name());
            assertEquals(source.server().superuser(), table.owner());
            assertEquals(TocItem.Section.PRE_DATA, table.section());
            TocItem data = listing.entries().stream().filter(e -> e.kind().equals("TABLE DATA")).findFirst()
                    .orElseThrow();
            assertEquals(TocItem.Section.DATA, data.section());
            assertTrue(data.dependencies().contains(table.dumpId()), data.toString());

            Properties props = new Properties();
            props.setProperty("user", target.server().superuser());
            List<String> errors = new ArrayList<>();
            RestoreResult result = PgDump4j.restore().from(new ByteArrayInputStream(archive.toByteArray()))
                    .into(target.jdbcUrl(), props).listener(new Listener() {
                        @Override
                        public void error(String message) {
                            errors.add(message);
                        }
                    }).run();
            assertEquals(ignoredErrors(major), result.errorsIgnored());
            assertEquals(ignoredErrors(major), errors.size());
            if (major < 17) {
                assertEquals("could not execute query: ERROR:  unrecognized configuration parameter"
                        + " \"transaction_timeout\"\nCommand was: SET transaction_timeout = 0;", errors.get(0));
            }
            assertEquals("2", target.queryString("SELECT count(*) FROM app.item"));
            assertEquals("what the shop sells", target.queryString("SELECT obj_description('app.item'::regclass)"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void theCallersConnectionIsLeftAsFound(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "api_conn"); TestDb target = PgServers.freshDb(major, "api_conn2");
             Connection conn = db.connect(); Connection into = target.connect()) {
            db.execute(FIXTURE);
            for (Connection c : List.of(conn, into)) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET search_path = app, public");
                    st.execute("SET extra_float_digits = 1");
                    st.execute("SET statement_timeout = '5min'");
                    st.execute("SET application_name = 'caller'");
                }
                c.setAutoCommit(false);
                c.setReadOnly(false);
            }
            Map<String, String> before = state(conn);
            StringWriter script = new StringWriter();
            PgDump4j.dump().from(conn).to(script).run();
            assertTrue(script.toString().contains("COPY app.item (id, name, price) FROM stdin;"), script.toString());
            assertEquals(before, state(conn));

            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            PgDump4j.dump().from(conn).format(Format.TAR).to(archive).run();
            assertEquals(before, state(conn));
            Map<String, String> intoBefore = state(into);
            RestoreResult r = PgDump4j.restore().from(new ByteArrayInputStream(archive.toByteArray())).into(into)
                    .run();
            assertEquals(ignoredErrors(major), r.errorsIgnored());
            assertEquals(intoBefore, state(into));
            assertEquals("2", target.queryString("SELECT count(*) FROM app.item")); // committed, not rolled back

            // inside a transaction: refused, and the transaction is still the caller's
            try (Statement st = conn.createStatement()) {
                st.execute("SELECT 1");
            }
            UsageException e = assertThrows(UsageException.class,
                    () -> PgDump4j.dump().from(conn).to(new StringWriter()).run());
            assertEquals("the connection is inside a transaction: commit or roll it back before a dump or restore"
                    + " uses it", e.getMessage());
            assertEquals(TransactionState.OPEN, conn.unwrap(BaseConnection.class).getTransactionState());
            conn.rollback();
        }
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void badInputsGetTheToolsOneLineMessages(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "api_bad"); HikariDataSource pool = pool(db)) {
            db.execute(FIXTURE);
            String host = "host=" + db.server().host() + " port=" + db.server().port() + " user="
                    + db.server().superuser();
            ConnectionException missing = assertThrows(ConnectionException.class,
                    () -> PgDump4j.dump().from(host + " dbname=no_such_db").toText());
            assertTrue(missing.getMessage().endsWith("FATAL:  database \"no_such_db\" does not exist"),
                    missing.getMessage());
            assertFalse(missing.getMessage().contains("\n"), missing.getMessage());

            Path archive = dir.resolve("shop.dump");
            PgDump4j.dump().from(host + " dbname=" + db.name()).format(Format.CUSTOM).to(archive).run();
            assertEquals(Format.CUSTOM, PgDump4j.list(archive).format());
            UsageException create = assertThrows(UsageException.class,
                    () -> PgDump4j.restore().from(archive).into(pool).create().run());
            assertTrue(create.getMessage().startsWith("option -C/--create connects to the database it creates"),
                    create.getMessage());

            // a dump that fails half-way gives the pool's connections back as they came, too
            List<Map<String, String>> before = statesOfEvery(pool);
            PgDumpException noMatch = assertThrows(PgDumpException.class, () -> PgDump4j.dump().from(pool)
                    .table("no_such_table").strictNames().toText());
            assertEquals("no matching tables were found for pattern \"no_such_table\"", noMatch.getMessage());
            assertEquals(before, statesOfEvery(pool));

            PgDumpException unwritable = assertThrows(PgDumpException.class, () -> PgDump4j.dump().from(pool)
                    .to(dir.resolve("no/such/folder/x.sql")).run());
            assertEquals("could not open output file \"" + dir.resolve("no/such/folder/x.sql")
                    + "\": No such file or directory", unwritable.getMessage());
            assertFalse(Files.exists(dir.resolve("x.sql")));
        }
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void textOutputsInTheDumpsEncoding(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "api_text"); HikariDataSource pool = pool(db)) {
            db.execute(FIXTURE + "INSERT INTO app.item VALUES (3, 'café crème', 4);");
            StringWriter latin1 = new StringWriter();
            PgDump4j.dump().from(pool).encoding("LATIN1").to(latin1).run();
            assertTrue(latin1.toString().contains("SET client_encoding = 'LATIN1';\n"), latin1.toString());
            assertTrue(latin1.toString().contains("3\tcafé crème\t4.00\n"), latin1.toString());

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PgDump4j.dump().from(pool).encoding("LATIN1").to(bytes).run();
            assertEquals(withoutRestrictKeys(latin1.toString()),
                    withoutRestrictKeys(bytes.toString(StandardCharsets.ISO_8859_1)));

            Path file = dir.resolve("plain.sql");
            PgDump4j.dump().from(pool).to(file).run();
            String utf8 = PgDump4j.dump().from(pool).toText();
            assertEquals(withoutRestrictKeys(Files.readString(file)), withoutRestrictKeys(utf8));
            assertTrue(utf8.contains("3\tcafé crème\t4.00\n"), utf8);
        }
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void tarAndDirectoryArchivesAndARestoreIntoAPool(int major, @TempDir Path dir) throws Exception {
        try (TestDb source = PgServers.freshDb(major, "api_tar"); TestDb target = PgServers.freshDb(major, "api_tar2");
             HikariDataSource into = pool(target)) {
            source.execute(FIXTURE);
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            PgDump4j.dump().from(source.jdbcUrl() + "?user=" + source.server().superuser()).format(Format.TAR)
                    .to(tar).run();
            assertEquals(Format.TAR, PgDump4j.list(new ByteArrayInputStream(tar.toByteArray())).format());

            List<Map<String, String>> before = statesOfEvery(into);
            RestoreResult r = PgDump4j.restore().from(new ByteArrayInputStream(tar.toByteArray())).into(into).run();
            assertEquals(ignoredErrors(major), r.errorsIgnored());
            assertEquals(before, statesOfEvery(into)); // the archive's SETs (search_path, row_security...) undone
            assertEquals("2", target.queryString("SELECT count(*) FROM app.item"));

            Path folder = dir.resolve("shop.dir");
            PgDump4j.dump().from(source.jdbcUrl(), superuser(source)).format(Format.DIRECTORY).compress("lz4")
                    .to(folder).run();
            ArchiveListing listing = PgDump4j.list(folder);
            assertEquals(Format.DIRECTORY, listing.format());
            assertEquals("lz4", listing.compression());
            StringWriter script = new StringWriter();
            RestoreResult s = PgDump4j.restore().from(folder).toScript(script).table("item").run();
            assertEquals(0, s.errorsIgnored());
            assertTrue(script.toString().contains("CREATE TABLE app.item ("), script.toString());
            assertTrue(script.toString().contains("COPY app.item (id, name, price) FROM stdin;\n1\ttea\t3.50\n"),
                    script.toString());
            assertFalse(script.toString().contains("CREATE VIEW"), script.toString());
            StringWriter preData = new StringWriter();
            PgDump4j.restore().from(folder).toScript(preData).section("pre-data").noOwner().run();
            assertTrue(preData.toString().contains("CREATE VIEW app.cheap AS"), preData.toString());
            assertFalse(preData.toString().contains("COPY ") || preData.toString().contains("OWNER TO"),
                    preData.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void aPoolOfOneConnectionDumpsWithoutWaitingForItsTimeout(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "api_one")) {
            db.execute(FIXTURE);
            HikariConfig c = new HikariConfig();
            c.setJdbcUrl(db.jdbcUrl());
            c.setUsername(db.server().superuser());
            c.setMaximumPoolSize(1);
            c.setConnectionTimeout(120_000);
            try (HikariDataSource pool = new HikariDataSource(c)) {
                long start = System.nanoTime();
                String ddl = PgDump4j.dump().from(pool).schemaOnly().toText();
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertTrue(ddl.contains("CREATE TABLE app.item ("), ddl);
                // waiting for a second connection would take the pool's timeout (120 s): the dump went on alone
                assertTrue(seconds < 60, seconds + " s");
                try (Connection conn = pool.getConnection(); Statement st = conn.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM app.item")) {
                    rs.next();
                    assertEquals(2, rs.getInt(1));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.pgdump4j.testing.PgServers#matrixMajors")
    void parallelRestoreIntoAPoolFromAFileNotAStream(int major, @TempDir Path dir) throws Exception {
        try (TestDb source = PgServers.freshDb(major, "api_par"); TestDb target = PgServers.freshDb(major, "api_par2");
             HikariDataSource into = pool(target, 3)) {
            source.execute(FIXTURE + "CREATE TABLE app.other AS SELECT g AS n FROM generate_series(1, 1000) g;");
            Path file = dir.resolve("shop.dump");
            PgDump4j.dump().from(source.jdbcUrl(), superuser(source)).format(Format.CUSTOM).to(file).run();
            RestoreException fromStream = assertThrows(RestoreException.class, () -> PgDump4j.restore()
                    .from(Files.newInputStream(file)).into(into).jobs(2).run());
            assertEquals("parallel restore from standard input is not supported", fromStream.getMessage());

            List<Map<String, String>> before = statesOfEvery(into);
            RestoreResult r = PgDump4j.restore().from(file).into(into).jobs(2).run();
            if (major >= 17) {
                assertEquals(0, r.errorsIgnored());
            } else { // SET transaction_timeout fails on the leader's connection and on workers'
                assertTrue(r.errorsIgnored() >= 1, r.toString());
            }
            assertEquals(before, statesOfEvery(into));
            assertEquals("2", target.queryString("SELECT count(*) FROM app.item"));
            assertEquals("1000", target.queryString("SELECT count(*) FROM app.other"));
        }
    }

    /**
     * What pg_restore 18 into a server older than 17 counts, as this restore does: its unconditional
     * {@code SET transaction_timeout = 0} fails there.
     */
    private static int ignoredErrors(int major) {
        return major < 17 ? 1 : 0;
    }

    private static Properties superuser(TestDb db) {
        Properties p = new Properties();
        p.setProperty("user", db.server().superuser());
        return p;
    }

    /** pg_dump 18's restrict and unrestrict lines carry a key made anew for every dump. */
    private static String withoutRestrictKeys(String script) {
        return script.replaceAll("(?m)^\\\\(un)?restrict \\w+$", "\\\\$1restrict KEY");
    }

    /** Each pooled connection's state, all taken at once so that every connection of the pool is seen. */
    private static List<Map<String, String>> statesOfEvery(HikariDataSource pool) throws SQLException {
        List<Connection> all = new ArrayList<>();
        try {
            List<Map<String, String>> out = new ArrayList<>();
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                all.add(pool.getConnection());
                out.add(state(all.get(i)));
            }
            out.sort((x, y) -> x.get("pid").compareTo(y.get("pid")));
            return out;
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
    }

    /** What a session looks like: every setting, the role, the JDBC flags and the transaction state. */
    private static Map<String, String> state(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        out.put("autocommit", Boolean.toString(c.getAutoCommit()));
        out.put("readonly", Boolean.toString(c.isReadOnly()));
        out.put("transaction", c.unwrap(BaseConnection.class).getTransactionState().name());
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name, setting FROM pg_settings")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid(), current_user, session_user")) {
                rs.next();
                out.put("pid", String.format("%010d", rs.getInt(1)));
                out.put("current_user", rs.getString(2));
                out.put("session_user", rs.getString(3));
            }
        }
        if (!c.getAutoCommit()) {
            c.rollback(); // the reads above began a transaction: end it, as the state was read outside one
        }
        return out;
    }
}
