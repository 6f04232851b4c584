package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * A view grouped by a table's primary key needs that post-data constraint: pg_dump repairs the loop by writing
 * the view's rule separately (a RULE entry). Until that repair exists here the dump is refused, naming the loop,
 * instead of writing the view where it cannot be restored.
 */
@ExtendWith(PgExtension.class)
class DependencyLoopIT {
    @Test
    void viewOnPrimaryKeyIsRefusedNamingTheLoop(TestDb db, @TempDir Path dir) throws Exception {
        db.execute("CREATE TABLE t (id integer PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'a');"
                + "CREATE VIEW vv AS SELECT id, v FROM t GROUP BY id");
        String listing = ReferenceClients.run(ReferenceClients.require(18, "pg_dump"), List.of("-s", db.name()),
                db.libpqEnvironment()).requireSuccess().stdoutText();
        assertTrue(listing.contains("Type: RULE"), "pg_dump 18 no longer splits the view: " + listing);
        for (String contentOption : List.of("-s", "-Fc")) {
            Path out = dir.resolve("out" + contentOption);
            var r = CliProcess.run(db.libpqEnvironment(), "dump", contentOption, "-f", out.toString());
            assertEquals(1, r.exitCode(), r.stderr());
            assertTrue(r.stderr().contains("pg_dump: error: could not resolve dependency loop among these items: "
                    + "PRE-DATA BOUNDARY, POST-DATA BOUNDARY, CONSTRAINT public.t_pkey, TABLE public.vv"), r.stderr());
            assertFalse(Files.exists(out));
        }
    }
}
