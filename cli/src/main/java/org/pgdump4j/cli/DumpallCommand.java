package org.pgdump4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pgdump4j dumpall}: pg_dumpall 18's command line. Every option is declared and parsed as
 * pg_dumpall parses it, but nothing runs yet: any command line except {@code --help}/{@code --version}
 * fails with {@code pg_dumpall is not supported yet}.
 */
@Command(name = "dumpall", preprocessor = GetoptPreprocessor.class,
        description = "Dump a cluster, as pg_dumpall does (same options; not supported yet).")
final class DumpallCommand implements Callable<Integer>, PgTool {
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

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(arity = "0..*")
    List<String> operands = new ArrayList<>();

    // General options
    @Option(names = {"-f", "--file"}) @Nullable String file;
    @Option(names = {"-v", "--verbose"}) boolean[] verbose = new boolean[0];
    @Option(names = {"-V", "--version"}) boolean version;
    @Option(names = "--lock-wait-timeout") @Nullable String lockWaitTimeout;
    @Option(names = {"-?", "--help"}) boolean help;

    // Options controlling the output content
    @Option(names = {"-a", "--data-only"}) boolean dataOnly;
    @Option(names = {"-c", "--clean"}) boolean clean;
    @Option(names = {"-E", "--encoding"}) @Nullable String encoding;
    @Option(names = {"-g", "--globals-only"}) boolean globalsOnly;
    @Option(names = {"-O", "--no-owner"}) boolean noOwner;
    @Option(names = {"-r", "--roles-only"}) boolean rolesOnly;
    @Option(names = {"-s", "--schema-only"}) boolean schemaOnly;
    @Option(names = {"-S", "--superuser"}) @Nullable String superuser;
    @Option(names = {"-t", "--tablespaces-only"}) boolean tablespacesOnly;
    @Option(names = {"-x", "--no-privileges", "--no-acl"}) boolean noPrivileges;
    @Option(names = "--binary-upgrade") boolean binaryUpgrade;
    @Option(names = {"--column-inserts", "--attribute-inserts"}) boolean columnInserts;
    @Option(names = "--disable-dollar-quoting") boolean disableDollarQuoting;
    @Option(names = "--disable-triggers") boolean disableTriggers;
    @Option(names = "--exclude-database") List<String> excludeDatabases = new ArrayList<>();
    @Option(names = "--extra-float-digits") @Nullable String extraFloatDigits;
    @Option(names = "--filter") List<String> filters = new ArrayList<>();
    @Option(names = "--if-exists") boolean ifExists;
    @Option(names = "--inserts") boolean inserts;
    @Option(names = "--load-via-partition-root") boolean loadViaPartitionRoot;
    @Option(names = "--no-comments") boolean noComments;
    @Option(names = "--no-data") boolean noData;
    @Option(names = "--no-policies") boolean noPolicies;
    @Option(names = "--no-publications") boolean noPublications;
    @Option(names = "--no-role-passwords") boolean noRolePasswords;
    @Option(names = "--no-schema") boolean noSchema;
    @Option(names = "--no-security-labels") boolean noSecurityLabels;
    @Option(names = "--no-statistics") boolean noStatistics;
    @Option(names = "--no-subscriptions") boolean noSubscriptions;
    @Option(names = "--no-sync") boolean noSync;
    @Option(names = "--no-table-access-method") boolean noTableAccessMethod;
    @Option(names = "--no-tablespaces") boolean noTablespaces;
    @Option(names = "--no-toast-compression") boolean noToastCompression;
    @Option(names = "--no-unlogged-table-data") boolean noUnloggedTableData;
    @Option(names = "--on-conflict-do-nothing") boolean onConflictDoNothing;
    @Option(names = "--quote-all-identifiers") boolean quoteAllIdentifiers;
    @Option(names = "--restrict-key") @Nullable String restrictKey;
    @Option(names = "--rows-per-insert") @Nullable String rowsPerInsert;
    @Option(names = "--sequence-data") boolean sequenceData;
    @Option(names = "--statistics") boolean statistics;
    @Option(names = "--statistics-only") boolean statisticsOnly;
    @Option(names = "--use-set-session-authorization") boolean useSetSessionAuthorization;

    // Connection options besides the shared ones
    @Option(names = {"-l", "--database"}) @Nullable String database;

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
        Integer early = PgTool.helpOrVersion(PROGRAM, null, out, help, version);
        if (early != null) {
            return early;
        }
        if (!operands.isEmpty()) {
            throw new UsageHintException("too many command-line arguments (first is \"" + operands.get(0) + "\")");
        }
        throw new PgDumpException("pg_dumpall is not supported yet");
    }
}
