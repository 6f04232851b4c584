package org.pgdump4j.cli;

import static org.pgdump4j.cli.SupportedOptions.Status.IMPLEMENTED;
import static org.pgdump4j.cli.SupportedOptions.Status.NOT_YET;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.UsageException;

/**
 * Which of the real programs' options pgdump4j implements so far: one row per option, by its primary long
 * name. An option marked {@link Status#NOT_YET} is still declared (so it parses exactly as the real program
 * parses it) but fails with {@code option --x is not supported yet} when given: never silently ignored.
 * Implementing an option = flipping its row and mapping its field.
 */
final class SupportedOptions {
    enum Status { IMPLEMENTED, NOT_YET }

    /** pg_dump 18: the 73 options, in {@code --help} order, then ours ({@code --archive-version}). */
    static final Map<String, Status> PG_DUMP = table(
            // General options
            "--file", IMPLEMENTED,
            "--format", IMPLEMENTED,
            "--jobs", IMPLEMENTED,
            "--verbose", IMPLEMENTED,
            "--version", IMPLEMENTED,
            "--compress", IMPLEMENTED,
            "--lock-wait-timeout", IMPLEMENTED,
            "--no-sync", IMPLEMENTED,
            "--sync-method", IMPLEMENTED,      // syncfs through coreutils' sync --file-system
            "--help", IMPLEMENTED,
            // Options controlling the output content
            "--data-only", IMPLEMENTED,
            "--large-objects", IMPLEMENTED,
            "--no-large-objects", IMPLEMENTED,
            "--clean", IMPLEMENTED,
            "--create", IMPLEMENTED,
            "--extension", IMPLEMENTED,
            "--encoding", IMPLEMENTED,
            "--schema", IMPLEMENTED,
            "--exclude-schema", IMPLEMENTED,
            "--no-owner", IMPLEMENTED,
            "--no-reconnect", IMPLEMENTED,      // obsolete no-op, as in pg_dump
            "--schema-only", IMPLEMENTED,
            "--superuser", IMPLEMENTED,
            "--table", IMPLEMENTED,
            "--exclude-table", IMPLEMENTED,
            "--no-privileges", IMPLEMENTED,
            "--binary-upgrade", NOT_YET,
            "--column-inserts", IMPLEMENTED,
            "--disable-dollar-quoting", IMPLEMENTED,
            "--disable-triggers", IMPLEMENTED,
            "--enable-row-security", IMPLEMENTED,
            "--exclude-extension", IMPLEMENTED,
            "--exclude-table-and-children", IMPLEMENTED,
            "--exclude-table-data", IMPLEMENTED,
            "--exclude-table-data-and-children", IMPLEMENTED,
            "--extra-float-digits", IMPLEMENTED,
            "--filter", IMPLEMENTED,
            "--if-exists", IMPLEMENTED,
            "--include-foreign-data", IMPLEMENTED,
            "--inserts", IMPLEMENTED,
            "--load-via-partition-root", IMPLEMENTED,
            "--no-comments", IMPLEMENTED,
            "--no-data", IMPLEMENTED,
            "--no-policies", IMPLEMENTED,
            "--no-publications", IMPLEMENTED,
            "--no-schema", IMPLEMENTED,
            "--no-security-labels", IMPLEMENTED,
            "--no-statistics", IMPLEMENTED,
            "--no-subscriptions", IMPLEMENTED,
            "--no-table-access-method", IMPLEMENTED,
            "--no-tablespaces", IMPLEMENTED,
            "--no-toast-compression", IMPLEMENTED,
            "--no-unlogged-table-data", IMPLEMENTED,
            "--on-conflict-do-nothing", IMPLEMENTED,
            "--quote-all-identifiers", IMPLEMENTED,
            "--restrict-key", IMPLEMENTED,
            "--rows-per-insert", IMPLEMENTED,
            "--section", IMPLEMENTED,
            "--sequence-data", IMPLEMENTED,
            "--serializable-deferrable", IMPLEMENTED,
            "--snapshot", IMPLEMENTED,
            "--statistics", IMPLEMENTED,
            "--statistics-only", IMPLEMENTED,
            "--strict-names", IMPLEMENTED,
            "--table-and-children", IMPLEMENTED,
            "--use-set-session-authorization", IMPLEMENTED,
            // Connection options
            "--dbname", IMPLEMENTED,
            "--host", IMPLEMENTED,
            "--port", IMPLEMENTED,
            "--username", IMPLEMENTED,
            "--no-password", IMPLEMENTED,
            "--password", IMPLEMENTED,
            "--role", IMPLEMENTED,
            // pgdump4j's own
            "--archive-version", IMPLEMENTED);

    /** pg_restore 18: the 53 options, in {@code --help} order (plus -R, which it omits there). */
    static final Map<String, Status> PG_RESTORE = table(
            // General options
            "--dbname", IMPLEMENTED,
            "--file", IMPLEMENTED,
            "--format", IMPLEMENTED,
            "--list", IMPLEMENTED,
            "--verbose", IMPLEMENTED,
            "--version", IMPLEMENTED,
            "--help", IMPLEMENTED,
            // Options controlling the restore
            "--data-only", IMPLEMENTED,
            "--clean", IMPLEMENTED,
            "--create", IMPLEMENTED,
            "--exit-on-error", IMPLEMENTED,
            "--index", IMPLEMENTED,
            "--jobs", IMPLEMENTED,
            "--use-list", IMPLEMENTED,
            "--schema", IMPLEMENTED,
            "--exclude-schema", IMPLEMENTED,
            "--no-owner", IMPLEMENTED,
            "--function", IMPLEMENTED,
            "--schema-only", IMPLEMENTED,
            "--superuser", IMPLEMENTED,
            "--table", IMPLEMENTED,
            "--trigger", IMPLEMENTED,
            "--no-privileges", IMPLEMENTED,
            "--single-transaction", IMPLEMENTED,
            "--disable-triggers", IMPLEMENTED,
            "--enable-row-security", IMPLEMENTED,
            "--filter", IMPLEMENTED,
            "--if-exists", IMPLEMENTED,
            "--no-comments", IMPLEMENTED,
            "--no-data", IMPLEMENTED,
            "--no-data-for-failed-tables", IMPLEMENTED,
            "--no-policies", IMPLEMENTED,
            "--no-publications", IMPLEMENTED,
            "--no-schema", IMPLEMENTED,
            "--no-security-labels", IMPLEMENTED,
            "--no-statistics", IMPLEMENTED,
            "--no-subscriptions", IMPLEMENTED,
            "--no-table-access-method", IMPLEMENTED,
            "--no-tablespaces", IMPLEMENTED,
            "--restrict-key", IMPLEMENTED,
            "--section", IMPLEMENTED,
            "--statistics", IMPLEMENTED,
            "--statistics-only", IMPLEMENTED,
            "--strict-names", IMPLEMENTED,
            "--transaction-size", IMPLEMENTED,
            "--use-set-session-authorization", IMPLEMENTED,
            "--no-reconnect", IMPLEMENTED,      // obsolete no-op, as in pg_restore
            // Connection options
            "--host", IMPLEMENTED,
            "--port", IMPLEMENTED,
            "--username", IMPLEMENTED,
            "--no-password", IMPLEMENTED,
            "--password", IMPLEMENTED,
            "--role", IMPLEMENTED);

    /**
     * pg_dumpall 18: the 55 options, in {@code --help} order. An option pg_dumpall passes on to pg_dump is also
     * checked by {@link #PG_DUMP} when databases are dumped; implemented here = covered by DumpallCompatIT.
     */
    static final Map<String, Status> PG_DUMPALL = table(
            // General options
            "--file", IMPLEMENTED,
            "--verbose", IMPLEMENTED,
            "--version", IMPLEMENTED,
            "--lock-wait-timeout", IMPLEMENTED,
            "--help", IMPLEMENTED,
            // Options controlling the output content
            "--data-only", IMPLEMENTED,
            "--clean", IMPLEMENTED,
            "--encoding", IMPLEMENTED,
            "--globals-only", IMPLEMENTED,
            "--no-owner", IMPLEMENTED,
            "--roles-only", IMPLEMENTED,
            "--schema-only", IMPLEMENTED,
            "--superuser", IMPLEMENTED,
            "--tablespaces-only", IMPLEMENTED,
            "--no-privileges", IMPLEMENTED,
            "--binary-upgrade", NOT_YET,
            "--column-inserts", IMPLEMENTED,
            "--disable-dollar-quoting", IMPLEMENTED,
            "--disable-triggers", IMPLEMENTED,
            "--exclude-database", IMPLEMENTED,
            "--extra-float-digits", IMPLEMENTED,
            "--filter", IMPLEMENTED,
            "--if-exists", IMPLEMENTED,
            "--inserts", IMPLEMENTED,
            "--load-via-partition-root", IMPLEMENTED,
            "--no-comments", IMPLEMENTED,
            "--no-data", IMPLEMENTED,
            "--no-policies", IMPLEMENTED,
            "--no-publications", IMPLEMENTED,
            "--no-role-passwords", IMPLEMENTED,
            "--no-schema", IMPLEMENTED,
            "--no-security-labels", IMPLEMENTED,
            "--no-statistics", IMPLEMENTED,
            "--no-subscriptions", IMPLEMENTED,
            "--no-sync", IMPLEMENTED,
            "--no-table-access-method", IMPLEMENTED,
            "--no-tablespaces", IMPLEMENTED,
            "--no-toast-compression", IMPLEMENTED,
            "--no-unlogged-table-data", IMPLEMENTED,
            "--on-conflict-do-nothing", IMPLEMENTED,
            "--quote-all-identifiers", IMPLEMENTED,
            "--restrict-key", IMPLEMENTED,
            "--rows-per-insert", IMPLEMENTED,
            "--sequence-data", IMPLEMENTED,
            "--statistics", IMPLEMENTED,
            "--statistics-only", IMPLEMENTED,
            "--use-set-session-authorization", IMPLEMENTED,
            // Connection options
            "--dbname", IMPLEMENTED,
            "--host", IMPLEMENTED,
            "--database", IMPLEMENTED,
            "--port", IMPLEMENTED,
            "--username", IMPLEMENTED,
            "--no-password", IMPLEMENTED,
            "--password", IMPLEMENTED,
            "--role", IMPLEMENTED);

    private SupportedOptions() {
    }

    /**
     * Fails on the first option of the command line (in the order given) whose row says {@code NOT_YET}.
     *
     * @param given the options given, by primary name ({@link OptionBinder#given()})
     * @throws UsageException {@code option --x is not supported yet}
     */
    static void requireImplemented(List<String> given, Map<String, Status> table) {
        for (String name : given) {
            Status status = table.get(name);
            if (status == null) {
                throw new IllegalStateException("no support status for option " + name);
            }
            if (status == NOT_YET) {
                throw notSupported(name);
            }
        }
    }

    /** {@code option --format=custom is not supported yet}. */
    static UsageException notSupported(String option) {
        return new UsageException("option " + option + " is not supported yet");
    }

    private static Map<String, Status> table(Object... nameStatusPairs) {
        Map<String, Status> table = new LinkedHashMap<>();
        for (int i = 0; i < nameStatusPairs.length; i += 2) {
            String name = (String) nameStatusPairs[i];
            if (table.put(name, (Status) nameStatusPairs[i + 1]) != null) {
                throw new IllegalStateException("duplicate row " + name);
            }
        }
        return Collections.unmodifiableMap(table);
    }
}
