package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void noCommand() {
        Cli.Run run = Cli.run();
        assertEquals(1, run.exitCode());
        assertEquals(List.of("pgdump4j: error: no command given",
                "pgdump4j: hint: Try \"pgdump4j --help\" for more information."), run.errLines());
    }

    @Test
    void unknownCommand() {
        Cli.Run run = Cli.run("pg_dump", "-s");
        assertEquals(1, run.exitCode());
        assertEquals("pgdump4j: error: unrecognized command \"pg_dump\"", run.errLines().get(0));
    }

    @Test
    void helpListsTheCommands() {
        Cli.Run run = Cli.run("--help");
        assertEquals(0, run.exitCode());
        for (String command : List.of("dump", "restore", "dumpall", "demo")) {
            assertTrue(run.out().contains("pgdump4j " + command), command);
        }
    }

    @Test
    void version() {
        Cli.Run run = Cli.run("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("pgdump4j [0-9][^\\s]*\n"), run.out());
    }

    @Test
    void ownOptionsMayClusterAndAWordAfterThemMustBeACommand() {
        assertEquals(Cli.run("--version").out(), Cli.run("-?V").out());
        Cli.Run run = Cli.run("-V", "--foo");
        assertEquals(1, run.exitCode());
        assertEquals(List.of("pgdump4j: error: unrecognized command \"--foo\"",
                "pgdump4j: hint: Try \"pgdump4j --help\" for more information."), run.errLines());
    }

    @Test
    void aCommandAfterOwnOptionsRunsAsIfAlone() {
        assertEquals(Cli.run("dump", "--version").out(), Cli.run("--help", "dump", "--version").out());
        assertTrue(Cli.run("dump", "--version").out().startsWith("pg_dump (PostgreSQL) "));
    }

    @Test
    void demoTakesNoArguments() {
        Cli.Run run = Cli.run("demo", "--help");
        assertEquals(1, run.exitCode());
        assertEquals(List.of("demo: error: unrecognized command \"--help\"",
                "demo: hint: Try \"demo --help\" for more information."), run.errLines());
    }
}
