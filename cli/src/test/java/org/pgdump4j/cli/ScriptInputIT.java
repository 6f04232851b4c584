package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * {@code restore -d} of a file that is neither an archive nor a pg_dump plain script is refused with exactly what
 * real pg_restore 18 prints, and runs nothing; {@code -F p} runs it deliberately; a plain dump runs.
 */
class ScriptInputIT {
    private static final String PWNED = "CREATE TABLE pwned();\n";

    @TempDir
    Path dir;

    private static Cli.Run ours(TestDb db, byte[] stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("restore", "-d", db.name()));
        all.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(db.libpqEnvironment());
        env.remove("PGDATABASE");
        return Cli.run(Cli.context(env, new ByteArrayInputStream(stdin)), all.toArray(String[]::new));
    }

    private static ReferenceClients.Result real(TestDb db, byte[] stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("-d", db.name()));
        all.addAll(List.of(args));
        return ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), all, db.libpqEnvironment(), stdin,
                ReferenceClients.DEFAULT_TIMEOUT);
    }

    private static String pwned(TestDb db) throws SQLException {
        return db.queryString("select count(*) from pg_class where relname = 'pwned'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "empty", "short", "long text"})
    void aFileThatIsNoArchiveNorDumpIsRefusedAsByPgRestore18AndNothingRuns(String kind) throws Exception {
        byte[] content = switch (kind) {
            case "text" -> PWNED.getBytes(StandardCharsets.UTF_8);
            case "empty" -> new byte[0];
            case "short" -> "CRE".getBytes(StandardCharsets.UTF_8);
            default -> (PWNED + "-- notes\n".repeat(80)).getBytes(StandardCharsets.UTF_8);
        };
        Path notes = Files.write(dir.resolve("notes.txt"), content);
        try (TestDb db = PgServers.freshDb(18)) {
            for (boolean stdin : new boolean[] {false, true}) {
                String[] args = stdin ? new String[0] : new String[] {notes.toString()};
                byte[] input = stdin ? content : new byte[0];
                ReferenceClients.Result reference = real(db, input, args);
                Cli.Run run = ours(db, input, args);
                assertEquals(1, reference.exitCode(), reference.stderr());
                assertEquals(reference.stderr(), run.err(), kind + (stdin ? " on stdin" : ""));
                assertEquals(1, run.exitCode(), run.err());
                assertEquals("0", pwned(db), "nothing ran");
            }
        }
    }

    @Test
    void withFormatPlainAnyScriptRuns() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), PWNED);
        try (TestDb db = PgServers.freshDb(18)) {
            Cli.Run run = ours(db, new byte[0], "-F", "p", notes.toString());
            assertEquals("", run.err());
            assertEquals(0, run.exitCode());
            assertEquals("1", pwned(db));
        }
    }

    @Test
    void plainDumpsRunWithoutFormatPlainAlsoWithAByteOrderMark() throws Exception {
        try (TestDb source = PgServers.freshDb(18); TestDb target = PgServers.freshDb(18);
             TestDb marked = PgServers.freshDb(18)) {
            source.execute("CREATE TABLE kept (id int PRIMARY KEY, v text); INSERT INTO kept VALUES (1, 'één')");
            Path dump = dir.resolve("dump.sql");
            ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-f", dump.toString(),
                    source.name()), source.libpqEnvironment()).requireSuccess();
            Cli.Run run = ours(target, new byte[0], dump.toString());
            assertEquals("", run.err());
            assertEquals(0, run.exitCode());
            assertEquals("één", target.queryString("select v from kept"));

            byte[] bytes = Files.readAllBytes(dump);
            byte[] withMark = new byte[bytes.length + 3];
            withMark[0] = (byte) 0xEF;
            withMark[1] = (byte) 0xBB;
            withMark[2] = (byte) 0xBF;
            System.arraycopy(bytes, 0, withMark, 3, bytes.length);
            Cli.Run fromStdin = ours(marked, withMark);
            assertEquals("", fromStdin.err());
            assertEquals(0, fromStdin.exitCode());
            assertEquals("één", marked.queryString("select v from kept"));
        }
    }
}
