package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.archive.codec.ArchiveIO;
import org.pgdump4j.archive.codec.HeaderCodec;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.TocEntry;

/**
 * {@code restore -d} whose session dies (pg_terminate_backend, DROP DATABASE ... WITH (FORCE)) on a real server:
 * one error, exit 1, as pg_restore 18 when it happens during COPY; not one error per entry left.
 */
class LostConnectionIT {
    private static final int SMALL_TABLES = 60;

    @TempDir
    static Path dir;
    private static Path archive;

    /** A big table (its COPY takes a while) followed by many small ones, dumped by us. */
    @BeforeAll
    static void dumpSource() throws Exception {
        try (TestDb source = PgServers.freshDb(18, "lost_source")) {
            StringBuilder sql = new StringBuilder("CREATE TABLE big AS SELECT g AS id, repeat('x', 60) AS t"
                    + " FROM generate_series(1, 1500000) g;");
            for (int i = 0; i < SMALL_TABLES; i++) {
                sql.append("CREATE TABLE small").append(i).append(" (id int PRIMARY KEY); INSERT INTO small")
                        .append(i).append(" VALUES (1);");
            }
            source.execute(sql.toString());
            archive = dir.resolve("source.dump");
            Cli.Run dump = Cli.run(Cli.context(source.libpqEnvironment(), new ByteArrayInputStream(new byte[0])),
                    "dump", "-Fc", "-Z0", "-f", archive.toString());
            assertEquals(0, dump.exitCode(), dump.err());
        }
    }

    private static CompletableFuture<Cli.Run> restoreInBackground(TestDb target, Path file) {
        Map<String, String> env = new HashMap<>(target.libpqEnvironment());
        env.remove("PGDATABASE");
        return CompletableFuture.supplyAsync(() -> Cli.run(Cli.context(env, new ByteArrayInputStream(new byte[0])),
                "restore", "-d", target.name(), "-O", "-x", file.toString()));
    }

    /** Waits until the restore's session is copying the big table, then runs {@code kill} from another session. */
    private static void whileCopying(TestDb target, String kill) throws Exception {
        try (Connection admin = target.server().connect("postgres");
                PreparedStatement copying = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = ? AND query LIKE 'COPY public.big %'")) {
            copying.setString(1, target.name());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try (ResultSet rs = copying.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        break;
                    }
                }
                assertTrue(System.nanoTime() < deadline, "the restore never started copying table big");
                Thread.sleep(10);
            }
            admin.createStatement().execute(kill);
        }
    }

    private static void oneErrorAndExitOne(Cli.Run run, String expected) {
        assertEquals(1, run.exitCode(), run.err());
        List<String> errors = run.errLines().stream().filter(l -> l.startsWith("pg_restore: error: ")).toList();
        assertEquals(1, errors.size(), run.err());
        assertTrue(errors.get(0).startsWith("pg_restore: error: " + expected), run.err());
        assertFalse(run.err().contains("errors ignored on restore"), run.err());
    }

    @Test
    void backendTerminatedDuringCopy() throws Exception {
        try (TestDb target = PgServers.freshDb(18, "lost_terminated")) {
            CompletableFuture<Cli.Run> restore = restoreInBackground(target, archive);
            whileCopying(target, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                    + Sql.literal(target.name()) + " AND query LIKE 'COPY%'");
            oneErrorAndExitOne(restore.get(2, TimeUnit.MINUTES), "error returned by PQputCopyData: ");
        }
    }

    @Test
    void databaseDroppedDuringCopy() throws Exception {
        try (TestDb target = PgServers.freshDb(18, "lost_dropped")) {
            CompletableFuture<Cli.Run> restore = restoreInBackground(target, archive);
            whileCopying(target, "DROP DATABASE " + Sql.ident(target.name()) + " WITH (FORCE)");
            oneErrorAndExitOne(restore.get(2, TimeUnit.MINUTES), "error returned by PQputCopyData: ");
        }
    }

    /**
     * An entry that ends its own session, then many more: pg_restore 18 goes on with "no connection to the server"
     * for each of them; we stop at the first (see README, Decisions).
     */
    @Test
    void sessionEndedByAStatement() throws Exception {
        Path file = dir.resolve("suicide.dump");
        ArchiveHeader header = new ArchiveHeader(ArchiveVersion.V1_16, ArchiveIO.INT_SIZE, ArchiveIO.OFF_SIZE,
                HeaderCodec.FORMAT_CUSTOM, Compression.NONE,
                new ArchiveInfo("src", "18.1", "18.1", ZonedDateTime.parse("2026-12-01T10:00:00Z[UTC]")));
        List<TocEntry> entries = new ArrayList<>();
        entries.add(table(1, "first"));
        entries.add(new TocEntry(2, new CatalogId(0, 0), "COMMENT", Section.NONE,
                new TocEntry.EntryNames("TABLE first", "public", null, null, null),
                new TocEntry.EntrySql("SELECT pg_catalog.pg_terminate_backend(pg_catalog.pg_backend_pid());\n", "",
                        null), List.of(1), false));
        for (int i = 0; i < 50; i++) {
            entries.add(table(3 + i, "later" + i));
        }
        CustomArchiveParts.write(file, header, entries.size(), entries::iterator, (e, body) -> {
            throw new IllegalStateException("no data");
        });
        try (TestDb target = PgServers.freshDb(18, "lost_statement")) {
            Cli.Run run = restoreInBackground(target, file).get(2, TimeUnit.MINUTES);
            oneErrorAndExitOne(run, "could not execute query: FATAL:  terminating connection due to administrator"
                    + " command");
        }
    }

    private static TocEntry table(int dumpId, String name) {
        return new TocEntry(dumpId, new CatalogId(1259, 30_000 + dumpId), "TABLE", Section.PRE_DATA,
                new TocEntry.EntryNames(name, "public", null, "", "heap"),
                new TocEntry.EntrySql("CREATE TABLE public." + name + " (id integer);\n",
                        "DROP TABLE public." + name + ";\n", null), List.of(), false);
    }
}
