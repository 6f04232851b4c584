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

    /** Every option still marked NOT_YET fails when given (pg_restore 18's are all implemented by now). */
    @Test
    void everyOptionNotImplementedYetFailsWhenGiven() {
        notYetImplemented().forEach(option -> {
            boolean takesValue = Cli.spec("restore").findOption(option).arity().max() > 0;
            List<String> args = new ArrayList<>(List.of(takesValue ? option + "=1" : option, "-f", "out.sql"));
            if (option.equals("--if-exists")) {
                args.add("-c");
            }
            assertFails("pg_restore: error: option " + option + " is not supported yet\n",
                    args.toArray(String[]::new));
        });
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
    void truncatedArchivesFailInTheReaderWithOneLine() throws IOException {
        Path custom = file("db.dump", "PGDMP\u0001\u000e\u0000".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Run run = Cli.run("restore", "-d", "x", custom.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("pg_restore: error: ") && run.err().contains(custom.toString()), run.err());

        Cli.Run fromStdin = Cli.run(Cli.context(Map.of(), new ByteArrayInputStream(
                "PGDMP\u0001".getBytes(StandardCharsets.ISO_8859_1))), "restore", "-l");
        assertEquals(1, fromStdin.exitCode());
        assertEquals(1, fromStdin.errLines().size(), fromStdin.err());
        assertTrue(fromStdin.err().startsWith("pg_restore: error: "), fromStdin.err());
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
    void plainInputIsRefusedForScriptsAndListingsAsPgRestoreDoes() throws IOException {
        Path dump = file("db.sql", "--\n-- PostgreSQL database dump\n--\n\nselect 1;\n".getBytes(StandardCharsets.UTF_8));
        String textDump = "pg_restore: error: input file appears to be a text format dump. Please use psql.\n";
        assertFails(textDump, "-f", "-", dump.toString());
        assertFails(textDump, "-l", dump.toString());
        Cli.Run fromStdin = Cli.run(Cli.context(Map.of(), new ByteArrayInputStream(Files.readAllBytes(dump))),
                "restore", "-f", dir.resolve("out.sql").toString());
        assertEquals(textDump, fromStdin.err());
        assertFalse(Files.exists(dir.resolve("out.sql")));

        // pg_restore 18's words, which never name the file
        Path script = file("short.sql", "select 1;\n".getBytes(StandardCharsets.UTF_8));
        assertFails("pg_restore: error: input file does not appear to be a valid archive (too short?)\n", "-f", "-",
                script.toString());
        Path tiny = file("tiny", "sel".getBytes(StandardCharsets.UTF_8));
        assertFails("pg_restore: error: input file is too short (read 3, expected 5)\n", "-l", tiny.toString());
        Cli.Run empty = Cli.run(Cli.context(Map.of(), new ByteArrayInputStream(new byte[0])), "restore", "-l");
        assertEquals("pg_restore: error: input file is too short (read 0, expected 5)\n", empty.err());
        byte[] big = new byte[600];
        java.util.Arrays.fill(big, (byte) 'x');
        assertFails("pg_restore: error: input file does not appear to be a valid tar archive\n", "-l",
                file("big", big).toString());
        assertFails("pg_restore: error: archive format \"p\" is not supported; please use psql\n", "-F", "p", "-l",
                script.toString());
    }

    @Test
    void binaryInputIsNotRunAsAScript() throws IOException {
        Path binary = file("db.bin", new byte[] {'P', 'G', 'D', 'M', 'X', 0, 1, 2, 3});
        assertFails("pg_restore: error: input file does not appear to be a valid archive (too short?)\n", "-d", "x",
                binary.toString());
    }

    @Test
    void forcedFormats() throws IOException {
        assertFails("pg_restore: error: unrecognized archive format \"cow\"; please specify \"c\", \"d\", or \"t\"\n",
                "-F", "cow", "-l", "x");
        Cli.Run dirFromStdin = Cli.run(Cli.context(Map.of(), new ByteArrayInputStream(new byte[0])), "restore",
                "-Fd", "-l");
        assertEquals("pg_restore: error: no output directory specified\n", dirFromStdin.err());
        Path missing = dir.resolve("missing.dump");
        assertFails("pg_restore: error: could not open input file \"" + missing + "\": No such file or directory\n",
                "-Fc", "-l", missing.toString());
    }

    @Test
    void plainDumpsAndForcedScriptsGoToTheDatabase() throws IOException {
        // nothing listens on port 1: the script reached the connector, which fails with one libpq-like line
        String refused = "pg_restore: error: connection to server at \"127.0.0.1\", port 1 failed: Connection refused";
        String tcpHint = "\tIs the server running on that host and accepting TCP/IP connections?"; // libpq's
        Path dump = file("db.sql", "\uFEFF--\r\n-- PostgreSQL database cluster dump\r\n--\r\n\r\nselect 1;\n"
                .getBytes(StandardCharsets.UTF_8));
        Cli.Run run = Cli.run("restore", "-d", "x", "-h", "127.0.0.1", "-p", "1", "-w", dump.toString());
        assertEquals(1, run.exitCode());
        assertEquals(List.of(refused, tcpHint), run.errLines());
        Path notes = file("notes.txt", "select 1;\n".getBytes(StandardCharsets.UTF_8));
        Cli.Run forced = Cli.run("restore", "-F", "p", "-d", "x", "-h", "127.0.0.1", "-p", "1", "-w", notes.toString());
        assertEquals(List.of(refused, tcpHint), forced.errLines());
    }

    @Test
    void onlyPgDumpsHeaderMakesAPlainScript() {
        for (String head : List.of("--\n-- PostgreSQL database dump\n--\n\n", "--\n-- PostgreSQL database dump\n--\n",
                "--\n-- PostgreSQL database cluster dump\n--\n\n\\restrict k\n", "\uFEFF--\n-- PostgreSQL database dump\n--\n",
                "--\r\n-- PostgreSQL database dump\r\n--\r\n")) {
            assertTrue(RestoreInput.startsWithScriptHeader(head.getBytes(StandardCharsets.UTF_8)), head);
        }
        for (String head : List.of("", "CREATE TABLE pwned();\n", "--\n-- PostgreSQL database dump\n--",
                "-- PostgreSQL database dump\n", "--\n-- PostgreSQL database dump complete\n--\n",
                " --\n-- PostgreSQL database dump\n--\n", "\uFEFF\uFEFF--\n-- PostgreSQL database dump\n--\n",
                "--\n--  PostgreSQL database dump\n--\n", "--\n-- PostgreSQL database dump\n-- x\n")) {
            assertFalse(RestoreInput.startsWithScriptHeader(head.getBytes(StandardCharsets.UTF_8)), head);
        }
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
        assertTrue(run.out().matches("pg_restore \\(PostgreSQL\\) 18\\.[0-9]+ \\(pgdump4j [0-9][^)]*\\)\n"), run.out());
    }
}
