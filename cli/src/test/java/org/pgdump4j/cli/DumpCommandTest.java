package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.connect.PasswordMode;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.OutputFormat;

class DumpCommandTest {
    private static final String HINT = "pg_dump: hint: Try \"pg_dump --help\" for more information.";

    private static DumpCommand.DumpRequest request(String... args) {
        List<String> all = new ArrayList<>(List.of("dump"));
        all.addAll(List.of(args));
        return Cli.parse(DumpCommand.class, all.toArray(String[]::new)).request();
    }

    private static void assertFails(String expectedErr, String... args) {
        List<String> all = new ArrayList<>(List.of("dump"));
        all.addAll(List.of(args));
        Cli.Run run = Cli.run(all.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(expectedErr, run.err());
        assertEquals("", run.out());
    }

    @Test
    void clustersRepeatsAndPositionalDbname() {
        DumpCommand.DumpRequest request = request("-Fp", "-vv", "-tfoo", "-t", "bar", "--table=baz", "-n", "s1",
                "-Ns2", "--exclude-table", "x", "-sxOc", "mydb");
        DumpOptions options = request.options();
        assertEquals(OutputFormat.PLAIN, options.format());
        assertTrue(options.verbose());
        assertEquals(List.of("foo", "bar", "baz"), options.selection().includeTables());
        assertEquals(List.of("s1"), options.selection().includeSchemas());
        assertEquals(List.of("s2"), options.selection().excludeSchemas());
        assertEquals(List.of("x"), options.selection().excludeTables());
        assertTrue(options.content().schemaOnly());
        assertTrue(options.render().noPrivileges());
        assertTrue(options.render().noOwner());
        assertTrue(options.render().clean());
        assertEquals("mydb", request.connection().dbname());
        assertEquals("pg_dump", request.connection().programName());
        assertTrue(request.connection().useDbnameEnv());
    }

    @Test
    void dataRulesRepeatAndKeepTheirOrder() {
        DumpOptions options = request("--exclude-table-data=a", "--exclude-table-data", "s.b*",
                "--exclude-table-data-and-children", "p", "--exclude-table-data-and-children=q",
                "--no-unlogged-table-data").options();
        assertEquals(List.of("a", "s.b*"), options.selection().excludeTableData());
        assertEquals(List.of("p", "q"), options.selection().excludeTableDataAndChildren());
        assertTrue(options.selection().noUnloggedTableData());
        assertEquals(List.of(), options.selection().excludeTables());
        assertFalse(request().options().selection().noUnloggedTableData());
    }

    @Test
    void noTablespacesAndNoTableAccessMethodAreOmissions() {
        DumpOptions options = request("--no-tablespaces", "--no-table-access-method", "-Fc", "-f", "x.dump").options();
        assertTrue(options.omit().tablespaces());
        assertTrue(options.omit().tableAccessMethods());
        assertFalse(request().options().omit().tablespaces());
        assertFalse(request().options().omit().tableAccessMethods());
    }

    @Test
    void optionValuesAttachedSeparateOrAfterEquals() {
        DumpOptions options = request("--file=out.sql", "--encoding", "LATIN1", "-C", "--no-comments",
                "--if-exists", "--clean", "--restrict-key=abc123", "--strict-names").options();
        assertEquals(Path.of("out.sql"), options.file());
        assertEquals("LATIN1", options.encoding());
        assertTrue(options.render().create());
        assertTrue(options.render().noComments());
        assertTrue(options.render().ifExists());
        assertEquals("abc123", options.render().restrictKey());
        assertTrue(options.selection().strictNames());
        assertTrue(request("--data-only").options().content().dataOnly());
        assertEquals(List.of("srv", "s*"), request("--include-foreign-data=srv", "--include-foreign-data", "s*")
                .options().selection().includeForeignData());
    }

    @Test
    void defaultsAreAPlainDumpToStdout() {
        DumpCommand.DumpRequest request = request();
        assertEquals(DumpOptions.defaults(), request.options());
        assertNull(request.connection().dbname());
        assertEquals(PasswordMode.DEFAULT, request.connection().passwordMode());
    }

    @Test
    void valuesAreTakenLiterally() {
        assertEquals("@file", request("@file").connection().dbname());
        assertEquals(List.of("*", "-s", "a=b"), request("-t", "*", "-t", "-s", "--table=a=b").options()
                .selection().includeTables());
        assertEquals("-x", request("--", "-x").connection().dbname());
        assertEquals("--", request("--dbname", "--").connection().dbname());
        assertEquals(List.of("restore", "dump", "--help"), request("-t", "restore", "-tdump", "-t", "--help")
                .options().selection().includeTables());
        assertEquals("dump", request("dump").connection().dbname());
        assertEquals(List.of("\"Mixed Case\".\"T\"", "'q'", "a,b"),
                request("-t", "\"Mixed Case\".\"T\"", "-t'q'", "-t", "a,b").options().selection().includeTables());
    }

    @Test
    void dashFileIsStdoutAndTheLastFileWins() {
        assertNull(request("-f", "-").options().file());
        assertEquals(Path.of("b.sql"), request("-f", "a.sql", "-fb.sql").options().file());
    }

    @Test
    void connectionOptions() {
        DumpCommand.DumpRequest request = request("-h", "db.example", "-p5433", "--username=alice", "-w", "-W",
                "-d", "host=x dbname=y");
        assertEquals("host=x dbname=y", request.connection().dbname());
        assertEquals("db.example", request.connection().host());
        assertEquals("5433", request.connection().port());
        assertEquals("alice", request.connection().user());
        assertEquals(PasswordMode.PROMPT, request.connection().passwordMode());
        assertEquals(PasswordMode.NEVER, request("-W", "--no-password").connection().passwordMode());
    }

    @Test
    void noPublicationsSubscriptionsAndPoliciesLeaveThemOut() {
        assertEquals(DumpOptions.Omit.NONE, request().options().omit());
        assertEquals(new DumpOptions.Omit(true, false), request("--no-publications").options().omit());
        assertEquals(new DumpOptions.Omit(false, true), request("--no-subscriptions").options().omit());
        assertEquals(new DumpOptions.Omit(false, false, true), request("--no-policies").options().omit());
    }

    @Test
    void noSecurityLabelsLeavesThemOut() {
        assertTrue(request("--no-security-labels").options().omit().securityLabels());
        assertFalse(request().options().omit().securityLabels());
    }

    @Test
    void aliasesAbbreviationsAndNoOps() {
        DumpOptions options = request("--no-acl", "--schema-o", "-R", "--no-reconnect", "--verb").options();
        assertTrue(options.render().noPrivileges());
        assertTrue(options.content().schemaOnly());
        assertTrue(options.verbose());
        assertEquals("db", request("--dbn=db").connection().dbname());
    }

    @Test
    void quoteAllIdentifiersReachesEveryConnectionsSession() {
        assertTrue(request("--quote-all-identifiers").options().session().quoteAllIdentifiers());
        assertFalse(request().options().session().quoteAllIdentifiers());
    }

    @Test
    void dbnameOptionLeavesThePositionalOver() {
        assertFails("pg_dump: error: too many command-line arguments (first is \"z\")\n" + HINT + "\n",
                "-d", "x", "z");
        assertFails("pg_dump: error: too many command-line arguments (first is \"b\")\n" + HINT + "\n", "a", "b");
    }

    static Stream<String> notYetImplemented() {
        return SupportedOptions.PG_DUMP.entrySet().stream()
                .filter(e -> e.getValue() == SupportedOptions.Status.NOT_YET)
                .map(Map.Entry::getKey);
    }

    @ParameterizedTest
    @MethodSource("notYetImplemented")
    void everyOptionNotImplementedYetFailsWhenGiven(String option) {
        boolean takesValue = Cli.spec("dump").findOption(option).arity().max() > 0;
        List<String> args = new ArrayList<>(List.of(takesValue ? option + "=1" : option));
        if (option.equals("--on-conflict-do-nothing")) {
            args.add("--inserts");
        }
        assertFails("pg_dump: error: option " + option + " is not supported yet\n", args.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource({
        "--binary-upgrade, --binary-upgrade"})
    void aliasesAndShortOptionsAreReportedByTheirLongName(String given, String reported) {
        assertFails("pg_dump: error: option " + reported + " is not supported yet\n", given.split(" "));
    }

    @ParameterizedTest
    @CsvSource({"a, append", "append, append"})
    void appendFormatIsNotSupported(String format, String word) {
        assertFails("pg_dump: error: option --format=" + word + " is not supported yet\n", "-F", format, "-f", "x");
    }

    @ParameterizedTest
    @CsvSource({"c, CUSTOM", "custom, CUSTOM", "CUSTOM, CUSTOM", "d, DIRECTORY", "Directory, DIRECTORY", "t, TAR",
            "Tar, TAR", "p, PLAIN", "plain, PLAIN"})
    void archiveFormats(String given, OutputFormat expected) {
        DumpOptions options = request("-F", given, "-f", "out").options();
        assertEquals(expected, options.format());
        assertNull(options.archive().compression()); // the format's default: gzip for custom and directory
        assertEquals(ArchiveVersion.DEFAULT, options.archive().version());
        assertEquals(Path.of("out"), options.file());
    }

    @Test
    void dashIsAFileNameForArchivesAndStdoutForPlain() {
        assertEquals(Path.of("-"), request("-Fc", "-f", "-").options().file());
        assertEquals(Path.of("-"), request("-Fd", "-f", "-").options().file());
        assertNull(request("-Fp", "-f", "-").options().file());
        assertNull(request("-Fc").options().file());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-Z5|gzip:level=5", "-Z0|none", "--compress=none|none", "-Z lz4|lz4", "-Z zstd:level=7,long|zstd:level=7,long",
        "-Z gzip:9|gzip:level=9", "-Zgzip|gzip"})
    void compressionSpellings(String given, String expected) {
        List<String> args = new ArrayList<>(List.of(given.split(" ")));
        args.addAll(List.of("-Fc", "-f", "x.dump"));
        assertEquals(expected, request(args.toArray(String[]::new)).options().archive().compression().toString());
    }

    @Test
    void archiveVersions() {
        assertEquals(ArchiveVersion.V1_14, request("-Fc", "--archive-version=1.14").options().archive().version());
        assertEquals(ArchiveVersion.V1_15, request("-Ft", "--archive-version", "1.15", "-f", "x")
                .options().archive().version());
        assertEquals(ArchiveVersion.V1_16, request("-Fd", "-fx", "--archive-version=1.16").options().archive().version());
        assertEquals(ArchiveVersion.V1_14, request("-Fc", "-Z", "gzip:3", "--archive-version=1.14")
                .options().archive().version());
    }

    static Stream<Arguments> archiveErrors() {
        return Stream.of(
                Arguments.of("-Ft -Z5 -f x.tar", "compression is not supported by tar archive format"),
                Arguments.of("-Ft -Z lz4 -f x.tar", "compression is not supported by tar archive format"),
                Arguments.of("-Fd", "no output directory specified"),
                Arguments.of("-Fd -Z lz4", "no output directory specified"),
                Arguments.of("-Fc -Z foo", "unrecognized compression algorithm: \"foo\""),
                Arguments.of("-Ft -Z gzip:0 -f x", "invalid compression specification: compression algorithm \"gzip\""
                        + " expects a compression level between 1 and 9 (default at -1)"),
                Arguments.of("-Fc -j 2 -f x", "parallel backup only supported by the directory format"),
                Arguments.of("-j 2", "parallel backup only supported by the directory format"),
                Arguments.of("-Fc --restrict-key=abc", "option --restrict-key can only be used with --format=plain"),
                Arguments.of("--archive-version=1.14", "option --archive-version cannot be used with --format=plain"),
                Arguments.of("-Fc --archive-version=1.13",
                        "invalid archive version \"1.13\"; please specify 1.14, 1.15 or 1.16"),
                Arguments.of("-Fc --archive-version=1.14 -Z zstd",
                        "compression \"zstd\" is not supported by archive version 1.14 (needs 1.15 or newer)"));
    }

    @ParameterizedTest
    @MethodSource("archiveErrors")
    void archiveOptionErrorsInPgDumpsWords(String args, String message) {
        assertFails("pg_dump: error: " + message + "\n", args.split(" "));
    }

    @Test
    void zstdWorkersAreWarnedAbout() {
        assertEquals(List.of("compression option \"workers\" is not currently supported by pg_dump"),
                request("-Fc", "-Z", "zstd:workers=2").warnings());
        assertEquals(List.of(), request("-Fc", "-Z", "zstd:level=3").warnings());
        Cli.Run run = Cli.run("dump", "-Fc", "-Z", "zstd:workers=2", "-h", "127.0.0.1", "-p", "1", "-w", "db");
        assertEquals("pg_dump: warning: compression option \"workers\" is not currently supported by pg_dump",
                run.errLines().get(0));
    }

    @Test
    void invalidFormat() {
        assertFails("pg_dump: error: invalid output format \"x\" specified\n", "-Fx");
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of("-s -a", "options -s/--schema-only and -a/--data-only cannot be used together"),
                Arguments.of("-a -c -s", "options -s/--schema-only and -a/--data-only cannot be used together"),
                Arguments.of("-s --statistics-only", "options -s/--schema-only and --statistics-only cannot be used together"),
                Arguments.of("-a --statistics-only", "options -a/--data-only and --statistics-only cannot be used together"),
                Arguments.of("-a --no-data", "options -a/--data-only and --no-data cannot be used together"),
                Arguments.of("-s --no-schema", "options -s/--schema-only and --no-schema cannot be used together"),
                Arguments.of("--statistics-only --no-statistics", "options --statistics-only and --no-statistics cannot be used together"),
                Arguments.of("--statistics --no-statistics", "options --statistics and --no-statistics cannot be used together"),
                Arguments.of("-a --statistics", "options -a/--data-only and --statistics cannot be used together"),
                Arguments.of("-s --statistics", "options -s/--schema-only and --statistics cannot be used together"),
                Arguments.of("-s --include-foreign-data=x", "options -s/--schema-only and --include-foreign-data cannot be used together"),
                Arguments.of("-j2 --include-foreign-data=x", "option --include-foreign-data is not supported with parallel backup"),
                Arguments.of("-c -a", "options -c/--clean and -a/--data-only cannot be used together"),
                Arguments.of("--if-exists", "option --if-exists requires option -c/--clean"),
                Arguments.of("--if-exists -Fx", "option --if-exists requires option -c/--clean"),
                Arguments.of("--on-conflict-do-nothing", "option --on-conflict-do-nothing requires option --inserts, --rows-per-insert, or --column-inserts"),
                Arguments.of("--restrict-key=a-b", "invalid restrict key"),
                Arguments.of("--restrict-key=", "invalid restrict key"),
                Arguments.of("--restrict-key=a-b -Fx", "invalid output format \"x\" specified"),
                Arguments.of("-Fc --restrict-key=ab", "option --restrict-key can only be used with --format=plain"),
                Arguments.of("-Fd --restrict-key=a-b", "option --restrict-key can only be used with --format=plain"));
    }

    @ParameterizedTest
    @MethodSource("conflicts")
    void conflictsAreReportedInPgDumpsOrderAndWords(String args, String message) {
        assertFails("pg_dump: error: " + message + "\n", args.split(" "));
    }

    @Test
    void getoptErrorsAsPgDumpPrintsThem() {
        assertFails("pg_dump: unrecognized option '--foo'\n" + HINT + "\n", "--foo");
        assertFails("pg_dump: unrecognized option '--no-synchronized-snapshots'\n" + HINT + "\n",
                "--no-synchronized-snapshots");
        assertFails("pg_dump: invalid option -- 'k'\n" + HINT + "\n", "-vk");
        assertFails("pg_dump: option requires an argument -- 'f'\n" + HINT + "\n", "-f");
        assertFails("pg_dump: option '--file' requires an argument\n" + HINT + "\n", "--file");
        assertFails("pg_dump: option '--verbose' doesn't allow an argument\n" + HINT + "\n", "--verb=1");
        assertFails("pg_dump: option '--no-acl' doesn't allow an argument\n" + HINT + "\n", "--no-ac=3");
        assertFails("pg_dump: option '--no-p' is ambiguous; possibilities: '--no-password' '--no-privileges'"
                + " '--no-policies' '--no-publications'\n" + HINT + "\n", "--no-p");
        assertFails("pg_dump: option '--s' is ambiguous; possibilities: '--schema' '--schema-only' '--superuser'"
                + " '--section' '--serializable-deferrable' '--snapshot' '--statistics' '--statistics-only'"
                + " '--strict-names' '--sync-method' '--sequence-data'\n" + HINT + "\n", "--s");
        // getopt errors come before any other check
        assertFails("pg_dump: unrecognized option '--foo'\n" + HINT + "\n", "-s", "-a", "--foo");
    }

    @Test
    void optionsHandledOnlyAsFirstArgumentPrintOnlyTheHint() {
        assertFails(HINT + "\n", "-X");
        assertFails(HINT + "\n", "-v", "--help");
        assertFails(HINT + "\n", "-v", "--vers");
        assertFails("pg_dump: invalid option -- '?'\n" + HINT + "\n", "-v", "-?");
        assertFails("pg_dump: invalid option -- 'V'\n" + HINT + "\n", "-v", "-V");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-?"})
    void help(String option) {
        Cli.Run run = Cli.run("dump", option, "-s", "-a", "--foo");
        assertEquals(0, run.exitCode());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith(
                "pg_dump exports a PostgreSQL database as an SQL script or to other formats.\n\nUsage:\n"
                        + "  pg_dump [OPTION]... [DBNAME]\n\nGeneral options:\n"), run.out());
        for (String section : List.of("Options controlling the output content:", "Connection options:")) {
            assertTrue(run.out().contains("\n" + section + "\n"), section);
        }
        for (String name : SupportedOptions.PG_DUMP.keySet()) {
            if (!name.equals("--no-reconnect")) {
                assertTrue(run.out().contains(name), name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void version(String option) {
        Cli.Run run = Cli.run("dump", option, "--foo");
        assertEquals(0, run.exitCode());
        assertEquals("", run.err());
        assertTrue(run.out().matches("pg_dump \\(PostgreSQL\\) 18\\.[0-9]+ \\(pgdump4j [0-9][^)]*\\)\n"), run.out());
    }

    @Test
    void aFailingCommandPrintsExactlyOneLine() {
        Cli.Run run = Cli.run("dump", "--binary-upgrade", "-Fd", "-f", "out", "mydb");
        assertEquals(1, run.exitCode());
        assertEquals(List.of("pg_dump: error: option --binary-upgrade is not supported yet"), run.errLines());
    }

    @Test
    void sessionOptionsReachTheRequest() {
        assertEquals(DumpOptions.Execution.DEFAULTS, request("-Fd", "-fx").options().execution());
        assertEquals(new DumpOptions.Execution(3, "00000003-0000001B-1", true, "10s"),
                request("-Fd", "-fx", "-j3", "--snapshot=00000003-0000001B-1", "--serializable-deferrable",
                        "--lock-wait-timeout", "10s").options().execution());
        assertEquals(4, request("--jobs", " 4", "-Fd", "-fx").options().execution().jobs());
        assertEquals(1, request("-j1", "-Fc").options().execution().jobs()); // one job: any format, as pg_dump
        assertEquals("", request("--lock-wait-timeout=").options().execution().lockWaitTimeout());
    }

    /** pg_dump 18's words, checked by running it: option_parse_int's, then main's format check. */
    static Stream<Arguments> jobErrors() {
        return Stream.of(
                Arguments.of("-j 0 -Fd -f x", "-j/--jobs must be in range 1..2147483647"),
                Arguments.of("-j -1 -Fd -f x", "-j/--jobs must be in range 1..2147483647"),
                Arguments.of("-j 99999999999 -Fd -f x", "-j/--jobs must be in range 1..2147483647"),
                Arguments.of("-j abc -Fd -f x", "invalid value \"abc\" for option -j/--jobs"),
                Arguments.of("-j 2 -Ft -f x", "parallel backup only supported by the directory format"),
                Arguments.of("-j 2 -Fd", "no output directory specified"));
    }

    @ParameterizedTest
    @MethodSource("jobErrors")
    void jobErrorsInPgDumpsWords(String args, String message) {
        assertFails("pg_dump: error: " + message + "\n", args.split(" "));
    }

    @Test
    void aValidCommandLineReachesTheConnector() {
        Cli.Run run = Cli.run("dump", "-h", "127.0.0.1", "-p", "1", "-w", "-s", "mydb");
        assertEquals(1, run.exitCode());
        assertEquals(List.of("pg_dump: error: connection to server at \"127.0.0.1\", port 1 failed: "
                + "Connection refused", "\tIs the server running on that host and accepting TCP/IP connections?"),
                run.errLines());
    }

    @Test
    void stackTracesOnlyWhenAskedFor() {
        assertEquals(1, Cli.run("dump", "-v", "-Fx").errLines().size());
        Cli.Run debugVerbose = Cli.run("dump", "-v", "-v", "-Fx");
        assertEquals("pg_dump: error: invalid output format \"x\" specified", debugVerbose.errLines().get(0));
        assertTrue(debugVerbose.err().contains("\tat org.pgdump4j."), debugVerbose.err());
        Cli.Run debugEnv = Cli.run(Cli.context(Map.of("PGDUMP4J_DEBUG", "1"), new ByteArrayInputStream(new byte[0])),
                "dump", "-Fx");
        assertTrue(debugEnv.errLines().size() > 1, debugEnv.err());
        assertFalse(Cli.run(Cli.context(Map.of("PGDUMP4J_DEBUG", "0"), new ByteArrayInputStream(new byte[0])),
                "dump", "-Fx").err().contains("\tat "));
    }
}
