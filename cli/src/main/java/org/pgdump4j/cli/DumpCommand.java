package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.archive.codec.HeaderCodec;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.connect.ConnArgs;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.connect.JdkWarmUp;
import org.pgdump4j.dump.ContentFlags;
import org.pgdump4j.dump.DataOptions;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.inserts.InsertMode;
import org.pgdump4j.dump.ObjectSelection;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.io.Sync;
import org.pgdump4j.restore.RenderOptions;
import org.pgdump4j.toc.Section;

/**
 * {@code pgdump4j dump}: pg_dump 18's command line. Every pg_dump option is declared; those not implemented
 * yet ({@link SupportedOptions#PG_DUMP}) fail when given. The conflict checks run in pg_dump's order with
 * its messages, so a wrong command line fails exactly as with pg_dump.
 */
final class DumpCommand implements PgTool {
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
            "exclude-extension", "sequence-data", "restrict-key",
            "archive-version"), // ours, not pg_dump's
            Set.of("-X", "--help", "--version"));

    private final CliContext context;
    private int jobCount = 1;

    final ConnectionOptions connection = new ConnectionOptions();

    List<String> operands = new ArrayList<>();
    /** The options given, by primary name, in command-line order. */
    List<String> given = List.of();

    // General options
    @Nullable String file;
    @Nullable String format;
    @Nullable String jobs;
    int verbose;
    boolean version;
    @Nullable String compress;
    @Nullable String lockWaitTimeout;
    boolean noSync;
    @Nullable String syncMethod;
    boolean help;
    /** Ours: the archive version to write (1.14 for pg_restore 12..15, 1.15 for 16, 1.16 by default). */
    @Nullable String archiveVersion;

    // Options controlling the output content
    boolean dataOnly;
    boolean largeObjects;
    boolean noLargeObjects;
    boolean clean;
    boolean create;
    List<String> extensions = new ArrayList<>();
    @Nullable String encoding;
    List<String> schemas = new ArrayList<>();
    List<String> excludeSchemas = new ArrayList<>();
    boolean noOwner;
    boolean noReconnect;
    boolean schemaOnly;
    @Nullable String superuser;
    List<String> tables = new ArrayList<>();
    List<String> excludeTables = new ArrayList<>();
    boolean noPrivileges;
    boolean binaryUpgrade;
    boolean columnInserts;
    boolean disableDollarQuoting;
    boolean disableTriggers;
    boolean enableRowSecurity;
    List<String> excludeExtensions = new ArrayList<>();
    List<String> excludeTablesAndChildren = new ArrayList<>();
    List<String> excludeTableData = new ArrayList<>();
    List<String> excludeTableDataAndChildren = new ArrayList<>();
    @Nullable String extraFloatDigits;
    List<String> filters = new ArrayList<>();
    boolean ifExists;
    List<String> includeForeignData = new ArrayList<>();
    boolean inserts;
    boolean loadViaPartitionRoot;
    boolean noComments;
    boolean noData;
    boolean noPolicies;
    boolean noPublications;
    boolean noSchema;
    boolean noSecurityLabels;
    boolean noStatistics;
    boolean noSubscriptions;
    boolean noTableAccessMethod;
    boolean noTablespaces;
    boolean noToastCompression;
    boolean noUnloggedTableData;
    boolean onConflictDoNothing;
    boolean quoteAllIdentifiers;
    @Nullable String restrictKey;
    @Nullable String rowsPerInsert;
    List<String> sections = new ArrayList<>();
    boolean sequenceData;
    boolean serializableDeferrable;
    @Nullable String snapshot;
    boolean statistics;
    boolean statisticsOnly;
    boolean strictNames;
    List<String> tablesAndChildren = new ArrayList<>();
    boolean useSetSessionAuthorization;

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
    public void options(OptionBinder o) {
        // General options
        file = o.string("-f --file");
        format = o.string("-F --format");
        jobs = o.string("-j --jobs");
        verbose = o.count("-v --verbose");
        version = o.firstArgument("-V --version");
        compress = o.string("-Z --compress");
        lockWaitTimeout = o.string("--lock-wait-timeout");
        noSync = o.flag("--no-sync");
        syncMethod = o.string("--sync-method");
        help = o.firstArgument("-? --help");
        archiveVersion = o.string("--archive-version");
        // Options controlling the output content
        dataOnly = o.flag("-a --data-only");
        largeObjects = o.flag("-b --large-objects --blobs");
        noLargeObjects = o.flag("-B --no-large-objects --no-blobs");
        clean = o.flag("-c --clean");
        create = o.flag("-C --create");
        extensions = o.list("-e --extension");
        encoding = o.string("-E --encoding");
        schemas = o.list("-n --schema");
        excludeSchemas = o.list("-N --exclude-schema");
        noOwner = o.flag("-O --no-owner");
        noReconnect = o.flag("-R --no-reconnect");
        schemaOnly = o.flag("-s --schema-only");
        superuser = o.string("-S --superuser");
        tables = o.list("-t --table");
        excludeTables = o.list("-T --exclude-table");
        noPrivileges = o.flag("-x --no-privileges --no-acl");
        binaryUpgrade = o.flag("--binary-upgrade");
        columnInserts = o.flag("--column-inserts --attribute-inserts");
        disableDollarQuoting = o.flag("--disable-dollar-quoting");
        disableTriggers = o.flag("--disable-triggers");
        enableRowSecurity = o.flag("--enable-row-security");
        excludeExtensions = o.list("--exclude-extension");
        excludeTablesAndChildren = o.list("--exclude-table-and-children");
        excludeTableData = o.list("--exclude-table-data");
        excludeTableDataAndChildren = o.list("--exclude-table-data-and-children");
        extraFloatDigits = o.string("--extra-float-digits");
        filters = o.list("--filter");
        ifExists = o.flag("--if-exists");
        includeForeignData = o.list("--include-foreign-data");
        inserts = o.flag("--inserts");
        loadViaPartitionRoot = o.flag("--load-via-partition-root");
        noComments = o.flag("--no-comments");
        noData = o.flag("--no-data");
        noPolicies = o.flag("--no-policies");
        noPublications = o.flag("--no-publications");
        noSchema = o.flag("--no-schema");
        noSecurityLabels = o.flag("--no-security-labels");
        noStatistics = o.flag("--no-statistics");
        noSubscriptions = o.flag("--no-subscriptions");
        noTableAccessMethod = o.flag("--no-table-access-method");
        noTablespaces = o.flag("--no-tablespaces");
        noToastCompression = o.flag("--no-toast-compression");
        noUnloggedTableData = o.flag("--no-unlogged-table-data");
        onConflictDoNothing = o.flag("--on-conflict-do-nothing");
        quoteAllIdentifiers = o.flag("--quote-all-identifiers");
        restrictKey = o.string("--restrict-key");
        rowsPerInsert = o.string("--rows-per-insert");
        sections = o.list("--section");
        sequenceData = o.flag("--sequence-data");
        serializableDeferrable = o.flag("--serializable-deferrable");
        snapshot = o.string("--snapshot");
        statistics = o.flag("--statistics");
        statisticsOnly = o.flag("--statistics-only");
        strictNames = o.flag("--strict-names");
        tablesAndChildren = o.list("--table-and-children");
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
    public int run(PrintWriter out, PrintWriter err) {
        Integer early = PgTool.helpOrVersion(PROGRAM, SupportedOptions.PG_DUMP, out, help, version);
        if (early != null) {
            return early;
        }
        JdkWarmUp.start();
        DumpRequest request = request();
        StderrProgress progress = StderrProgress.forRun(PROGRAM, err,
                request.options().verbose(), context);
        request.warnings().forEach(progress::warning);
        ConnectionSource source = Connections.open(request.connection(), context, progress, false);
        try {
            PgDump.run(source, request.options(), progress);
        } finally {
            progress.finish();
        }
        return ExitCodes.OK;
    }

    /**
     * What to connect to and what to dump.
     *
     * @param warnings what pg_dump warns about the command line ({@code -Z zstd:workers=2})
     */
    record DumpRequest(ConnArgs connection, DumpOptions options, List<String> warnings) {
        DumpRequest {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Checks the command line as pg_dump does, in its order, and turns it into a request.
     *
     * @throws UsageException with pg_dump's message
     */
    DumpRequest request() {
        // parsed while pg_dump reads its options: before the operands and the conflicts are checked
        jobCount = jobs == null ? 1 : OptionInt.parse(jobs, "-j/--jobs", 1, Integer.MAX_VALUE);
        Integer floatDigits = extraFloatDigits == null ? null
                : OptionInt.parse(extraFloatDigits, "--extra-float-digits", -15, 3);
        Integer rows = rowsPerInsert == null ? null
                : OptionInt.parse(rowsPerInsert, "--rows-per-insert", 1, Integer.MAX_VALUE);
        Set<Section> dumpSections = DumpSections.parse(sections);
        DumpFilters.apply(this, context.stdin()); // read while pg_dump reads its options, into their patterns
        String dbname = connection.dbname;
        List<String> rest = operands;
        if (dbname == null && !rest.isEmpty()) {
            dbname = rest.get(0);
            rest = rest.subList(1, rest.size());
        }
        if (!rest.isEmpty()) {
            throw new UsageHintException("too many command-line arguments (first is \"" + rest.get(0) + "\")");
        }
        Sync sync = syncMethod == null ? Sync.FSYNC : Sync.method(syncMethod);
        checkConflicts();
        OutputFormat outputFormat = outputFormat();
        RenderOptions render;
        if (outputFormat == OutputFormat.PLAIN) {
            render = new RenderOptions(noOwner, noPrivileges, noComments, clean, ifExists, create, restrictKey,
                    useSetSessionAuthorization, disableDollarQuoting);
        } else if (restrictKey != null) {
            throw new UsageException("option --restrict-key can only be used with --format=plain");
        } else {
            render = new RenderOptions(noOwner, noPrivileges, noComments, clean, ifExists, create, null,
                    useSetSessionAuthorization, disableDollarQuoting);
        }
        List<String> warnings = new ArrayList<>();
        DumpOptions.ArchiveSettings archive = archiveSettings(outputFormat, warnings);
        SupportedOptions.requireImplemented(given, SupportedOptions.PG_DUMP);
        ObjectSelection selection = new ObjectSelection(schemas, excludeSchemas, tables, excludeTables, extensions,
                excludeExtensions, strictNames).withChildren(tablesAndChildren, excludeTablesAndChildren)
                .withDataRules(excludeTableData, excludeTableDataAndChildren, noUnloggedTableData)
                .withForeignData(includeForeignData);
        DumpOptions options = DumpOptions.builder().file(outputPath(outputFormat)).format(outputFormat)
                .selection(selection).content(new ContentFlags(schemaOnly, dataOnly, statisticsOnly, noSchema, noData,
                        statistics, noStatistics, loadViaPartitionRoot).withSections(dumpSections)
                        .withLargeObjects(largeObjects ? ContentFlags.LargeObjects.INCLUDE
                                : noLargeObjects ? ContentFlags.LargeObjects.EXCLUDE
                                : ContentFlags.LargeObjects.DEFAULT).withSequenceData(sequenceData)).render(render)
                .encoding(encoding).verbose(verbose > 0).archive(archive).sync(noSync ? Sync.NONE : sync)
                .omit(new DumpOptions.Omit(noPublications, noSubscriptions, noPolicies, noToastCompression,
                        noTablespaces, noTableAccessMethod, noSecurityLabels))
                .session(new DumpOptions.Session(connection.role, floatDigits, enableRowSecurity,
                        quoteAllIdentifiers))
                .data(new DataOptions(inserts || columnInserts || rows != null
                        ? new InsertMode(rows == null ? 1 : rows, columnInserts, onConflictDoNothing) : null,
                        disableTriggers, superuser))
                .execution(new DumpOptions.Execution(jobCount, snapshot, serializableDeferrable, lockWaitTimeout))
                .build();
        ConnArgs conn = ConnArgs.pgDump(dbname, connection.host, connection.port, connection.username,
                connection.passwordMode());
        return new DumpRequest(conn, options, warnings);
    }

    /**
     * {@code -Z} and {@code --archive-version}, checked in pg_dump's order: the compression specification, the
     * workers warning, parallel jobs only for a directory, then what opening the archive checks (a directory needs
     * {@code -f}; tar takes no compression).
     */
    private DumpOptions.ArchiveSettings archiveSettings(OutputFormat outputFormat, List<String> warnings) {
        Compression compression = compress == null ? null : Compression.parse(compress);
        if (compress != null && workersGiven(compress)) {
            warnings.add("compression option \"workers\" is not currently supported by pg_dump");
        }
        if (outputFormat != OutputFormat.DIRECTORY && parallelJobs() > 1) {
            throw new UsageException("parallel backup only supported by the directory format");
        }
        boolean compressed = compression != null && compression.method() != Compression.Method.NONE;
        switch (outputFormat) {
            case DIRECTORY -> {
                if (file == null) {
                    throw new UsageException("no output directory specified");
                }
            }
            case TAR -> {
                if (compressed) {
                    throw new UsageException("compression is not supported by tar archive format");
                }
            }
            case PLAIN, CUSTOM -> {
                // any compression (a script is compressed as a whole)
            }
        }
        ArchiveVersion version = ArchiveVersion.DEFAULT;
        if (archiveVersion != null) {
            if (outputFormat == OutputFormat.PLAIN) {
                throw new UsageException("option --archive-version cannot be used with --format=plain");
            }
            version = archiveVersion(archiveVersion);
            if (compression != null && !version.atLeast(ArchiveVersion.V1_15)) {
                HeaderCodec.toLevel(compression, version); // lz4 and zstd need 1.15: the writer's message, now
            }
        }
        return new DumpOptions.ArchiveSettings(compression, version);
    }

    /** {@code --archive-version}: 1.14, 1.15 or 1.16. */
    static ArchiveVersion archiveVersion(String spec) {
        for (ArchiveVersion v : List.of(ArchiveVersion.V1_14, ArchiveVersion.V1_15, ArchiveVersion.V1_16)) {
            if (spec.equals(v.major() + "." + v.minor())) {
                return v;
            }
        }
        throw new UsageException("invalid archive version \"" + spec + "\"; please specify 1.14, 1.15 or 1.16");
    }

    /** A {@code -Z} detail naming the zstd {@code workers} option, which pg_dump accepts and ignores with a warning. */
    private static boolean workersGiven(String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return false;
        }
        for (String item : spec.substring(colon + 1).split(",", -1)) {
            int eq = item.indexOf('=');
            if ((eq < 0 ? item : item.substring(0, eq)).equals("workers")) {
                return true;
            }
        }
        return false;
    }

    /** pg_dump 18's checks after option parsing (§1.4.1 of the inventory), in its order and words. */
    private void checkConflicts() {
        boolean insertMode = inserts || columnInserts || rowsPerInsert != null;
        ContentFlags.checkConflicts(schemaOnly, dataOnly, statisticsOnly, noSchema, noData, statistics, noStatistics);
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

    /** {@code -j}, once {@link #request()} has read it. */
    private int parallelJobs() {
        return jobCount;
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

    /**
     * {@code -f}; no {@code -f} writes to stdout. {@code -f -} is stdout for a plain dump only: for the archive
     * formats pg_dump creates a file (or directory) named {@code -}, and so do we.
     */
    private @Nullable Path outputPath(OutputFormat outputFormat) {
        if (file == null || (file.equals("-") && outputFormat == OutputFormat.PLAIN)) {
            return null;
        }
        return Path.of(file);
    }
}
