package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.connect.PasswordMode;

class RestoreCommandTest {
    private static final String HINT = "pg_restore: hint: Try \"pg_restore --help\" for more information.";

    @TempDir
    Path dir;

    private static RestoreCommand.RestoreRequest request(String... args) {
        List<String> all = new ArrayList<>(List.of("restore"));
        all.addAll(List.of(args));
        return Cli.parse(RestoreCommand.class, all.toArray(String[]::new)).request();
    }

    private static void assertFails(String expectedErr, String... args) {
        List<String> all = new ArrayList<>(List.of("restore"));
        all.addAll(List.of(args));
        Cli.Run run = Cli.run(all.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(expectedErr, run.err());
    }

    @Test
    void parsesFileConnectionAndFlags() {
        RestoreCommand.RestoreRequest request = request("-ed", "target", "-h", "localhost", "-p5432", "-Ubob",
                "-w", "-v", "-R", "dump.sql");
        assertEquals("dump.sql", request.input());
        assertEquals("target", request.connection().dbname());
        assertEquals("localhost", request.connection().host());
        assertEquals("5432", request.connection().port());
        assertEquals("bob", request.connection().user());
        assertEquals(PasswordMode.NEVER, request.connection().passwordMode());
        assertEquals("pg_restore", request.connection().programName());
        assertFalse(request.connection().useDbnameEnv());
        assertTrue(request.exitOnError());
        assertFalse(request.singleTransaction());
    }

    @Test
    void singleTransactionImpliesExitOnError() {
        RestoreCommand.RestoreRequest request = request("-1", "--dbname=x");
        assertNull(request.input());
        assertTrue(request.singleTransaction());
        assertTrue(request.exitOnError());
        assertFalse(request("-d", "x").exitOnError());
    }

    @Test
    void oneOfDbnameAndFileIsRequired() {
        assertFails("pg_restore: error: one of -d/--dbname and -f/--file must be specified\n");
        assertFails("pg_restore: error: one of -d/--dbname and -f/--file must be specified\n", "-e", "x.sql");
        assertFails("pg_restore: error: options -d/--dbname and -f/--file cannot be used together\n" + HINT + "\n",
                "-d", "x", "-f", "y");
        // PGDATABASE is not read by pg_restore
        Cli.Run run = Cli.run(Cli.context(Map.of("PGDATABASE", "db"), new ByteArrayInputStream(new byte[0])),
                "restore");
        assertEquals(List.of("pg_restore: error: one of -d/--dbname and -f/--file must be specified"),
                run.errLines());
    }

    @Test
    void tooManyArguments() {
        assertFails("pg_restore: error: too many command-line arguments (first is \"b\")\n" + HINT + "\n",
                "-d", "x", "a", "b");
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of("-d x --restrict-key=ab", "options -d/--dbname and --restrict-key cannot be used together"),
                Arguments.of("-f x --restrict-key=a-b -s -a", "invalid restrict key"),
                Arguments.of("-d x -s -a", "options -s/--schema-only and -a/--data-only cannot be used together"),
                Arguments.of("-d x -a --statistics-only", "options -a/--data-only and --statistics-only cannot be used together"),
                Arguments.of("-d x -s --statistics-only", "options -s/--schema-only and --statistics-only cannot be used together"),
                Arguments.of("-d x -c -a --no-data", "options -a/--data-only and --no-data cannot be used together"),
                Arguments.of("-d x -s --no-schema", "options -s/--schema-only and --no-schema cannot be used together"),
                Arguments.of("-d x --statistics-only --no-statistics", "options --statistics-only and --no-statistics cannot be used together"),
                Arguments.of("-d x --statistics --no-statistics", "options --statistics and --no-statistics cannot be used together"),
                Arguments.of("-d x -c -a --statistics", "options -a/--data-only and --statistics cannot be used together"),
                Arguments.of("-d x -s --statistics", "options -s/--schema-only and --statistics cannot be used together"),
                Arguments.of("-d x -C -1 -c -a", "options -c/--clean and -a/--data-only cannot be used together"),
                Arguments.of("-d x -C -1 --transaction-size=2", "options -1/--single-transaction and --transaction-size cannot be used together"),
                Arguments.of("-d x -C -1 -j2", "options -C/--create and -1/--single-transaction cannot be used together"),
                Arguments.of("-d x -1 -j2", "cannot specify both --single-transaction and multiple jobs"),
                Arguments.of("-d x --if-exists -F x", "option --if-exists requires option -c/--clean"));
    }

    @ParameterizedTest
    @MethodSource("conflicts")
    void conflictsAreReportedInPgRestoresOrderAndWords(String args, String message) {
        assertFails("pg_restore: error: " + message + "\n", args.split(" "));
    }

    static Stream<String> notYetImplemented() {
        return SupportedOptions.PG_RESTORE.entrySet().stream()
                .filter(e -> e.getValue() == SupportedOptions.Status.NOT_YET)
                .map(Map.Entry::getKey);
    }

    @ParameterizedTest
    @MethodSource("notYetImplemented")
    void everyOptionNotImplementedYetFailsWhenGiven(String option) {
        boolean takesValue = Cli.spec("restore").findOption(option).arity().max() > 0;
        List<String> args = new ArrayList<>(List.of(takesValue ? option + "=1" : option, "-f", "out.sql"));
        if (option.equals("--if-exists")) {
            args.add("-c");
        }
        assertFails("pg_restore: error: option " + option + " is not supported yet\n", args.toArray(String[]::new));
    }

    @Test
    void getoptErrorsAsPgRestorePrintsThem() {
        assertFails("pg_restore: unrecognized option '--help'\n" + HINT + "\n", "-v", "--help");
        assertFails("pg_restore: invalid option -- 'X'\n" + HINT + "\n", "-X");
        assertFails("pg_restore: invalid option -- 'g'\n" + HINT + "\n", "-g");
        assertFails("pg_restore: option '--f' is ambiguous; possibilities: '--file' '--format' '--function'"
                + " '--filter'\n" + HINT + "\n", "--f");
        assertFails("pg_restore: option '--n' is ambiguous; possibilities: '--no-privileges' '--no-owner'"
                + " '--no-reconnect' '--no-password' '--no-data-for-failed-tables' '--no-table-access-method'"
                + " '--no-tablespaces' '--no-comments' '--no-data' '--no-policies' '--no-publications' '--no-schema'"
                + " '--no-security-labels' '--no-subscriptions' '--no-statistics'\n" + HINT + "\n", "--n");
    }

    private Path file(String name, byte[] content) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, content);
        return path;
    }

    @Test
    void archivesAreNotSupportedYet() throws IOException {
        Path custom = file("db.dump", "PGDMP\u0001\u000e\u0000".getBytes(StandardCharsets.ISO_8859_1));
        assertFails("pg_restore: error: archive format custom is not supported yet\n", "-d", "x", custom.toString());

        byte[] tar = new byte[1024];
        System.arraycopy("toc.dat".getBytes(StandardCharsets.US_ASCII), 0, tar, 0, 7);
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 8);
        assertFails("pg_restore: error: archive format tar is not supported yet\n", "-d", "x",
                file("db.tar", tar).toString());

        Path directory = Files.createDirectories(dir.resolve("db.dir"));
        Files.write(directory.resolve("toc.dat"), "PGDMP".getBytes(StandardCharsets.US_ASCII));
        assertFails("pg_restore: error: archive format directory is not supported yet\n", "-d", "x",
                directory.toString());

        Cli.Run fromStdin = Cli.run(Cli.context(Map.of(), new ByteArrayInputStream(
                "PGDMP\u0001".getBytes(StandardCharsets.ISO_8859_1))), "restore", "-d", "x");
        assertEquals("pg_restore: error: archive format custom is not supported yet\n", fromStdin.err());
    }

    @Test
    void missingInputAndFoldersWithoutToc() throws IOException {
        Path missing = dir.resolve("missing.dump");
        assertFails("pg_restore: error: could not open input file \"" + missing
                + "\": No such file or directory\n", "-d", "x", missing.toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertFails("pg_restore: error: directory \"" + empty
                + "\" does not appear to be a valid archive (\"toc.dat\" does not exist)\n", "-d", "x", empty.toString());
    }

    @Test
    void scriptsToAFileAreNotSupportedYet() throws IOException {
        Path script = file("db.sql", "select 1;\n".getBytes(StandardCharsets.UTF_8));
        assertFails("pg_restore: error: option --file is not supported yet\n", "-f", "-", script.toString());
    }

    @Test
    void plainScriptsGoToTheDatabase() throws IOException {
        // nothing listens on port 1: the script reached the connector, which fails with one libpq-like line
        Path script = file("db.sql", "select 1;\n".getBytes(StandardCharsets.UTF_8));
        Cli.Run run = Cli.run("restore", "-d", "x", "-h", "127.0.0.1", "-p", "1", "-w", script.toString());
        assertEquals(1, run.exitCode());
        assertEquals(List.of("pg_restore: error: connection to server at \"127.0.0.1\", port 1 failed: "
                + "Connection refused"), run.errLines());
    }

    @Test
    void detectionByFirstBytes() {
        assertEquals(RestoreInput.Kind.CUSTOM, RestoreInput.kindOf("PGDMP".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(RestoreInput.Kind.PLAIN, RestoreInput.kindOf("PGDM".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(RestoreInput.Kind.PLAIN, RestoreInput.kindOf(new byte[0]));
        assertEquals(RestoreInput.Kind.PLAIN,
                RestoreInput.kindOf("--\n-- PostgreSQL database dump\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-?"})
    void help(String option) {
        Cli.Run run = Cli.run("restore", option, "--bogus");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith(
                "pg_restore restores a PostgreSQL database from an archive created by pg_dump.\n"), run.out());
        for (String name : SupportedOptions.PG_RESTORE.keySet()) {
            if (!name.equals("--no-reconnect")) {
                assertTrue(run.out().contains(name), name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void version(String option) {
        Cli.Run run = Cli.run("restore", option);
        assertEquals(0, run.exitCode());
        assertTrue(run.out().matches("pg_restore \\(PostgreSQL\\) 18 \\(pgdump4j [0-9][^)]*\\)\n"), run.out());
    }
}
