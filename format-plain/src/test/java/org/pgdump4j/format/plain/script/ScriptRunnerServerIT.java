package org.pgdump4j.format.plain.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pgdump4j.RestoreException;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

@ExtendWith(PgExtension.class)
class ScriptRunnerServerIT {
    private static final RunnerOptions STOP = new RunnerOptions(true, false);
    private static final RunnerOptions CONTINUE = new RunnerOptions(false, false);

    /** Collects what the runner reports. */
    static final class Recorder implements ProgressListener {
        final List<String> warnings = new ArrayList<>();
        final List<String> infos = new ArrayList<>();

        @Override
        public void warning(String message) {
            warnings.add(message);
        }

        @Override
        public void info(String message) {
            infos.add(message);
        }

        List<String> errors() {
            return warnings.stream().filter(w -> w.startsWith("error at ")).toList();
        }
    }

    private static ScriptRunner runner(TestDb db, RunnerOptions options, ProgressListener listener) {
        return new ScriptRunner(new ServerConnectionSource(db.jdbcUrl(), db.name(), db.server().superuser()),
                options, listener);
    }

    private static RunResult run(TestDb db, RunnerOptions options, ProgressListener listener, String script) {
        return runner(db, options, listener).run(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> column(TestDb db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    // ------------------------------------------------------------------------------------------------------------

    @Test
    void restoresThePg18PlainFixture(TestDb db) throws Exception {
        db.execute("DO $$ BEGIN CREATE ROLE fx_owner; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
                + "DO $$ BEGIN CREATE ROLE fx_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;");
        Recorder recorder = new Recorder();
        RunResult result;
        try (InputStream in = ScriptSplitterTest.fixture()) {
            result = runner(db, STOP, recorder).run(in);
        }
        assertEquals(new RunResult(81, 8, 0), result);
        assertEquals(List.of(), recorder.warnings);

        assertEquals("4", db.queryString("SELECT count(*) FROM shop.customer"));
        assertEquals("3", db.queryString("SELECT count(*) FROM shop.orders"));
        assertEquals("x", db.queryString("SELECT v FROM public.\"odd\nname\""));
        assertEquals("Chloé|back\\slash and \\. dot|\\xdeadbeef",
                db.queryString("SELECT name || '|' || note || '|' || photo::text FROM shop.customer WHERE id = 3"));
        assertEquals("tab\there, newline\nthere", db.queryString("SELECT note FROM shop.customer WHERE id = 2"));
        assertEquals(null, db.queryString("SELECT email FROM shop.customer WHERE id = 2"));
        assertEquals("{\"tags\": [\"a\", \"b\"]}", db.queryString("SELECT attrs FROM shop.orders WHERE order_id = 3"));
        assertEquals("1060", db.queryString("SELECT last_value FROM shop.invoice_no"));
        assertEquals("fx_owner", db.queryString("SELECT tableowner FROM pg_tables WHERE tablename = 'customer'"));
        assertEquals("t", db.queryString("SELECT has_table_privilege('fx_reader', 'shop.customer', 'SELECT')"));
        assertEquals("2", db.queryString("SELECT count(*) FROM shop.big_spenders"));   // REFRESH ran
        assertEquals("120.00", db.queryString("SELECT shop.add_tax(100)"));

        // large objects: four, with their data, owner, comment and ACL
        assertEquals(List.of("424242", "424243", "424244", "424245"),
                column(db, "SELECT oid::text FROM pg_largeobject_metadata ORDER BY oid"));
        assertEquals("hello, large object\n", db.queryString("SELECT convert_from(lo_get(424242), 'UTF8')"));
        assertEquals("\\x000102030405060708090a0b0c0d0e0f", db.queryString("SELECT lo_get(424243)::text"));
        assertEquals("0", db.queryString("SELECT length(lo_get(424245))"));
        assertEquals("fx_owner", db.queryString(
                "SELECT lomowner::regrole::text FROM pg_largeobject_metadata WHERE oid = 424244"));
        assertEquals("t", db.queryString("SELECT has_largeobject_privilege('fx_reader', 424242, 'SELECT')"));

        // comments
        assertEquals("customers; one row each", db.queryString("SELECT obj_description('shop.customer'::regclass)"));
        assertEquals("may be NULL", db.queryString("SELECT col_description('shop.customer'::regclass, 3)"));
        assertEquals("schema for the shop tables", db.queryString(
                "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'shop'"));
        assertEquals("adds VAT", db.queryString("SELECT obj_description('shop.add_tax'::regproc, 'pg_proc')"));
        assertEquals("greeting blob", db.queryString("SELECT obj_description(424242, 'pg_largeobject')"));
    }

    @Test
    void exitOnErrorStopsAtTheFirstErrorNamingItsLine(TestDb db) throws Exception {
        String script = "CREATE TABLE t (id int PRIMARY KEY);\n"
                + "INSERT INTO t VALUES (1);\n"
                + "\n"
                + "CREATE TABLE t (id int);\n"
                + "INSERT INTO t VALUES (2);\n";
        RestoreException e = assertThrows(RestoreException.class, () -> run(db, STOP, new Recorder(), script));
        assertEquals("error at line 4 of script: ERROR:  relation \"t\" already exists", e.getMessage());
        assertTrue(e.getCause() instanceof SQLException);
        assertEquals("1", db.queryString("SELECT count(*) FROM t"));
    }

    @Test
    void continueModeReportsAndCountsErrorsAndGoesOn(TestDb db) throws Exception {
        String script = "CREATE TABLE t (id int PRIMARY KEY);\n"
                + "INSERT INTO t VALUES (1);\n"
                + "INSERT INTO t VALUES (1);\n"
                + "SELECT no_such_function();\n"
                + "COMMIT;\n"
                + "INSERT INTO t\n  VALUES (2);\n"
                + "\\no_such_command\n"
                + "SELECT 1";
        Recorder recorder = new Recorder();
        RunResult result = run(db, CONTINUE, recorder, script);
        assertEquals(new RunResult(5, 0, 3), result);
        assertEquals(List.of(
                "error at line 3 of script: ERROR:  duplicate key value violates unique constraint \"t_pkey\"",
                "error at line 4 of script: ERROR:  function no_such_function() does not exist",
                "line 5 of script: WARNING:  there is no transaction in progress",
                "error at line 8 of script: unsupported meta-command \\no_such_command (pgdump4j runs SQL, "
                        + "\\connect, \\restrict/\\unrestrict, \\set, \\encoding, \\echo and \\q)"),
                recorder.warnings);
        assertEquals(List.of("1", "2"), column(db, "SELECT id FROM t ORDER BY id"));
    }

    @Test
    void failedCopyDataIsSkippedUpToItsTerminator(TestDb db) throws Exception {
        String script = "CREATE TABLE n (v int);\n"          // 1
                + "COPY n FROM stdin;\n"                       // 2
                + "1\n"                                        // 3
                + "x\n"                                        // 4: bad row
                + "3\n"                                        // 5
                + "\\.\n"                                      // 6
                + "COPY missing (v) FROM stdin;\n"             // 7: no such table
                + "DROP TABLE n;\n"                            // 8: data, not SQL
                + "\\.\n"                                      // 9
                + "INSERT INTO n VALUES (42);\n";              // 10
        Recorder recorder = new Recorder();
        RunResult result = run(db, CONTINUE, recorder, script);
        assertEquals(new RunResult(2, 0, 2), result);
        assertEquals(List.of("error at line 4 of script: ERROR:  invalid input syntax for type integer: \"x\"",
                "error at line 7 of script: ERROR:  relation \"missing\" does not exist"), recorder.warnings);
        assertEquals(List.of("42"), column(db, "SELECT v FROM n"));

        db.execute("DROP TABLE n");
        RestoreException e = assertThrows(RestoreException.class, () -> run(db, STOP, new Recorder(), script));
        assertEquals("error at line 4 of script: ERROR:  invalid input syntax for type integer: \"x\"",
                e.getMessage());
    }

    @Test
    void copyStreamsManyRowsAcrossChunks(TestDb db) throws Exception {
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        script.writeBytes("CREATE TABLE m (id int, t text);\nCOPY m (id, t) FROM stdin;\n"
                .getBytes(StandardCharsets.UTF_8));
        int rows = 200_000;
        for (int i = 0; i < rows; i++) {
            script.writeBytes((i + "\trow ünïcödé \\t " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        script.writeBytes("\\.\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8));
        RunResult result = runner(db, STOP, new Recorder()).run(new ByteArrayInputStream(script.toByteArray()));
        assertEquals(new RunResult(3, rows, 0), result);
        assertEquals(Integer.toString(rows), db.queryString("SELECT count(DISTINCT id) FROM m"));
        assertEquals("row ünïcödé \t 199999", db.queryString("SELECT t FROM m WHERE id = 199999"));
    }

    @Test
    void connectSwitchesDatabasesAndBack(TestDb db) throws Exception {
        try (TestDb second = PgServers.freshDb(db.major(), "second")) {
            String script = "CREATE TABLE here (x int);\n"
                    + "\\connect " + second.name() + "\n"
                    + "CREATE TABLE there (x int);\n"
                    + "COPY there FROM stdin;\n5\n\\.\n"
                    + "\\c -reuse-previous=on \"dbname='" + db.name() + "'\"\n"
                    + "CREATE TABLE back_here (x int);\n";
            Recorder recorder = new Recorder();
            assertEquals(new RunResult(4, 1, 0), run(db, STOP, recorder, script));
            assertEquals(List.of("back_here", "here"),
                    column(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
            assertEquals("5", second.queryString("SELECT x FROM there"));
            assertEquals(List.of("connected to database \"" + second.name() + "\"",
                    "connected to database \"" + db.name() + "\""), recorder.infos);
        }
    }

    @Test
    void connectToAMissingDatabaseEndsTheRunEvenWhenErrorsAreIgnored(TestDb db) {
        RestoreException e = assertThrows(RestoreException.class,
                () -> run(db, CONTINUE, new Recorder(), "SELECT 1;\n\\c no_such_db_here\nSELECT 2;\n"));
        assertTrue(e.getMessage().startsWith("error at line 2 of script: \\c: could not connect to database "
                + "\"no_such_db_here\": "), e.getMessage());
    }

    @Test
    void restrictedModeRefusesShellEscapes(TestDb db) throws Exception {
        String script = "\\restrict abc123\n"
                + "CREATE TABLE r (x int);\n"
                + "\\! touch /tmp/pgdump4j-should-not-exist\n"
                + "INSERT INTO r VALUES (1);\n"
                + "\\unrestrict abc123\n";
        RestoreException e = assertThrows(RestoreException.class, () -> run(db, STOP, new Recorder(), script));
        assertEquals("error at line 3 of script: backslash commands are restricted; only \\unrestrict is allowed",
                e.getMessage());
        assertEquals("0", db.queryString("SELECT count(*) FROM r"));

        db.execute("DROP TABLE r");
        Recorder recorder = new Recorder();
        String more = script + "\\restrict k2\n\\c " + db.name() + "\n\\unrestrict wrong\n\\unrestrict k2\n"
                + "\\unrestrict k2\n\\! ls\n";
        RunResult result = run(db, CONTINUE, recorder, more);
        assertEquals(new RunResult(2, 0, 5), result);
        assertEquals(List.of(
                "error at line 3 of script: backslash commands are restricted; only \\unrestrict is allowed",
                "error at line 7 of script: backslash commands are restricted; only \\unrestrict is allowed",
                "error at line 8 of script: \\unrestrict: wrong key",
                "error at line 10 of script: \\unrestrict: not currently in restricted mode",
                "error at line 11 of script: unsupported meta-command \\! (pgdump4j runs SQL, \\connect, "
                        + "\\restrict/\\unrestrict, \\set, \\encoding, \\echo and \\q)"), recorder.warnings);
        assertEquals("1", db.queryString("SELECT count(*) FROM r"));
    }

    @Test
    void onErrorStopCanBeSetByTheScript(TestDb db) throws Exception {
        String script = "SELECT bad1;\n\\set ON_ERROR_STOP on\nSELECT 1;\nSELECT bad2;\nSELECT 3;\n";
        Recorder recorder = new Recorder();
        RestoreException e = assertThrows(RestoreException.class, () -> run(db, CONTINUE, recorder, script));
        assertTrue(e.getMessage().startsWith("error at line 4 of script: ERROR:  column \"bad2\" does not exist"),
                e.getMessage());
        assertEquals(1, recorder.errors().size());
    }

    @Test
    void singleTransactionCommitsOnceAndRollsBackEverythingOnError(TestDb db) throws Exception {
        RunnerOptions single = new RunnerOptions(false, true);
        String good = "CREATE TABLE s (x int);\nBEGIN;\nINSERT INTO s VALUES (1);\nCOMMIT;\n"
                + "INSERT INTO s VALUES (txid_current());\nSELECT pg_catalog.lo_create(0) IS NULL;\n";
        assertEquals(new RunResult(4, 0, 0), run(db, single, new Recorder(), good));
        // the script's BEGIN/COMMIT were skipped: one transaction throughout
        assertEquals("2", db.queryString("SELECT count(*) FROM s"));

        String bad = "CREATE TABLE s2 (x int);\nINSERT INTO s2 VALUES (1);\nSELECT broken;\nINSERT INTO s2 VALUES (2);\n";
        RestoreException e = assertThrows(RestoreException.class, () -> run(db, single, new Recorder(), bad));
        assertTrue(e.getMessage().startsWith("error at line 3 of script: ERROR:  column \"broken\""), e.getMessage());
        assertEquals(null, db.queryString("SELECT to_regclass('s2')::text"));

        assertThrows(RestoreException.class, () -> run(db, single, new Recorder(), "SELECT 1;\n\\c " + db.name()));
    }

    @Test
    void clientEncodingChangesHowTheRestOfTheScriptIsDecoded(TestDb db) throws Exception {
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        script.writeBytes("CREATE TABLE e (v text);\nINSERT INTO e VALUES ('日本');\nSET client_encoding = 'LATIN1';\n"
                .getBytes(StandardCharsets.UTF_8));
        script.writeBytes("INSERT INTO e VALUES ('café');\nCOPY e FROM stdin;\nnaïve\n\\.\n\\encoding UTF8\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        script.writeBytes("INSERT INTO e VALUES ('ü');\n".getBytes(StandardCharsets.UTF_8));
        RunResult result = runner(db, STOP, new Recorder()).run(new ByteArrayInputStream(script.toByteArray()));
        assertEquals(new RunResult(6, 1, 0), result);
        assertEquals(List.of("café", "naïve", "ü", "日本"), column(db, "SELECT v FROM e ORDER BY v COLLATE \"C\""));

        RestoreException e = assertThrows(RestoreException.class,
                () -> run(db, STOP, new Recorder(), "SET client_encoding = 'MULE_INTERNAL';\n"));
        assertEquals("error at line 1 of script: unsupported client encoding \"MULE_INTERNAL\": the script cannot be "
                + "decoded in it", e.getMessage());
    }

    @Test
    void sqlStandardFunctionBodiesAndDollarQuotesRunWhole(TestDb db) throws Exception {
        String script = "CREATE FUNCTION twice(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  SELECT CASE WHEN a IS NULL THEN 0 ELSE a * 2 END;\nEND;\n"
                + "CREATE FUNCTION semi() RETURNS text LANGUAGE plpgsql AS $body$\nBEGIN\n  RETURN ';$$;';\nEND;\n"
                + "$body$;\n"
                + "SET standard_conforming_strings = off;\n"
                + "CREATE TABLE q AS SELECT 'it\\'s; \\\\ done' AS v;\n"
                + "SET standard_conforming_strings = on;\n"
                + "INSERT INTO q VALUES ('back\\slash');\n";
        assertEquals(new RunResult(6, 0, 0), run(db, STOP, new Recorder(), script));
        assertEquals("42", db.queryString("SELECT twice(21)"));
        assertEquals(";$$;", db.queryString("SELECT semi()"));
        assertEquals(List.of("back\\slash", "it's; \\ done"), column(db, "SELECT v FROM q ORDER BY v"));
    }

    @Test
    void aBigCopyBlockStreamsThroughTheRunnerInASmallHeap(TestDb db) throws Exception {
        BigCopyMemoryTest.ChildResult result = BigCopyMemoryTest.runChild(List.of("run",
                Long.toString(BigCopyMemoryTest.BLOCK_BYTES), db.jdbcUrl(), db.name()));
        assertEquals(BigCopyMemoryTest.BigScript.rows(BigCopyMemoryTest.BLOCK_BYTES), result.lines(), result.output());
        assertEquals(Long.toString(result.lines()), db.queryString("SELECT count(*) FROM big"));
        // about 10 MB whatever the block size (the same with 256 MB): PgJDBC, buffers, one line at a time
        assertTrue(result.peakUsedHeap() < BigCopyMemoryTest.BLOCK_BYTES / 4, result.output());
        System.out.printf("big COPY run: %,d rows, peak used heap %,d bytes (%s)%n", result.lines(),
                result.peakUsedHeap(), BigCopyMemoryTest.HEAP);
    }

    /** Child JVM side of {@link #aBigCopyBlockStreamsThroughTheRunnerInASmallHeap}. */
    static void runBig(long blockBytes, String jdbcUrl, String database, BigCopyMemoryTest.HeapSampler heap) {
        ProgressListener sampling = new ProgressListener() {
        };
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                heap.sample();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        RunResult result = new ScriptRunner(new ServerConnectionSource(jdbcUrl, database, "postgres"), STOP, sampling)
                .run(new BigCopyMemoryTest.BigScript(blockBytes));
        sampler.interrupt();
        heap.sample();
        System.out.printf("lines=%d bytes=%d peakUsedHeap=%d end=%s%n", result.copyRows(), blockBytes, heap.peak(),
                result.statements() == 3 ? "SELECT" : "statements" + result.statements());
    }
}
