package org.pgdump4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveFormat;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.connect.ConnArgs;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.connect.JdkWarmUp;
import org.pgdump4j.io.IoErrors;
import org.pgdump4j.archive.ArchiveFormats;
import org.pgdump4j.restore.ArchiveSource;
import org.pgdump4j.restore.PgRestore;
import org.pgdump4j.restore.RestoreOptions;
import org.pgdump4j.restore.UseList;

/**
 * {@code pgdump4j restore}: pg_restore 18's command line. Every pg_restore option is declared; those not
 * implemented yet ({@link SupportedOptions#PG_RESTORE}) fail when given. Reads custom, directory and tar archives
 * (a file, a folder, or custom/tar on standard input) and prints their listing ({@code -l}), their script
 * ({@code -f}) or restores them ({@code -d}) through {@link PgRestore}. Beyond pg_restore, a plain dump (a file that
 * starts with pg_dump's or pg_dumpall's header, see {@link RestoreInput#isPgDumpScript}), or any file with
 * {@code -F p}, is run as an SQL script into the {@code -d} database (pg_restore refuses it, and so do we with
 * {@code -f} and {@code -l}); any other input is refused with pg_restore's message and nothing runs.
 */
final class RestoreCommand implements PgTool {
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

    final ConnectionOptions connection = new ConnectionOptions();

    List<String> operands = new ArrayList<>();
    /** The options given, by primary name, in command-line order. */
    List<String> given = List.of();

    // General options (-d is among the connection options)
    @Nullable String file;
    @Nullable String format;
    boolean list;
    int verbose;
    boolean version;
    boolean help;

    // Options controlling the restore
    boolean dataOnly;
    boolean clean;
    boolean create;
    boolean exitOnError;
    List<String> indexes = new ArrayList<>();
    @Nullable String jobs;
    @Nullable String useList;
    List<String> schemas = new ArrayList<>();
    List<String> excludeSchemas = new ArrayList<>();
    boolean noOwner;
    List<String> functions = new ArrayList<>();
    boolean noReconnect;
    boolean schemaOnly;
    @Nullable String superuser;
    List<String> tables = new ArrayList<>();
    List<String> triggers = new ArrayList<>();
    boolean noPrivileges;
    boolean singleTransaction;
    boolean disableTriggers;
    boolean enableRowSecurity;
    List<String> filters = new ArrayList<>();
    boolean ifExists;
    boolean noComments;
    boolean noData;
    boolean noDataForFailedTables;
    boolean noPolicies;
    boolean noPublications;
    boolean noSchema;
    boolean noSecurityLabels;
    boolean noStatistics;
    boolean noSubscriptions;
    boolean noTableAccessMethod;
    boolean noTablespaces;
    @Nullable String restrictKey;
    List<String> sections = new ArrayList<>();
    boolean statistics;
    boolean statisticsOnly;
    boolean strictNames;
    @Nullable String transactionSize;
    boolean useSetSessionAuthorization;

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
    public void options(OptionBinder o) {
        // General options (-d is among the connection options)
        file = o.string("-f --file");
        format = o.string("-F --format");
        list = o.flag("-l --list");
        verbose = o.count("-v --verbose");
        version = o.firstArgument("-V --version");
        help = o.firstArgument("-? --help");
        // Options controlling the restore
        dataOnly = o.flag("-a --data-only");
        clean = o.flag("-c --clean");
        create = o.flag("-C --create");
        exitOnError = o.flag("-e --exit-on-error");
        indexes = o.list("-I --index");
        jobs = o.string("-j --jobs");
        useList = o.string("-L --use-list");
        schemas = o.list("-n --schema");
        excludeSchemas = o.list("-N --exclude-schema");
        noOwner = o.flag("-O --no-owner");
        functions = o.list("-P --function");
        noReconnect = o.flag("-R --no-reconnect");
        schemaOnly = o.flag("-s --schema-only");
        superuser = o.string("-S --superuser");
        tables = o.list("-t --table");
        triggers = o.list("-T --trigger");
        noPrivileges = o.flag("-x --no-privileges --no-acl");
        singleTransaction = o.flag("-1 --single-transaction");
        disableTriggers = o.flag("--disable-triggers");
        enableRowSecurity = o.flag("--enable-row-security");
        filters = o.list("--filter");
        ifExists = o.flag("--if-exists");
        noComments = o.flag("--no-comments");
        noData = o.flag("--no-data");
        noDataForFailedTables = o.flag("--no-data-for-failed-tables");
        noPolicies = o.flag("--no-policies");
        noPublications = o.flag("--no-publications");
        noSchema = o.flag("--no-schema");
        noSecurityLabels = o.flag("--no-security-labels");
        noStatistics = o.flag("--no-statistics");
        noSubscriptions = o.flag("--no-subscriptions");
        noTableAccessMethod = o.flag("--no-table-access-method");
        noTablespaces = o.flag("--no-tablespaces");
        restrictKey = o.string("--restrict-key");
        sections = o.list("--section");
        statistics = o.flag("--statistics");
        statisticsOnly = o.flag("--statistics-only");
        strictNames = o.flag("--strict-names");
        transactionSize = o.string("--transaction-size");
        useSetSessionAuthorization = o.flag("--use-set-session-authorization");
        connection.options(o);
        operands = o.operands();
        given = o.given();
    }

    @Override
    public boolean debug() {
        return verbose >= 2;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) throws IOException {
        Integer early = PgTool.helpOrVersion(PROGRAM, SupportedOptions.PG_RESTORE, out, help, version);
        if (early != null) {
            return early;
        }
        RestoreRequest request = request();
        if (request.connection() != null) {
            JdkWarmUp.start();
        }
        out.flush();
        StderrProgress progress = StderrProgress.forRun(PROGRAM, err, verbose > 0,
                context);
        ArchiveFormat forced = request.format() == null ? null : ArchiveOpener.forcedFormat(request.format());
        boolean plainForced = request.format() != null && forced == null;
        if (plainForced && (request.list() || request.output() != null)) {
            throw ArchiveOpener.plainRefused(request.format());
        }
        try (RestoreInput input = forced != null && request.input() != null
                ? RestoreInput.unsniffed(request.input()) : RestoreInput.open(request.input(), context.stdin())) {
            if (forced == null && input.kind() == RestoreInput.Kind.PLAIN) {
                if (request.list() || request.output() != null || !(plainForced || input.isPgDumpScript())) {
                    throw input.notAnArchive();
                }
                return runScript(request, input, progress);
            }
            ArchiveFormat format = forced != null ? forced : ArchiveOpener.formatOf(input);
            ArchiveReader reader;
            try {
                reader = ArchiveOpener.open(input, format, context.zone());
            } catch (NoSuchFileException e) {
                throw new ArchiveFormatException("could not open input file \"" + input.name() + "\": "
                        + IoErrors.reason(e), e);
            }
            try (reader) {
                return restore(request, input, reader, format, progress);
            }
        }
    }

    /**
     * Our extension: a plain dump, or with {@code -F p} any SQL script (pg_restore refuses both), run into the
     * {@code -d} database.
     */
    private int runScript(RestoreRequest request, RestoreInput input, StderrProgress progress) {
        long errors = ScriptRestore.run(request, Objects.requireNonNull(input.stream()), context, progress);
        if (errors > 0) {
            progress.warning("errors ignored on restore: " + errors);
            return ExitCodes.ERROR;
        }
        return ExitCodes.OK;
    }

    /** -l, -f or -d on an opened archive; -L is read now, after the archive, as pg_restore reads it. */
    private int restore(RestoreRequest request, RestoreInput input, ArchiveReader reader, ArchiveFormat format,
                        StderrProgress progress)
            throws IOException {
        RestoreOptions options = request.options();
        if (request.useList() != null) {
            options = withUseList(options, UseList.parse(Path.of(request.useList())));
        }
        ZoneId zone = context.zone();
        if (request.list()) {
            try (OutputFile output = OutputFile.open(request.output(), context.stdout())) {
                PgRestore.list(reader, ArchiveOpener.listingName(format), options, output.stream(), progress, zone,
                        null);
                output.commit();
            }
            return ExitCodes.OK;
        }
        PgRestore.RestoreResult result;
        if (request.connection() == null) {
            try (OutputFile output = OutputFile.open(request.output(), context.stdout())) {
                result = PgRestore.run(reader, options, PgRestore.Target.script(output.stream()), progress, zone);
                output.commit();
            } finally {
                progress.finish();
            }
        } else {
            ArchiveSource again = null;
            if (options.execution().jobs() > 1) {
                // RestoreArchive's refusals, before connecting (the engine checks the archive's version)
                if (format.name().equals(ArchiveFormats.TAR)) {
                    throw new ArchiveFormatException("parallel restore is not supported with this archive file format");
                }
                Path path = input.path();
                if (path != null) {
                    again = () -> format.newReader(path);
                }
            }
            ConnectionSource source = Connections.open(request.connection(), context, progress, true);
            try {
                result = PgRestore.run(reader, again, options, PgRestore.Target.database(source), progress, zone);
            } finally {
                progress.finish();
            }
        }
        // PgRestore has printed "errors ignored on restore: N"
        return result.errorsIgnored() > 0 ? ExitCodes.ERROR : ExitCodes.OK;
    }

    private static RestoreOptions withUseList(RestoreOptions o, UseList useList) {
        RestoreOptions.Selection s = o.selection();
        return new RestoreOptions(o.content(), new RestoreOptions.Selection(s.schemas(), s.excludeSchemas(),
                s.tables(), s.indexes(), s.functions(), s.triggers(), s.strictNames(), useList), o.output(),
                o.execution());
    }

    /**
     * What to restore where.
     *
     * @param input      the archive or script; null reads standard input
     * @param connection the target database (-d and the connection options); null with -f or -l
     * @param output     -f: the script or listing file, {@code -} for stdout; null for stdout (-l) or none (-d)
     * @param format     -F as given, or null to detect
     * @param list       -l
     * @param useList    -L file, read after the archive is opened
     * @param options    everything else, checked
     */
    record RestoreRequest(@Nullable String input, @Nullable ConnArgs connection, @Nullable String output,
                          @Nullable String format, boolean list, @Nullable String useList, RestoreOptions options) {
        RestoreRequest {
            Objects.requireNonNull(options, "options");
        }

        /** Stop at the first failed statement (-e, implied by -1). */
        boolean exitOnError() {
            return options.execution().exitOnError();
        }

        /** Run everything in one transaction (-1). */
        boolean singleTransaction() {
            return options.execution().singleTransaction();
        }
    }

    /**
     * Checks the command line as pg_restore does, in its order, and turns it into a request.
     *
     * @throws UsageException with pg_restore's message
     */
    RestoreRequest request() {
        // option_parse_int runs while pg_restore parses its options: before every other check, without the hint
        int jobCount = jobs == null ? 1 : OptionInt.parse(jobs, "-j/--jobs", 1, Integer.MAX_VALUE);
        int txnSize = transactionSize == null ? 0
                : OptionInt.parse(transactionSize, "--transaction-size", 1, Integer.MAX_VALUE);
        for (String section : sections) {
            if (!section.equals("pre-data") && !section.equals("data") && !section.equals("post-data")) {
                // checked while pg_restore parses its options, so before everything else, with the hint
                throw new UsageHintException("unrecognized section name: \"" + section + "\"");
            }
        }
        RestoreFilters.apply(this, context.stdin()); // read while pg_restore reads its options
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
        checkConflicts(jobCount);
        SupportedOptions.requireImplemented(given, SupportedOptions.PG_RESTORE);
        ConnArgs conn = dbname == null ? null : ConnArgs.pgRestore(dbname, connection.host, connection.port,
                connection.username, connection.passwordMode());
        return new RestoreRequest(input, conn, file, format, list, useList, options(jobCount, txnSize));
    }

    /** The restore options pg_restore's switches give ({@link RestoreOptions.Builder#build()} checks them again). */
    private RestoreOptions options(int jobCount, int txnSize) {
        RestoreOptions.Builder b = RestoreOptions.builder()
                .dataOnly(dataOnly).schemaOnly(schemaOnly).statisticsOnly(statisticsOnly)
                .noData(noData).noSchema(noSchema).noStatistics(noStatistics).statistics(statistics)
                .noPrivileges(noPrivileges).noComments(noComments).noPolicies(noPolicies)
                .noPublications(noPublications).noSecurityLabels(noSecurityLabels).noSubscriptions(noSubscriptions)
                .strictNames(strictNames)
                .clean(clean).ifExists(ifExists).create(create).noOwner(noOwner).noTablespaces(noTablespaces)
                .noTableAccessMethod(noTableAccessMethod).verbose(verbose > 0).restrictKey(restrictKey)
                .disableTriggers(disableTriggers).superuser(superuser)
                .useSetSessionAuthorization(useSetSessionAuthorization)
                .exitOnError(exitOnError).singleTransaction(singleTransaction).role(connection.role)
                .enableRowSecurity(enableRowSecurity).jobs(jobCount).noDataForFailedTables(noDataForFailedTables);
        if (txnSize > 0) {
            b.transactionSize(txnSize);
        }
        sections.forEach(b::section);
        schemas.forEach(b::schema);
        excludeSchemas.forEach(b::excludeSchema);
        tables.forEach(b::table);
        indexes.forEach(b::index);
        functions.forEach(b::function);
        triggers.forEach(b::trigger);
        return b.build();
    }

    /** pg_restore 18's checks after option parsing, in its order and words. */
    private void checkConflicts(int jobCount) {
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
        if (singleTransaction && jobCount > 1) {
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
}
