package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pg_dumpall's command line: its conflicts in its order and words, and what is refused before connecting. */
class DumpallCommandTest {
    private static final String HINT = "pg_dumpall: hint: Try \"pg_dumpall --help\" for more information.";

    @Test
    void parsesAsPgDumpall() {
        assertEquals("pg_dumpall: error: too many command-line arguments (first is \"x\")\n" + HINT + "\n",
                Cli.run("dumpall", "x").err());
        assertEquals("pg_dumpall: unrecognized option '--help'\n" + HINT + "\n", Cli.run("dumpall", "-v", "--help").err());
        assertEquals("pg_dumpall: option '--r' is ambiguous; possibilities: '--roles-only' '--role'"
                + " '--rows-per-insert' '--restrict-key'\n" + HINT + "\n", Cli.run("dumpall", "--r").err());
        assertEquals("pg_dumpall: invalid option -- 'n'\n" + HINT + "\n", Cli.run("dumpall", "-n", "x").err());
    }

    /** pg_dumpall 18.6's messages; the first conflict in its order wins. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-g --exclude-database=x -r | option --exclude-database cannot be used together with -g/--globals-only, "
                + "-r/--roles-only, or -t/--tablespaces-only | true",
        "-t --exclude-database=x | option --exclude-database cannot be used together with -g/--globals-only, "
                + "-r/--roles-only, or -t/--tablespaces-only | true",
        "-g -r | options -g/--globals-only and -r/--roles-only cannot be used together | true",
        "-t -g | options -g/--globals-only and -t/--tablespaces-only cannot be used together | true",
        "-r -t --if-exists | option --if-exists requires option -c/--clean | false",
        "-r -t | options -r/--roles-only and -t/--tablespaces-only cannot be used together | true",
        "--restrict-key=a-b | invalid restrict key | false"})
    void conflicts(String args, String message, boolean hint) {
        Cli.Run run = Cli.run(("dumpall " + args).split(" "));
        assertEquals(1, run.exitCode());
        List<String> expected = hint ? List.of("pg_dumpall: error: " + message, HINT)
                : List.of("pg_dumpall: error: " + message);
        assertEquals(expected, run.errLines());
    }

    /**
     * An option pg_dumpall passes to pg_dump is refused when our pg_dump refuses it, never dropped; with -g no
     * database is dumped, and pg_dumpall checks nothing of pg_dump's options then.
     */
    @Test
    void refusedBeforeConnecting() {
        Cli.Run forwarded = Cli.run("dumpall", "-h", "127.0.0.1", "-p", "1", "--binary-upgrade");
        assertEquals(List.of("pg_dumpall: error: option --binary-upgrade is not supported yet"),
                forwarded.errLines());
        Cli.Run upgrade = Cli.run("dumpall", "-g", "--binary-upgrade", "-h", "127.0.0.1", "-p", "1");
        assertEquals(List.of("pg_dumpall: error: option --binary-upgrade is not supported yet"), upgrade.errLines());
        // pg_dump's own conflict, found as pg_dump finds it when pg_dumpall runs it
        Cli.Run conflict = Cli.run("dumpall", "-a", "--statistics-only", "-h", "127.0.0.1", "-p", "1");
        assertEquals(List.of("pg_dumpall: error: options -a/--data-only and --statistics-only cannot be used together"),
                conflict.errLines());
    }

    /** --filter: exclude database rules join --exclude-database's patterns, in the order given. */
    @Test
    void filterExcludesDatabases(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules"), "# none of these\nEXCLUDE Database a*\n\n"
                + "exclude database \"B c\"\n", StandardCharsets.UTF_8);
        assertEquals(List.of("x", "a*", "\"B c\""), Cli.parse(DumpallCommand.class, "dumpall", "--exclude-database=x",
                "--filter", f.toString()).options().excludeDatabases());
    }

    /** pg_dumpall 18.6's messages: read while the options are, so before the arguments and conflicts are checked. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "include database a | x | invalid format in filter read from file \"FILE\" on line 2: include filter for "
                + "\"database\" is not allowed",
        "exclude table t | x | invalid format in filter read from file \"FILE\" on line 2: unsupported filter object",
        "include table_data t | -g | invalid format in filter read from file \"FILE\" on line 2: include filter for "
                + "\"table data\" is not allowed",
        "exclude foo a | -g | invalid format in filter read from file \"FILE\" on line 2: unsupported filter object "
                + "type: \"foo\"",
        "exclude database a | -g | option --exclude-database cannot be used together with -g/--globals-only, "
                + "-r/--roles-only, or -t/--tablespaces-only"})
    void filterRefusesWhatPgDumpallDoes(String rule, String arg, String message, @TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("rules"), "\n" + rule + "\n", StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("dumpall", "--filter", f.toString(), arg);
        assertEquals(1, run.exitCode());
        assertEquals("pg_dumpall: error: " + message.replace("FILE", f.toString()), run.errLines().get(0));
    }

    @Test
    void helpAndVersion() {
        Cli.Run help = Cli.run("dumpall", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("pg_dumpall exports a PostgreSQL database cluster as an SQL script.\n"));
        assertTrue(help.out().contains("\n* --binary-upgrade "), help.out());
        assertTrue(help.out().contains("\n  -g, --globals-only "), help.out());
        assertTrue(help.out().endsWith(ToolText.NOT_YET_NOTE), help.out());
        Cli.Run version = Cli.run("dumpall", "-V");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("pg_dumpall (PostgreSQL) 18."), version.out());
    }
}
