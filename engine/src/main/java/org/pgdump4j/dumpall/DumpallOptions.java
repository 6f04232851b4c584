package org.pgdump4j.dumpall;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.io.Sync;

/**
 * One pg_dumpall run, as a value.
 *
 * @param scope            everything, or only globals ({@code -g}), roles ({@code -r}) or tablespaces ({@code -t})
 * @param noGlobals        {@code -a}, {@code --no-schema} or {@code --statistics-only}: no schema, so no globals
 *                         at all (what each database's dump holds, the per-database options say)
 * @param clean            {@code -c}: drop databases, tablespaces and roles before creating them
 * @param ifExists         {@code --if-exists} on those drops
 * @param initialDatabase  {@code -l}: the database to read the globals from; null tries postgres, then template1
 * @param role             {@code --role}: {@code SET ROLE} on the globals' connection (each database's dump is
 *                         asked the same in {@code database})
 * @param excludeDatabases {@code --exclude-database} patterns
 * @param restrictKey      the {@code \restrict} key of the whole script (also passed to every database's dump);
 *                         null for a random one, each database's dump then choosing its own as pg_dump does
 * @param encoding         {@code -E}; null keeps the server's encoding
 * @param file             {@code -f}; null writes to standard output
 * @param database         what each database's dump is asked (pg_dumpall's options forwarded to pg_dump), in plain
 *                         format; its clean and create flags are set per database. Its session's
 *                         {@code quoteAllIdentifiers} ({@code --quote-all-identifiers}) quotes the globals too
 */
public record DumpallOptions(Scope scope, boolean noGlobals, boolean clean, boolean ifExists, boolean noRolePasswords,
        boolean noComments, boolean noSecurityLabels, boolean noPrivileges, boolean noTablespaces,
        @Nullable String initialDatabase, @Nullable String role, List<String> excludeDatabases, @Nullable String restrictKey,
        @Nullable String encoding, boolean verbose, @Nullable Path file, Sync sync, DumpOptions database) {

    /** Which parts of the cluster are dumped. */
    public enum Scope { ALL, GLOBALS, ROLES, TABLESPACES }

    public DumpallOptions {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(database, "database");
        excludeDatabases = List.copyOf(excludeDatabases);
        if (ifExists && !clean) {
            throw new UsageException("option --if-exists requires option -c/--clean");
        }
        if (!excludeDatabases.isEmpty() && scope != Scope.ALL) {
            throw new UsageException("option --exclude-database cannot be used together with -g/--globals-only, "
                    + "-r/--roles-only, or -t/--tablespaces-only");
        }
        if (restrictKey != null && !restrictKey.matches("[A-Za-z0-9]+")) {
            throw new UsageException("invalid restrict key");
        }
        if (database.format() != OutputFormat.PLAIN || database.file() != null) {
            throw new UsageException("each database's dump goes into the cluster script: plain, with no file");
        }
    }

    /** Everything, as pg_dumpall without options: to standard output. */
    public static DumpallOptions defaults() {
        return new DumpallOptions(Scope.ALL, false, false, false, false, false, false, false, false, null, null, List.of(),
                null, null, false, null, Sync.FSYNC, DumpOptions.defaults());
    }
}
