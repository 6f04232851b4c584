package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.cli.InProcessCli;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * pg_dump -v in a script, against real pg_dump 18 (fixtures/table-data.sql on server 18): the same script but for
 * what the inventory row names as different (the dump ids of {@code -- TOC entry} and {@code -- Dependencies:}
 * lines, and the times), and the same per-entry progress lines on stderr.
 */
class VerboseCompatIT {
    @Test
    void sameScriptAndEntryLinesAsPgDump18(@TempDir Path dir) throws Exception {
        try (TestDb db = PgServers.freshDb(18, "verbose")) {
            db.execute(Fixtures.text("roles.sql"));
            db.execute(CompletenessGuardIT.forServer(Fixtures.text("table-data.sql"), 18));
            List<String> args = List.of("-v", "--restrict-key=K", db.name());
            var theirs = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), args, db.libpqEnvironment())
                    .requireSuccess();
            Path out = dir.resolve("ours.sql");
            var ours = InProcessCli.run(db.libpqEnvironment(), "dump", "-v", "--restrict-key=K", "-f", out.toString(),
                    db.name());
            assertEquals(0, ours.exitCode(), ours.stderr());
            String script = theirs.stdoutText();
            assertTrue(script.contains("-- Started on ") && script.contains("-- Completed on ")
                    && script.contains("-- TOC entry ") && script.contains("-- Dependencies: "), script);
            assertEquals(comparable(script), comparable(Files.readString(out, StandardCharsets.UTF_8)));
            assertEquals(entryLines(theirs.stderr()), entryLines(ours.stderr()));
            assertFalse(entryLines(ours.stderr()).isEmpty(), ours.stderr());
        }
    }

    /** The script without dump ids, dependency lists and times. */
    private static String comparable(String script) {
        return PlainDumpCompatIT.withoutVersion(script)
                .replaceAll("(?m)^-- TOC entry \\d+ ", "-- TOC entry N ")
                .replaceAll("(?m)^-- Dependencies: .*\\n", "")
                .replaceAll("(?m)^-- (Started|Completed) on .*$", "-- $1 on T");
    }

    /** pg_dump's lines for each entry it writes, in order. */
    private static String entryLines(String stderr) {
        return stderr.lines().filter(l -> l.startsWith("pg_dump: creating ")
                        || l.startsWith("pg_dump: processing data for table ")
                        || l.startsWith("pg_dump: dumping contents of table "))
                .collect(Collectors.joining("\n"));
    }
}
