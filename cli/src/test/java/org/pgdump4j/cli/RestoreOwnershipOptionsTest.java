package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.restore.RestoreOptions;

/** pg_restore's --use-set-session-authorization and --no-data-for-failed-tables reach the restore's options. */
class RestoreOwnershipOptionsTest {
    private static RestoreOptions options(String... args) {
        List<String> all = new ArrayList<>(List.of("restore"));
        all.addAll(List.of(args));
        return Cli.parse(RestoreCommand.class, all.toArray(String[]::new)).request().options();
    }

    @Test
    void offUnlessGiven() {
        RestoreOptions o = options("-d", "db", "x.dump");
        assertFalse(o.output().useSetSessionAuthorization());
        assertFalse(o.execution().noDataForFailedTables());
    }

    @Test
    void given() {
        RestoreOptions o = options("--use-set-session-authorization", "--no-data-for-failed-tables", "-d", "db",
                "x.dump");
        assertTrue(o.output().useSetSessionAuthorization());
        assertTrue(o.execution().noDataForFailedTables());
    }

    @Test
    void pgDumpsScriptTakesSetSessionAuthorization() {
        assertTrue(Cli.parse(DumpCommand.class, "dump", "--use-set-session-authorization").request().options()
                .render().useSetSessionAuthorization());
    }
}
