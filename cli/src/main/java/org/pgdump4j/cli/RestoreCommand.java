package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.UsageException;
import org.pgdump4j.connect.ConnArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pgdump4j restore}: pg_restore 18's command line. Every pg_restore option is declared; those not
 * implemented yet ({@link SupportedOptions#PG_RESTORE}) fail when given. So far it runs plain SQL scripts
 * (which the real pg_restore refuses) into a database; archives come with the format modules.
 */
@Command(name = "restore", preprocessor = GetoptPreprocessor.class,
        description = "Restore a database, as pg_restore does (same options).")
final class RestoreCommand implements Callable<Integer>, PgTool {
    static final String PROGRAM = "pg_restore";

    /** pg_restore.c (18.x): getopt's short options and long option table. */
    static final GetoptTable GETOPT = new GetoptTable("acCd:ef:F:h:I:j:lL:n:N:Op:P:RsS:t:T:U:vwWx1", List.of(
            "clean", "create", "data-only", "dbname", "exit-on-error", "exclude-schema", "file", "format",
            "function", "host", "index", "jobs", "list", "no-privileges", "no-acl", "no-owner", "no-reconnect",
            "port", "no-password", "password", "schema", "schema-only", "superuser", "table", "trigger",
            "use-list", "username", "verbose", "single-transaction", "disable-triggers", "enable-row-security",
            "if-exists", "no-data-for-failed-tables", "no-table-access-method", "no-tablespaces", "role",
            "section", "strict-names", "transaction-size", "use-set-session-authorization", "no-comments",
            "no-data", "no-policies", "no-publications", "no-schema", "no-security-labels", "no-subscriptions",
            "no-statistics", "statistics", "statistics-only", "filter", "restrict-key"),
            Set.of());

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(paramLabel = "FILE", arity = "0..*")
    List<String> operands = new ArrayList<>();

    // General options (-d is in the connection mixin)
    @Option(names = {"-f", "--file"}) @Nullable String file;
    @Option(names = {"-F", "--format"}) @Nullable String format;
    @Option(names = {"-l", "--list"}) boolean list;
    @Option(names = {"-v", "--verbose"}) boolean[] verbose = new boolean[0];
    @Option(names = {"-V", "--version"}) boolean version;
    @Option(names = {"-?", "--help"}) boolean help;

    // Options controlling the restore
    @Option(names = {"-a", "--data-only"}) boolean dataOnly;
    @Option(names = {"-c", "--clean"}) boolean clean;
    @Option(names = {"-C", "--create"}) boolean create;
    @Option(names = {"-e", "--exit-on-error"}) boolean exitOnError;
    @Option(names = {"-I", "--index"}) List<String> indexes = new ArrayList<>();
    @Option(names = {"-j", "--jobs"}) @Nullable String jobs;
    @Option(names = {"-L", "--use-list"}) @Nullable String useList;
    @Option(names = {"-n", "--schema"}) List<String> schemas = new ArrayList<>();
    @Option(names = {"-N", "--exclude-schema"}) List<String> excludeSchemas = new ArrayList<>();
    @Option(names = {"-O", "--no-owner"}) boolean noOwner;
    @Option(names = {"-P", "--function"}) List<String> functions = new ArrayList<>();
    @Option(names = {"-R", "--no-reconnect"}) boolean noReconnect;
    @Option(names = {"-s", "--schema-only"}) boolean schemaOnly;
    @Option(names = {"-S", "--superuser"}) @Nullable String superuser;
    @Option(names = {"-t", "--table"}) List<String> tables = new ArrayList<>();
    @Option(names = {"-T", "--trigger"}) List<String> triggers = new ArrayList<>();
    @Option(names = {"-x", "--no-privileges", "--no-acl"}) boolean noPrivileges;
    @Option(names = {"-1", "--single-transaction"}) boolean singleTransaction;
    @Option(names = "--disable-triggers") boolean disableTriggers;
    @Option(names = "--enable-row-security") boolean enableRowSecurity;
    @Option(names = "--filter") List<String> filters = new ArrayList<>();
    @Option(names = "--if-exists") boolean ifExists;
    @Option(names = "--no-comments") boolean noComments;
    @Option(names = "--no-data") boolean noData;
    @Option(names = "--no-data-for-failed-tables") boolean noDataForFailedTables;
    @Option(names = "--no-policies") boolean noPolicies;
    @Option(names = "--no-publications") boolean noPublications;
    @Option(names = "--no-schema") boolean noSchema;
    @Option(names = "--no-security-labels") boolean noSecurityLabels;
    @Option(names = "--no-statistics") boolean noStatistics;
    @Option(names = "--no-subscriptions") boolean noSubscriptions;
    @Option(names = "--no-table-access-method") boolean noTableAccessMethod;
    @Option(names = "--no-tablespaces") boolean noTablespaces;
    @Option(names = "--restrict-key") @Nullable String restrictKey;
    @Option(names = "--section") List<String> sections = new ArrayList<>();
    @Option(names = "--statistics") boolean statistics;
    @Option(names = "--statistics-only") boolean statisticsOnly;
    @Option(names = "--strict-names") boolean strictNames;
    @Option(names = "--transaction-size") @Nullable String transactionSize;
    @Option(names = "--use-set-session-authorization") boolean useSetSessionAuthorization;

    RestoreCommand(CliContext context) {
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
        RestoreRequest request = request();
        StderrProgress progress = new StderrProgress(PROGRAM, spec.commandLine().getErr(), verbose.length > 0);
        try (RestoreInput input = RestoreInput.open(request.input(), context.stdin())) {
            if (input.kind() != RestoreInput.Kind.PLAIN) {
                throw new ArchiveFormatException("archive format " + input.kind().word() + " is not supported yet");
            }
            if (file != null) {
                throw SupportedOptions.notSupported("--file");
            }
            long errors = ScriptRestore.run(request, Objects.requireNonNull(input.stream()), context, progress);
            if (errors > 0) {
                progress.warning("errors ignored on restore: " + errors);
                return ExitCodes.ERROR;
            }
        }
        return ExitCodes.OK;
    }

    /**
     * What to restore where.
     *
     * @param input            the archive or script; null reads standard input
     * @param connection       the target database (-d and the connection options); null with -f
     * @param exitOnError      stop at the first failed statement (-e, implied by -1)
     * @param singleTransaction run everything in one transaction (-1)
     */
    record RestoreRequest(@Nullable String input, @Nullable ConnArgs connection, boolean exitOnError,
                          boolean singleTransaction) {
    }

    /**
     * Checks the command line as pg_restore does, in its order, and turns it into a request.
     *
     * @throws UsageException with pg_restore's message
     */
    RestoreRequest request() {
        String input = operands.isEmpty() ? null : operands.get(0);
        if (operands.size() > 1) {
            throw new UsageHintException("too many command-line arguments (first is \"" + operands.get(1) + "\")");
        }
        String dbname = connection.dbname;
        if (dbname == null && file == null && !list) {
            throw new UsageException("one of -d/--dbname and -f/--file must be specified");
        }
        if (dbname != null) {
            if (file != null) {
                throw new UsageHintException("options -d/--dbname and -f/--file cannot be used together");
            }
            if (restrictKey != null) {
                throw new UsageException("options -d/--dbname and --restrict-key cannot be used together");
            }
        } else if (restrictKey != null && !restrictKey.matches("[A-Za-z0-9]+")) {
            throw new UsageException("invalid restrict key");
        }
        checkConflicts();
        SupportedOptions.requireImplemented(spec.commandLine().getParseResult(), SupportedOptions.PG_RESTORE);
        ConnArgs conn = dbname == null ? null : ConnArgs.pgRestore(dbname, connection.host, connection.port,
                connection.username, connection.passwordMode());
        return new RestoreRequest(input, conn, exitOnError || singleTransaction, singleTransaction);
    }

    /** pg_restore 18's checks after option parsing, in its order and words. */
    private void checkConflicts() {
        conflict(dataOnly && schemaOnly, "-s/--schema-only", "-a/--data-only");
        conflict(dataOnly && statisticsOnly, "-a/--data-only", "--statistics-only");
        conflict(schemaOnly && statisticsOnly, "-s/--schema-only", "--statistics-only");
        conflict(dataOnly && noData, "-a/--data-only", "--no-data");
        conflict(schemaOnly && noSchema, "-s/--schema-only", "--no-schema");
        conflict(statisticsOnly && noStatistics, "--statistics-only", "--no-statistics");
        conflict(statistics && noStatistics, "--statistics", "--no-statistics");
        conflict(dataOnly && statistics, "-a/--data-only", "--statistics");
        conflict(schemaOnly && statistics, "-s/--schema-only", "--statistics");
        conflict(dataOnly && clean, "-c/--clean", "-a/--data-only");
        conflict(singleTransaction && transactionSize != null, "-1/--single-transaction", "--transaction-size");
        conflict(create && singleTransaction, "-C/--create", "-1/--single-transaction");
        if (singleTransaction && parallelJobs() > 1) {
            throw new UsageException("cannot specify both --single-transaction and multiple jobs");
        }
        if (ifExists && !clean) {
            throw new UsageException("option --if-exists requires option -c/--clean");
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
}
