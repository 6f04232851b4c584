package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.pgdump4j.dump.DataOptions;
import org.pgdump4j.dump.inserts.InsertMode;
import org.pgdump4j.restore.RestoreOptions;

/** pg_dump's INSERT options, --disable-triggers and -S on both command lines, as pg_dump 18 reads them. */
class InsertOptionsTest {
    private static DataOptions data(String... args) {
        List<String> all = new ArrayList<>(List.of("dump"));
        all.addAll(List.of(args));
        return Cli.parse(DumpCommand.class, all.toArray(String[]::new)).request().options().data();
    }

    @Test
    void copyUnlessAnInsertOptionIsGiven() {
        assertEquals(DataOptions.COPY, data());
        assertEquals(new InsertMode(1, false, false), data("--inserts").inserts());
        assertEquals(new InsertMode(1, true, false), data("--column-inserts").inserts());
        assertEquals(new InsertMode(1, true, false), data("--attribute-inserts").inserts());
        assertEquals(new InsertMode(1, false, true), data("--inserts", "--on-conflict-do-nothing").inserts());
    }

    @Test
    void rowsPerInsertImpliesInsertsWhateverTheOrder() {
        assertEquals(new InsertMode(5, false, false), data("--rows-per-insert=5").inserts());
        assertEquals(new InsertMode(5, false, false), data("--rows-per-insert=5", "--inserts").inserts());
        assertEquals(new InsertMode(5, false, false), data("--inserts", "--rows-per-insert", "5").inserts());
        assertEquals(new InsertMode(7, true, true), data("--rows-per-insert=5", "--column-inserts",
                "--rows-per-insert= 7", "--on-conflict-do-nothing").inserts());
    }

    @Test
    void triggersAndSuperuser() {
        DataOptions d = data("-a", "--disable-triggers", "-S", "admin");
        assertNull(d.inserts());
        assertTrue(d.disableTriggers());
        assertEquals("admin", d.superuser());
        RestoreOptions r = Cli.parse(RestoreCommand.class, "restore", "-a", "--disable-triggers", "--superuser=su",
                "-f", "-", "x.dump").request().options();
        assertTrue(r.output().disableTriggers());
        assertEquals("su", r.output().superuser());
        assertFalse(Cli.parse(RestoreCommand.class, "restore", "-f", "-", "x.dump").request().options().output()
                .disableTriggers());
    }

    /** option_parse_int's words, before the checks that follow the option loop. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--rows-per-insert=0|--rows-per-insert must be in range 1..2147483647",
        "--rows-per-insert=2147483648|--rows-per-insert must be in range 1..2147483647",
        "--rows-per-insert=1x|invalid value \"1x\" for option --rows-per-insert",
        "--on-conflict-do-nothing|option --on-conflict-do-nothing requires option --inserts, --rows-per-insert, or"
                + " --column-inserts"})
    void errors(String arg, String message) {
        Cli.Run run = Cli.run("dump", arg, "-f", "x.sql");
        assertEquals(1, run.exitCode());
        assertEquals("pg_dump: error: " + message + "\n", run.err());
    }
}
