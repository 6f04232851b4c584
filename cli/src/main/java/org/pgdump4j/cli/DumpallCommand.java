package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.connect.ConnArgs;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.connect.JdkWarmUp;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dumpall.DatabaseDumpException;
import org.pgdump4j.dumpall.DumpallOptions;
import org.pgdump4j.dumpall.PgDumpall;
import org.pgdump4j.io.Sync;

/**
 * {@code pgdump4j dumpall}: pg_dumpall 18's command line. Every option is declared and parsed as pg_dumpall parses
 * it; those not implemented yet ({@link SupportedOptions#PG_DUMPALL}) fail when given. The options pg_dumpall passes
 * on to pg_dump are handed to our {@code dump} command as pg_dumpall would pass them, so a database's dump is asked
 * exactly what pg_dump would be, and refused where our pg_dump refuses.
 */
final class DumpallCommand implements PgTool {
    static final String PROGRAM = "pg_dumpall";

    /** pg_dumpall.c (18.x): getopt's short options and long option table. */
    static final GetoptTable GETOPT = new GetoptTable("acd:E:f:gh:l:Op:rsS:tU:vwWx", List.of(
            "data-only", "clean", "encoding", "file", "globals-only", "host", "dbname", "database", "no-owner",
            "port", "roles-only", "schema-only", "superuser", "tablespaces-only", "username", "verbose",
            "no-password", "password", "no-privileges", "no-acl", "attribute-inserts", "binary-upgrade",
            "column-inserts", "disable-dollar-quoting", "disable-triggers", "exclude-database",
            "extra-float-digits", "if-exists", "inserts", "lock-wait-timeout", "no-table-access-method",
            "no-tablespaces", "quote-all-identifiers", "load-via-partition-root", "role",
            "use-set-session-authorization", "no-comments", "no-data", "no-policies", "no-publications",
            "no-role-passwords", "no-schema", "no-security-labels", "no-subscriptions", "no-statistics", "no-sync",
            "no-toast-compression", "no-unlogged-table-data", "on-conflict-do-nothing", "rows-per-insert",
            "statistics", "statistics-only", "filter", "sequence-data", "restrict-key"),
            Set.of());

    private final CliContext context;

    final ConnectionOptions connection = new ConnectionOptions();

    List<String> operands = new ArrayList<>();
    /** The options given, by primary name, in command-line order. */
    List<String> given = List.of();

    // General options
    @Nullable String file;
    int verbose;
    boolean version;
    @Nullable String lockWaitTimeout;
    boolean help;

    // Options controlling the output content
    boolean dataOnly;
    boolean clean;
    @Nullable String encoding;
    boolean globalsOnly;
    boolean noOwner;
    boolean rolesOnly;
    boolean schemaOnly;
    @Nullable String superuser;
    boolean tablespacesOnly;
    boolean noPrivileges;
    boolean binaryUpgrade;
    boolean columnInserts;
    boolean disableDollarQuoting;
    boolean disableTriggers;
    List<String> excludeDatabases = new ArrayList<>();
    @Nullable String extraFloatDigits;
    List<String> filters = new ArrayList<>();
    boolean ifExists;
    boolean inserts;
    boolean loadViaPartitionRoot;
    boolean noComments;
    boolean noData;
    boolean noPolicies;
    boolean noPublications;
    boolean noRolePasswords;
    boolean noSchema;
    boolean noSecurityLabels;
    boolean noStatistics;
    boolean noSubscriptions;
    boolean noSync;
    boolean noTableAccessMethod;
    boolean noTablespaces;
    boolean noToastCompression;
    boolean noUnloggedTableData;
    boolean onConflictDoNothing;
    boolean quoteAllIdentifiers;
    @Nullable String restrictKey;
    @Nullable String rowsPerInsert;
    boolean sequenceData;
    boolean statistics;
    boolean statisticsOnly;
    boolean useSetSessionAuthorization;

    // Connection options besides the shared ones
    @Nullable String database;

    DumpallCommand(CliContext context) {
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
        // General options
        file = o.string("-f --file");
        verbose = o.count("-v --verbose");
        version = o.firstArgument("-V --version");
        lockWaitTimeout = o.string("--lock-wait-timeout");
        help = o.firstArgument("-? --help");
        // Options controlling the output content
        dataOnly = o.flag("-a --data-only");
        clean = o.flag("-c --clean");
        encoding = o.string("-E --encoding");
        globalsOnly = o.flag("-g --globals-only");
        noOwner = o.flag("-O --no-owner");
        rolesOnly = o.flag("-r --roles-only");
        schemaOnly = o.flag("-s --schema-only");
        superuser = o.string("-S --superuser");
        tablespacesOnly = o.flag("-t --tablespaces-only");
        noPrivileges = o.flag("-x --no-privileges --no-acl");
        binaryUpgrade = o.flag("--binary-upgrade");
        columnInserts = o.flag("--column-inserts --attribute-inserts");
        disableDollarQuoting = o.flag("--disable-dollar-quoting");
        disableTriggers = o.flag("--disable-triggers");
        excludeDatabases = o.list("--exclude-database");
        extraFloatDigits = o.string("--extra-float-digits");
        filters = o.list("--filter");
        ifExists = o.flag("--if-exists");
        inserts = o.flag("--inserts");
        loadViaPartitionRoot = o.flag("--load-via-partition-root");
        noComments = o.flag("--no-comments");
        noData = o.flag("--no-data");
        noPolicies = o.flag("--no-policies");
        noPublications = o.flag("--no-publications");
        noRolePasswords = o.flag("--no-role-passwords");
        noSchema = o.flag("--no-schema");
        noSecurityLabels = o.flag("--no-security-labels");
        noStatistics = o.flag("--no-statistics");
        noSubscriptions = o.flag("--no-subscriptions");
        noSync = o.flag("--no-sync");
        noTableAccessMethod = o.flag("--no-table-access-method");
        noTablespaces = o.flag("--no-tablespaces");
        noToastCompression = o.flag("--no-toast-compression");
        noUnloggedTableData = o.flag("--no-unlogged-table-data");
        onConflictDoNothing = o.flag("--on-conflict-do-nothing");
        quoteAllIdentifiers = o.flag("--quote-all-identifiers");
        restrictKey = o.string("--restrict-key");
        rowsPerInsert = o.string("--rows-per-insert");
        sequenceData = o.flag("--sequence-data");
        statistics = o.flag("--statistics");
        statisticsOnly = o.flag("--statistics-only");
        useSetSessionAuthorization = o.flag("--use-set-session-authorization");
        // Connection options besides the shared ones
        database = o.string("-l --database");
        connection.options(o);
        operands = o.operands();
        given = o.given();
    }

    @Override
    public boolean debug() {
        return verbose >= 2;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        Integer early = PgTool.helpOrVersion(PROGRAM, SupportedOptions.PG_DUMPALL, out, help, version);
        if (early != null) {
            return early;
        }
        JdkWarmUp.start();
        DumpallOptions options = options();
        StderrProgress progress = StderrProgress.forRun(PROGRAM, err, options.verbose(), context);
        // -d's own dbname is ignored: every connection names its database (postgres, template1, -l, each dumped one)
        ConnArgs args = ConnArgs.pgDump(connection.dbname, connection.host, connection.port, connection.username,
                connection.passwordMode());
        ConnectionSource source = Connections.open(args, context, progress, false);
        try {
            try {
                if (options.file() == null) {
                    PgDumpall.run(source, options, progress, context.stdout());
                } else {
                    PgDumpall.run(source, options, progress);
                }
            } finally {
                progress.finish();
            }
        } catch (DatabaseDumpException e) {
            if (!Termination.inProgress()) { // pg_dump's own error first, under its name, as pg_dumpall's child prints it
                ErrorPrinter.printError(err, DumpCommand.PROGRAM,
                        ErrorPrinter.message(e.getCause()));
            }
            throw e;
        }
        return ExitCodes.OK;
    }

    /**
     * Checks the command line as pg_dumpall does, in its order, and turns it into options.
     *
     * @throws UsageException with pg_dumpall's message
     */
    DumpallOptions options() {
        DumpallFilters.apply(this, context.stdin()); // read while pg_dumpall reads its options
        if (!operands.isEmpty()) {
            throw new UsageHintException("too many command-line arguments (first is \"" + operands.get(0) + "\")");
        }
        if (!excludeDatabases.isEmpty() && (globalsOnly || rolesOnly || tablespacesOnly)) {
            throw new UsageHintException("option --exclude-database cannot be used together with -g/--globals-only, "
                    + "-r/--roles-only, or -t/--tablespaces-only");
        }
        conflict(globalsOnly && rolesOnly, "-g/--globals-only", "-r/--roles-only");
        conflict(globalsOnly && tablespacesOnly, "-g/--globals-only", "-t/--tablespaces-only");
        if (ifExists && !clean) {
            throw new UsageException("option --if-exists requires option -c/--clean");
        }
        conflict(rolesOnly && tablespacesOnly, "-r/--roles-only", "-t/--tablespaces-only");
        SupportedOptions.requireImplemented(given, SupportedOptions.PG_DUMPALL);
        DumpallOptions.Scope scope = globalsOnly ? DumpallOptions.Scope.GLOBALS
                : rolesOnly ? DumpallOptions.Scope.ROLES
                : tablespacesOnly ? DumpallOptions.Scope.TABLESPACES : DumpallOptions.Scope.ALL;
        // pg_dumpall runs no pg_dump for globals alone: its options are then not checked either (but the quoting
        // of the globals, which the per-database session carries)
        DumpOptions perDatabase = scope == DumpallOptions.Scope.ALL ? databaseOptions() : DumpOptions.defaults()
                .withSession(new DumpOptions.Session(null, null, false, quoteAllIdentifiers));
        // as pg_dumpall 18.6: no schema, no globals
        return new DumpallOptions(scope, dataOnly || noSchema || statisticsOnly, clean, ifExists, noRolePasswords, noComments, noSecurityLabels,
                noPrivileges, noTablespaces, database, connection.role, excludeDatabases, restrictKey, encoding, verbose > 0,
                file == null ? null : Path.of(file), noSync ? Sync.NONE : Sync.FSYNC, perDatabase);
    }

    private static void conflict(boolean both, String first, String second) {
        if (both) {
            throw new UsageHintException("options " + first + " and " + second + " cannot be used together");
        }
    }

    /**
     * What each database's dump is asked: pg_dumpall's pass-through options, as it appends them to pg_dump's
     * command line, parsed and checked by our {@code dump} command (its refusals and conflicts are then ours).
     */
    private DumpOptions databaseOptions() {
        List<String> args = new ArrayList<>();
        flag(args, dataOnly, "-a");
        value(args, "-E", encoding);
        flag(args, noOwner, "-O");
        flag(args, schemaOnly, "-s");
        value(args, "-S", superuser);
        flag(args, verbose > 0, "-v");
        flag(args, noPrivileges, "-x");
        value(args, "--lock-wait-timeout", lockWaitTimeout);
        value(args, "--role", connection.role);
        flag(args, noSync, "--no-sync");
        value(args, "--extra-float-digits", extraFloatDigits);
        value(args, "--rows-per-insert", rowsPerInsert);
        flag(args, binaryUpgrade, "--binary-upgrade");
        flag(args, columnInserts, "--column-inserts");
        flag(args, disableDollarQuoting, "--disable-dollar-quoting");
        flag(args, disableTriggers, "--disable-triggers");
        flag(args, inserts, "--inserts");
        flag(args, noTableAccessMethod, "--no-table-access-method");
        flag(args, noTablespaces, "--no-tablespaces");
        flag(args, quoteAllIdentifiers, "--quote-all-identifiers");
        flag(args, loadViaPartitionRoot, "--load-via-partition-root");
        flag(args, useSetSessionAuthorization, "--use-set-session-authorization");
        flag(args, noComments, "--no-comments");
        flag(args, noData, "--no-data");
        flag(args, noPolicies, "--no-policies");
        flag(args, noPublications, "--no-publications");
        flag(args, noSecurityLabels, "--no-security-labels");
        flag(args, noSchema, "--no-schema");
        flag(args, noStatistics, "--no-statistics");
        flag(args, noSubscriptions, "--no-subscriptions");
        flag(args, noToastCompression, "--no-toast-compression");
        flag(args, noUnloggedTableData, "--no-unlogged-table-data");
        flag(args, onConflictDoNothing, "--on-conflict-do-nothing");
        flag(args, statistics, "--statistics");
        flag(args, statisticsOnly, "--statistics-only");
        flag(args, sequenceData, "--sequence-data");
        args.add("-Fp");
        DumpCommand dump = new DumpCommand(context);
        ToolRunner.parse(dump, args);
        return dump.request().options();
    }

    private static void flag(List<String> args, boolean given, String option) {
        if (given) {
            args.add(option);
        }
    }

    private static void value(List<String> args, String option, @Nullable String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }
}
