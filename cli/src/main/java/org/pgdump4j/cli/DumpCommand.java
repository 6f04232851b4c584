package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.connect.ConnArgs;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.dump.ContentFlags;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.ObjectSelection;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.restore.RenderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pgdump4j dump}: pg_dump 18's command line. Every pg_dump option is declared; those not implemented
 * yet ({@link SupportedOptions#PG_DUMP}) fail when given. The conflict checks run in pg_dump's order with
 * its messages, so a wrong command line fails exactly as with pg_dump.
 */
@Command(name = "dump", preprocessor = GetoptPreprocessor.class,
        description = "Dump a database, as pg_dump does (same options).")
final class DumpCommand implements Callable<Integer>, PgTool {
    static final String PROGRAM = "pg_dump";

    /** pg_dump.c (18.x): getopt's short options; {@code X} is accepted by getopt but not handled. */
    static final GetoptTable GETOPT = new GetoptTable("abBcCd:e:E:f:F:h:j:n:N:Op:RsS:t:T:U:vwWxXZ:", List.of(
            "data-only", "blobs", "large-objects", "no-blobs", "no-large-objects", "clean", "create", "dbname",
            "extension", "file", "format", "host", "jobs", "no-reconnect", "no-owner", "port", "schema",
            "exclude-schema", "schema-only", "superuser", "table", "exclude-table", "no-password", "password",
            "username", "verbose", "no-privileges", "no-acl", "compress", "encoding", "help", "version",
            "attribute-inserts", "binary-upgrade", "column-inserts", "disable-dollar-quoting", "disable-triggers",
            "enable-row-security", "exclude-table-data", "extra-float-digits", "if-exists", "inserts",
            "lock-wait-timeout", "no-table-access-method", "no-tablespaces", "quote-all-identifiers",
            "load-via-partition-root", "role", "section", "serializable-deferrable", "snapshot", "statistics",
            "statistics-only", "strict-names", "use-set-session-authorization", "no-comments", "no-data",
            "no-policies", "no-publications", "no-schema", "no-security-labels", "no-statistics",
            "no-subscriptions", "no-toast-compression", "no-unlogged-table-data", "no-sync",
            "on-conflict-do-nothing", "rows-per-insert", "include-foreign-data", "table-and-children",
            "exclude-table-and-children", "exclude-table-data-and-children", "sync-method", "filter",
            "exclude-extension", "sequence-data", "restrict-key"),
            Set.of("-X", "--help", "--version"));

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(paramLabel = "DBNAME", arity = "0..*")
    List<String> operands = new ArrayList<>();

    // General options
    @Option(names = {"-f", "--file"}) @Nullable String file;
    @Option(names = {"-F", "--format"}) @Nullable String format;
    @Option(names = {"-j", "--jobs"}) @Nullable String jobs;
    @Option(names = {"-v", "--verbose"}) boolean[] verbose = new boolean[0];
    @Option(names = {"-V", "--version"}) boolean version;
    @Option(names = {"-Z", "--compress"}) @Nullable String compress;
    @Option(names = "--lock-wait-timeout") @Nullable String lockWaitTimeout;
    @Option(names = "--no-sync") boolean noSync;
    @Option(names = "--sync-method") @Nullable String syncMethod;
    @Option(names = {"-?", "--help"}) boolean help;

    // Options controlling the output content
    @Option(names = {"-a", "--data-only"}) boolean dataOnly;
    @Option(names = {"-b", "--large-objects", "--blobs"}) boolean largeObjects;
    @Option(names = {"-B", "--no-large-objects", "--no-blobs"}) boolean noLargeObjects;
    @Option(names = {"-c", "--clean"}) boolean clean;
    @Option(names = {"-C", "--create"}) boolean create;
    @Option(names = {"-e", "--extension"}) List<String> extensions = new ArrayList<>();
    @Option(names = {"-E", "--encoding"}) @Nullable String encoding;
    @Option(names = {"-n", "--schema"}) List<String> schemas = new ArrayList<>();
    @Option(names = {"-N", "--exclude-schema"}) List<String> excludeSchemas = new ArrayList<>();
    @Option(names = {"-O", "--no-owner"}) boolean noOwner;
    @Option(names = {"-R", "--no-reconnect"}) boolean noReconnect;
    @Option(names = {"-s", "--schema-only"}) boolean schemaOnly;
    @Option(names = {"-S", "--superuser"}) @Nullable String superuser;
    @Option(names = {"-t", "--table"}) List<String> tables = new ArrayList<>();
    @Option(names = {"-T", "--exclude-table"}) List<String> excludeTables = new ArrayList<>();
    @Option(names = {"-x", "--no-privileges", "--no-acl"}) boolean noPrivileges;
    @Option(names = "--binary-upgrade") boolean binaryUpgrade;
    @Option(names = {"--column-inserts", "--attribute-inserts"}) boolean columnInserts;
    @Option(names = "--disable-dollar-quoting") boolean disableDollarQuoting;
    @Option(names = "--disable-triggers") boolean disableTriggers;
    @Option(names = "--enable-row-security") boolean enableRowSecurity;
    @Option(names = "--exclude-extension") List<String> excludeExtensions = new ArrayList<>();
    @Option(names = "--exclude-table-and-children") List<String> excludeTablesAndChildren = new ArrayList<>();
    @Option(names = "--exclude-table-data") List<String> excludeTableData = new ArrayList<>();
    @Option(names = "--exclude-table-data-and-children") List<String> excludeTableDataAndChildren = new ArrayList<>();
    @Option(names = "--extra-float-digits") @Nullable String extraFloatDigits;
    @Option(names = "--filter") List<String> filters = new ArrayList<>();
    @Option(names = "--if-exists") boolean ifExists;
    @Option(names = "--include-foreign-data") List<String> includeForeignData = new ArrayList<>();
    @Option(names = "--inserts") boolean inserts;
    @Option(names = "--load-via-partition-root") boolean loadViaPartitionRoot;
    @Option(names = "--no-comments") boolean noComments;
    @Option(names = "--no-data") boolean noData;
    @Option(names = "--no-policies") boolean noPolicies;
    @Option(names = "--no-publications") boolean noPublications;
    @Option(names = "--no-schema") boolean noSchema;
    @Option(names = "--no-security-labels") boolean noSecurityLabels;
    @Option(names = "--no-statistics") boolean noStatistics;
    @Option(names = "--no-subscriptions") boolean noSubscriptions;
    @Option(names = "--no-table-access-method") boolean noTableAccessMethod;
    @Option(names = "--no-tablespaces") boolean noTablespaces;
    @Option(names = "--no-toast-compression") boolean noToastCompression;
    @Option(names = "--no-unlogged-table-data") boolean noUnloggedTableData;
    @Option(names = "--on-conflict-do-nothing") boolean onConflictDoNothing;
    @Option(names = "--quote-all-identifiers") boolean quoteAllIdentifiers;
    @Option(names = "--restrict-key") @Nullable String restrictKey;
    @Option(names = "--rows-per-insert") @Nullable String rowsPerInsert;
    @Option(names = "--section") List<String> sections = new ArrayList<>();
    @Option(names = "--sequence-data") boolean sequenceData;
    @Option(names = "--serializable-deferrable") boolean serializableDeferrable;
    @Option(names = "--snapshot") @Nullable String snapshot;
    @Option(names = "--statistics") boolean statistics;
    @Option(names = "--statistics-only") boolean statisticsOnly;
    @Option(names = "--strict-names") boolean strictNames;
    @Option(names = "--table-and-children") List<String> tablesAndChildren = new ArrayList<>();
    @Option(names = "--use-set-session-authorization") boolean useSetSessionAuthorization;

    DumpCommand(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public String programName() {
        return PROGRAM;
    }

    @Override
    public GetoptTable getoptTable() {
        return GETOPT;
    }

    @Override
    public boolean debug() {
        return verbose.length >= 2;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (help) {
            out.print(ToolText.help(PROGRAM));
            out.flush();
            return ExitCodes.OK;
        }
        if (version) {
            out.println(ToolText.versionLine(PROGRAM));
            out.flush();
            return ExitCodes.OK;
        }
        DumpRequest request = request();
        StderrProgress progress = new StderrProgress(PROGRAM, spec.commandLine().getErr(),
                request.options().verbose());
        ConnectionSource source = Connections.open(request.connection(), context, progress);
        PgDump.run(source, request.options(), progress);
        return ExitCodes.OK;
    }

    /** What to connect to and what to dump. */
    record DumpRequest(ConnArgs connection, DumpOptions options) {
    }

    /**
     * Checks the command line as pg_dump does, in its order, and turns it into a request.
     *
     * @throws UsageException with pg_dump's message
     */
    DumpRequest request() {
        String dbname = connection.dbname;
        List<String> rest = operands;
        if (dbname == null && !rest.isEmpty()) {
            dbname = rest.get(0);
            rest = rest.subList(1, rest.size());
        }
        if (!rest.isEmpty()) {
            throw new UsageHintException("too many command-line arguments (first is \"" + rest.get(0) + "\")");
        }
        checkConflicts();
        OutputFormat outputFormat = outputFormat();
        RenderOptions render;
        if (outputFormat == OutputFormat.PLAIN) {
            render = new RenderOptions(noOwner, noPrivileges, noComments, clean, ifExists, create, restrictKey);
        } else if (restrictKey != null) {
            throw new UsageException("option --restrict-key can only be used with --format=plain");
        } else {
            render = new RenderOptions(noOwner, noPrivileges, noComments, clean, ifExists, create, null);
        }
        SupportedOptions.requireImplemented(spec.commandLine().getParseResult(), SupportedOptions.PG_DUMP);
        if (outputFormat != OutputFormat.PLAIN) {
            throw SupportedOptions.notSupported("--format=" + outputFormat.word());
        }
        ObjectSelection selection = new ObjectSelection(schemas, excludeSchemas, tables, excludeTables, strictNames);
        DumpOptions options = new DumpOptions(outputPath(), outputFormat, selection,
                new ContentFlags(schemaOnly, dataOnly), render, encoding, verbose.length > 0,
                DumpOptions.ArchiveSettings.DEFAULTS);
        ConnArgs conn = ConnArgs.pgDump(dbname, connection.host, connection.port, connection.username,
                connection.passwordMode());
        return new DumpRequest(conn, options);
    }

    /** pg_dump 18's checks after option parsing (§1.4.1 of the inventory), in its order and words. */
    private void checkConflicts() {
        boolean insertMode = inserts || columnInserts || rowsPerInsert != null;
        conflict(dataOnly && schemaOnly, "-s/--schema-only", "-a/--data-only");
        conflict(schemaOnly && statisticsOnly, "-s/--schema-only", "--statistics-only");
        conflict(dataOnly && statisticsOnly, "-a/--data-only", "--statistics-only");
        conflict(dataOnly && noData, "-a/--data-only", "--no-data");
        conflict(schemaOnly && noSchema, "-s/--schema-only", "--no-schema");
        conflict(statisticsOnly && noStatistics, "--statistics-only", "--no-statistics");
        conflict(statistics && noStatistics, "--statistics", "--no-statistics");
        conflict(dataOnly && statistics, "-a/--data-only", "--statistics");
        conflict(schemaOnly && statistics, "-s/--schema-only", "--statistics");
        conflict(schemaOnly && !includeForeignData.isEmpty(), "-s/--schema-only", "--include-foreign-data");
        if (parallelJobs() > 1 && !includeForeignData.isEmpty()) {
            throw new UsageException("option --include-foreign-data is not supported with parallel backup");
        }
        conflict(dataOnly && clean, "-c/--clean", "-a/--data-only");
        if (ifExists && !clean) {
            throw new UsageException("option --if-exists requires option -c/--clean");
        }
        if (onConflictDoNothing && !insertMode) {
            throw new UsageException(
                    "option --on-conflict-do-nothing requires option --inserts, --rows-per-insert, or --column-inserts");
        }
    }

    private static void conflict(boolean both, String first, String second) {
        if (both) {
            throw new UsageException("options " + first + " and " + second + " cannot be used together");
        }
    }

    /** {@code -j} as far as the conflict checks need it (the option itself is not supported yet). */
    private int parallelJobs() {
        if (jobs == null) {
            return 1;
        }
        try {
            return Integer.parseInt(jobs.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** {@code -F}, case-insensitive; pg_dump's hidden {@code a}/{@code append} (used by pg_dumpall) is refused. */
    private OutputFormat outputFormat() {
        if (format == null) {
            return OutputFormat.PLAIN;
        }
        String f = format.toLowerCase(Locale.ROOT);
        if (f.equals("a") || f.equals("append")) {
            throw SupportedOptions.notSupported("--format=append");
        }
        return OutputFormat.parse(format);
    }

    /** {@code -f}; {@code -f -} (like no {@code -f}) writes a plain dump to stdout. */
    private @Nullable Path outputPath() {
        if (file == null || file.equals("-")) {
            return null;
        }
        return Path.of(file);
    }
}
