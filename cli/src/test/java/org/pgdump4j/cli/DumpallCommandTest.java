package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DumpallCommandTest {
    private static final String HINT = "pg_dumpall: hint: Try \"pg_dumpall --help\" for more information.";

    @ParameterizedTest
    @ValueSource(strings = {"", "-g", "-v --exclude-database=x -l postgres --no-role-passwords", "-rt -f out.sql"})
    void everyRunIsNotSupportedYet(String args) {
        Cli.Run run = Cli.run(("dumpall " + args).trim().split(" "));
        assertEquals(1, run.exitCode());
        assertEquals(List.of("pg_dumpall: error: pg_dumpall is not supported yet"), run.errLines());
    }

    @Test
    void parsesAsPgDumpall() {
        assertEquals("pg_dumpall: error: too many command-line arguments (first is \"x\")\n" + HINT + "\n",
                Cli.run("dumpall", "x").err());
        assertEquals("pg_dumpall: unrecognized option '--help'\n" + HINT + "\n", Cli.run("dumpall", "-v", "--help").err());
        assertEquals("pg_dumpall: option '--r' is ambiguous; possibilities: '--roles-only' '--role'"
                + " '--rows-per-insert' '--restrict-key'\n" + HINT + "\n", Cli.run("dumpall", "--r").err());
        assertEquals("pg_dumpall: invalid option -- 'n'\n" + HINT + "\n", Cli.run("dumpall", "-n", "x").err());
    }

    @Test
    void helpAndVersion() {
        Cli.Run help = Cli.run("dumpall", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("pg_dumpall exports a PostgreSQL database cluster as an SQL script.\n"));
        assertTrue(help.out().endsWith("\npg_dumpall is not supported by pgdump4j yet: every command line but --help and"
                + "\n--version fails (exit 1).\n"), help.out());
        Cli.Run version = Cli.run("dumpall", "-V");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("pg_dumpall (PostgreSQL) 18."), version.out());
    }
}
