package org.pgdump4j.restore;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.toc.Section;

/**
 * What pg_restore 18 restores and how, after its option checks. Build one with {@link #builder()}, whose setters
 * are pg_restore's switches; {@link Builder#build()} rejects the combinations pg_restore rejects, with its words.
 *
 * @param content   which parts of the selected entries (schema, data, statistics, sections, skipped kinds)
 * @param selection -n/-N/-t/-I/-P/-T names, --strict-names and the -L use-list
 * @param output    how entries are turned into SQL (clean, create, owners, verbose, restrict key...)
 * @param execution how SQL is run (exit on error, single transaction, role, row security, jobs, transaction size)
 */
public record RestoreOptions(Content content, Selection selection, Output output, Execution execution) {
    public static final RestoreOptions DEFAULTS = builder().build();

    public RestoreOptions {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(execution, "execution");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The derived content flags (pg_restore's dumpSchema/dumpData/dumpStatistics) and the kinds to leave out.
     *
     * @param sections the sections to restore (--section; all three by default)
     */
    public record Content(boolean schema, boolean data, boolean statistics, Set<Section> sections,
                          Skips skips) {
        public Content {
            sections = Set.copyOf(sections);
            Objects.requireNonNull(skips, "skips");
        }
    }

    /** --no-privileges, --no-comments, --no-policies, --no-publications, --no-security-labels, --no-subscriptions. */
    public record Skips(boolean privileges, boolean comments, boolean policies, boolean publications,
                       boolean securityLabels, boolean subscriptions) {
        public static final Skips NONE = new Skips(false, false, false, false, false, false);
    }

    /**
     * Exact names (pg_restore does no pattern matching): -n, -N, -t, -I, -P (as {@code name(args)}), -T.
     *
     * @param useList the parsed -L file, or null for none
     */
    public record Selection(List<String> schemas, List<String> excludeSchemas, List<String> tables,
                            List<String> indexes, List<String> functions, List<String> triggers,
                            boolean strictNames, @Nullable UseList useList) {
        public static final Selection ALL = new Selection(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), false, null);

        public Selection {
            schemas = List.copyOf(schemas);
            excludeSchemas = List.copyOf(excludeSchemas);
            tables = List.copyOf(tables);
            indexes = List.copyOf(indexes);
            functions = List.copyOf(functions);
            triggers = List.copyOf(triggers);
        }

        /** pg_restore's selTypes: any of -t, -I, -P, -T given. */
        public boolean selectsTypes() {
            return !tables.isEmpty() || !indexes.isEmpty() || !functions.isEmpty() || !triggers.isEmpty();
        }

        /** Any of -n, -N, -t, -I, -P, -T given (comments and ACLs then follow their parents). */
        public boolean selective() {
            return !schemas.isEmpty() || !excludeSchemas.isEmpty() || selectsTypes();
        }
    }

    /**
     * @param restrictKey     the {@code \restrict} key of script output; null for a random one
     * @param disableTriggers --disable-triggers: in a data-only restore, each table's triggers off around its data
     * @param superuser       -S: whom to become for that (SET SESSION AUTHORIZATION), null for the session's user
     * @param useSetSessionAuthorization --use-set-session-authorization: each entry made as its owner (SET SESSION
     *                        AUTHORIZATION before it) instead of ALTER ... OWNER TO after it
     */
    public record Output(boolean clean, boolean ifExists, boolean create, boolean noOwner, boolean noTablespaces,
                         boolean noTableAccessMethod, boolean verbose, @Nullable String restrictKey,
                         boolean disableTriggers, @Nullable String superuser, boolean useSetSessionAuthorization) {
        /** Ownership by ALTER ... OWNER TO. */
        public Output(boolean clean, boolean ifExists, boolean create, boolean noOwner, boolean noTablespaces,
                      boolean noTableAccessMethod, boolean verbose, @Nullable String restrictKey,
                      boolean disableTriggers, @Nullable String superuser) {
            this(clean, ifExists, create, noOwner, noTablespaces, noTableAccessMethod, verbose, restrictKey,
                    disableTriggers, superuser, false);
        }

        /** Triggers left alone. */
        public Output(boolean clean, boolean ifExists, boolean create, boolean noOwner, boolean noTablespaces,
                      boolean noTableAccessMethod, boolean verbose, @Nullable String restrictKey) {
            this(clean, ifExists, create, noOwner, noTablespaces, noTableAccessMethod, verbose, restrictKey, false,
                    null);
        }
    }

    /**
     * @param role            SET ROLE after every connect (--role), or null
     * @param jobs            -j: parallel workers of a restore into a database (1: serial; a script is always serial)
     * @param transactionSize --transaction-size: commit after this many objects (0: off)
     * @param noDataForFailedTables --no-data-for-failed-tables: a table whose CREATE failed (in a database) gets
     *                        no data
     */
    public record Execution(boolean exitOnError, boolean singleTransaction, @Nullable String role,
                            boolean enableRowSecurity, int jobs, int transactionSize, boolean noDataForFailedTables) {
        public Execution {
            if (jobs < 1 || transactionSize < 0) {
                throw new IllegalArgumentException("jobs " + jobs + ", transaction size " + transactionSize);
            }
        }

        /** Data for every table. */
        public Execution(boolean exitOnError, boolean singleTransaction, @Nullable String role,
                         boolean enableRowSecurity, int jobs, int transactionSize) {
            this(exitOnError, singleTransaction, role, enableRowSecurity, jobs, transactionSize, false);
        }

        /** Serial, without --transaction-size. */
        public Execution(boolean exitOnError, boolean singleTransaction, @Nullable String role,
                         boolean enableRowSecurity) {
            this(exitOnError, singleTransaction, role, enableRowSecurity, 1, 0);
        }
    }

    /** pg_restore's command-line switches; {@link #build()} checks them as pg_restore does, in its order. */
    public static final class Builder {
        private boolean dataOnly;
        private boolean schemaOnly;
        private boolean statisticsOnly;
        private boolean noData;
        private boolean noSchema;
        private boolean noStatistics;
        private boolean withStatistics;
        private @Nullable EnumSet<Section> sections;
        private boolean noPrivileges;
        private boolean noComments;
        private boolean noPolicies;
        private boolean noPublications;
        private boolean noSecurityLabels;
        private boolean noSubscriptions;
        private final List<String> schemas = new ArrayList<>();
        private final List<String> excludeSchemas = new ArrayList<>();
        private final List<String> tables = new ArrayList<>();
        private final List<String> indexes = new ArrayList<>();
        private final List<String> functions = new ArrayList<>();
        private final List<String> triggers = new ArrayList<>();
        private boolean strictNames;
        private @Nullable UseList useList;
        private boolean clean;
        private boolean ifExists;
        private boolean create;
        private boolean noOwner;
        private boolean noTablespaces;
        private boolean noTableAccessMethod;
        private boolean verbose;
        private @Nullable String restrictKey;
        private boolean disableTriggers;
        private @Nullable String superuser;
        private boolean useSetSessionAuthorization;
        private boolean exitOnError;
        private boolean singleTransaction;
        private @Nullable String role;
        private boolean enableRowSecurity;
        private int jobs = 1;
        private boolean noDataForFailedTables;
        private int transactionSize;

        private Builder() {
        }

        /** -a. */
        public Builder dataOnly(boolean v) {
            dataOnly = v;
            return this;
        }

        /** -s. */
        public Builder schemaOnly(boolean v) {
            schemaOnly = v;
            return this;
        }

        public Builder statisticsOnly(boolean v) {
            statisticsOnly = v;
            return this;
        }

        public Builder noData(boolean v) {
            noData = v;
            return this;
        }

        public Builder noSchema(boolean v) {
            noSchema = v;
            return this;
        }

        public Builder noStatistics(boolean v) {
            noStatistics = v;
            return this;
        }

        /** --statistics. */
        public Builder statistics(boolean v) {
            withStatistics = v;
            return this;
        }

        /**
         * --section (repeatable): pre-data, data or post-data.
         *
         * @throws UsageException for any other name, as pg_restore: {@code unrecognized section name: "x"}
         */
        public Builder section(String name) {
            Section s = switch (name) {
                case "pre-data" -> Section.PRE_DATA;
                case "data" -> Section.DATA;
                case "post-data" -> Section.POST_DATA;
                default -> throw new UsageException("unrecognized section name: \"" + name + "\"");
            };
            if (sections == null) {
                sections = EnumSet.noneOf(Section.class);
            }
            sections.add(s);
            return this;
        }

        /** -x / --no-privileges / --no-acl. */
        public Builder noPrivileges(boolean v) {
            noPrivileges = v;
            return this;
        }

        public Builder noComments(boolean v) {
            noComments = v;
            return this;
        }

        public Builder noPolicies(boolean v) {
            noPolicies = v;
            return this;
        }

        public Builder noPublications(boolean v) {
            noPublications = v;
            return this;
        }

        public Builder noSecurityLabels(boolean v) {
            noSecurityLabels = v;
            return this;
        }

        public Builder noSubscriptions(boolean v) {
            noSubscriptions = v;
            return this;
        }

        /** -n (repeatable, exact name). */
        public Builder schema(String name) {
            schemas.add(Objects.requireNonNull(name));
            return this;
        }

        /** -N (repeatable, exact name). */
        public Builder excludeSchema(String name) {
            excludeSchemas.add(Objects.requireNonNull(name));
            return this;
        }

        /** -t (repeatable): a relation's name without schema. */
        public Builder table(String name) {
            tables.add(Objects.requireNonNull(name));
            return this;
        }

        /** -I (repeatable). */
        public Builder index(String name) {
            indexes.add(Objects.requireNonNull(name));
            return this;
        }

        /** -P (repeatable): {@code name(argtypes)} exactly as the TOC tag spells it. */
        public Builder function(String name) {
            functions.add(Objects.requireNonNull(name));
            return this;
        }

        /** -T (repeatable). */
        public Builder trigger(String name) {
            triggers.add(Objects.requireNonNull(name));
            return this;
        }

        public Builder strictNames(boolean v) {
            strictNames = v;
            return this;
        }

        /** -L, already parsed ({@link UseList#parse}). */
        public Builder useList(@Nullable UseList v) {
            useList = v;
            return this;
        }

        /** -c. */
        public Builder clean(boolean v) {
            clean = v;
            return this;
        }

        public Builder ifExists(boolean v) {
            ifExists = v;
            return this;
        }

        /** -C. */
        public Builder create(boolean v) {
            create = v;
            return this;
        }

        /** -O. */
        public Builder noOwner(boolean v) {
            noOwner = v;
            return this;
        }

        public Builder noTablespaces(boolean v) {
            noTablespaces = v;
            return this;
        }

        public Builder noTableAccessMethod(boolean v) {
            noTableAccessMethod = v;
            return this;
        }

        /** -v. */
        public Builder verbose(boolean v) {
            verbose = v;
            return this;
        }

        /** --restrict-key (script output only; alphanumeric). */
        public Builder restrictKey(@Nullable String v) {
            restrictKey = v;
            return this;
        }

        /** --disable-triggers. */
        public Builder disableTriggers(boolean v) {
            disableTriggers = v;
            return this;
        }

        /** -S. */
        public Builder useSetSessionAuthorization(boolean v) {
            useSetSessionAuthorization = v;
            return this;
        }

        public Builder superuser(@Nullable String v) {
            superuser = v;
            return this;
        }

        /** -e. */
        public Builder exitOnError(boolean v) {
            exitOnError = v;
            return this;
        }

        /** -1 (implies -e). */
        public Builder singleTransaction(boolean v) {
            singleTransaction = v;
            return this;
        }

        public Builder role(@Nullable String v) {
            role = v;
            return this;
        }

        public Builder enableRowSecurity(boolean v) {
            enableRowSecurity = v;
            return this;
        }

        /**
         * -j: parallel workers for a restore into a database.
         *
         * @throws UsageException below 1, in pg_restore's words
         */
        public Builder noDataForFailedTables(boolean v) {
            noDataForFailedTables = v;
            return this;
        }

        public Builder jobs(int n) {
            if (n < 1) {
                throw new UsageException("-j/--jobs must be in range 1.." + Integer.MAX_VALUE);
            }
            jobs = n;
            return this;
        }

        /**
         * --transaction-size: commit after every {@code n} objects (implies -e).
         *
         * @throws UsageException below 1, in pg_restore's words
         */
        public Builder transactionSize(int n) {
            if (n < 1) {
                throw new UsageException("--transaction-size must be in range 1.." + Integer.MAX_VALUE);
            }
            transactionSize = n;
            return this;
        }

        /**
         * pg_restore 18's checks after option parsing, in its order and words, then its derived flags.
         *
         * @throws UsageException for a rejected combination
         */
        public RestoreOptions build() {
            if (restrictKey != null && !restrictKey.matches("[A-Za-z0-9]+")) {
                throw new UsageException("invalid restrict key");
            }
            conflict(dataOnly && schemaOnly, "-s/--schema-only", "-a/--data-only");
            conflict(schemaOnly && statisticsOnly, "-s/--schema-only", "--statistics-only");
            conflict(dataOnly && statisticsOnly, "-a/--data-only", "--statistics-only");
            conflict(dataOnly && noData, "-a/--data-only", "--no-data");
            conflict(schemaOnly && noSchema, "-s/--schema-only", "--no-schema");
            conflict(statisticsOnly && noStatistics, "--statistics-only", "--no-statistics");
            conflict(withStatistics && noStatistics, "--statistics", "--no-statistics");
            conflict(dataOnly && withStatistics, "-a/--data-only", "--statistics");
            conflict(schemaOnly && withStatistics, "-s/--schema-only", "--statistics");
            conflict(dataOnly && clean, "-c/--clean", "-a/--data-only");
            conflict(singleTransaction && transactionSize > 0, "-1/--single-transaction", "--transaction-size");
            conflict(create && singleTransaction, "-C/--create", "-1/--single-transaction");
            if (singleTransaction && jobs > 1) {
                throw new UsageException("cannot specify both --single-transaction and multiple jobs");
            }
            boolean data = (!schemaOnly && !statisticsOnly || dataOnly) && !noData;
            boolean schema = (!dataOnly && !statisticsOnly || schemaOnly) && !noSchema;
            boolean statistics = (!schemaOnly && !dataOnly || statisticsOnly || withStatistics) && !noStatistics;
            if (ifExists && !clean) {
                throw new UsageException("option --if-exists requires option -c/--clean");
            }
            Set<Section> secs = sections == null ? EnumSet.of(Section.PRE_DATA, Section.DATA, Section.POST_DATA)
                    : sections;
            Content content = new Content(schema, data, statistics, secs, new Skips(noPrivileges, noComments,
                    noPolicies, noPublications, noSecurityLabels, noSubscriptions));
            Selection selection = new Selection(schemas, excludeSchemas, tables, indexes, functions, triggers,
                    strictNames, useList);
            Output output = new Output(clean, ifExists, create, noOwner, noTablespaces, noTableAccessMethod, verbose,
                    restrictKey, disableTriggers, superuser, useSetSessionAuthorization);
            Execution execution = new Execution(exitOnError || singleTransaction || transactionSize > 0,
                    singleTransaction, role, enableRowSecurity, jobs, transactionSize, noDataForFailedTables);
            return new RestoreOptions(content, selection, output, execution);
        }

        private static void conflict(boolean both, String first, String second) {
            if (both) {
                throw new UsageException("options " + first + " and " + second + " cannot be used together");
            }
        }
    }
}
