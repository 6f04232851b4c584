package org.pgdump4j.api;

import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.dump.ContentFlags;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.ObjectSelection;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.io.Sync;
import org.pgdump4j.progress.Cancellation;
import org.pgdump4j.restore.RenderOptions;

/**
 * One pg_dump run, set up option by option (the methods mirror pg_dump's options) and started by {@link #run()}:
 *
 * <pre>{@code
 * String ddl = PgDump4j.dump().from(dataSource).schemaOnly().noOwner().toText();
 * PgDump4j.dump().from("postgresql://app@db/shop").format(Format.CUSTOM).to(Path.of("shop.dump")).run();
 * }</pre>
 *
 * Nothing is checked or connected before {@link #run()}, which checks the options as pg_dump does (same messages)
 * and fails with a {@link org.pgdump4j.PgDumpException}. A file or directory appears only when the dump succeeded;
 * a stream or writer is flushed, never closed. A builder runs once.
 */
public final class DumpBuilder {
    private Sources.@Nullable Spec source;
    private int jobs = 1;
    private Format format = Format.PLAIN;
    private @Nullable String compress;
    private boolean schemaOnly;
    private boolean dataOnly;
    private boolean noOwner;
    private boolean noPrivileges;
    private boolean noComments;
    private boolean clean;
    private boolean ifExists;
    private boolean create;
    private boolean strictNames;
    private boolean noTablespaces;
    private boolean noPublications;
    private boolean noSubscriptions;
    private boolean noPolicies;
    private boolean noSecurityLabels;
    private boolean verbose;
    private boolean noSync;
    private @Nullable String encoding;
    private final List<String> schemas = new ArrayList<>();
    private final List<String> excludeSchemas = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    private final List<String> excludeTables = new ArrayList<>();
    private final List<String> excludeTableData = new ArrayList<>();
    private final List<String> extensions = new ArrayList<>();
    private final List<String> excludeExtensions = new ArrayList<>();
    private Listener listener = Listener.NONE;
    private Cancellation cancellation = new Cancellation();
    private @Nullable Path path;
    private @Nullable OutputStream stream;
    private @Nullable Writer writer;
    private boolean ran;

    DumpBuilder() {
    }

    /**
     * The database behind a {@link DataSource}, e.g. a connection pool. Each connection taken goes back with its
     * session state as it came (settings, role, autocommit, read-only; no transaction left open). A dump uses two
     * at once where it can (the second reads the catalog alongside the first, in its snapshot).
     */
    public DumpBuilder from(DataSource dataSource) {
        return source(Sources.of(dataSource));
    }

    /**
     * The database of a {@link Connection} the caller owns: not closed, and left exactly as found (every setting
     * the dump changes put back, autocommit and read-only as they were, no transaction left open). It must not be
     * inside a transaction: the dump takes its own snapshot.
     */
    public DumpBuilder from(Connection connection) {
        return source(Sources.of(connection));
    }

    /**
     * A libpq connection string ({@code "host=db user=app dbname=shop"}), URI ({@code "postgresql://app@db/shop"})
     * or database name, resolved as pg_dump resolves its {@code -d}: PG* environment variables, the service and
     * password files; never prompting for a password. A {@code jdbc:postgresql:} URL is taken too.
     */
    public DumpBuilder from(String connection) {
        return source(Sources.of(connection, "pg_dump"));
    }

    /** A {@code jdbc:postgresql:} URL with PgJDBC connection properties (user, password, ssl...). */
    public DumpBuilder from(String jdbcUrl, Properties properties) {
        return source(Sources.of(jdbcUrl, properties));
    }

    private DumpBuilder source(Sources.Spec spec) {
        if (source != null) {
            throw new UsageException("the database to dump is already given");
        }
        source = spec;
        return this;
    }

    /** {@code -F}: {@link Format#PLAIN} by default. */
    public DumpBuilder format(Format format) {
        this.format = Objects.requireNonNull(format, "format");
        return this;
    }

    /**
     * {@code -Z}: {@code "0"}..{@code "9"} (gzip levels), {@code "gzip"}, {@code "lz4"}, {@code "zstd"}, with a level
     * after a colon ({@code "zstd:3"}); {@code "none"}. The custom and directory formats compress with gzip by default.
     */
    public DumpBuilder compress(String spec) {
        this.compress = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /** {@code -s}: the definitions only. */
    public DumpBuilder schemaOnly() {
        schemaOnly = true;
        return this;
    }

    /** {@code -a}: the data only. */
    public DumpBuilder dataOnly() {
        dataOnly = true;
        return this;
    }

    /** {@code -O}: no ALTER ... OWNER TO (a script restores with the running user as owner). */
    public DumpBuilder noOwner() {
        noOwner = true;
        return this;
    }

    /** {@code -x}: no GRANT / REVOKE. */
    public DumpBuilder noPrivileges() {
        noPrivileges = true;
        return this;
    }

    /** {@code --no-comments}: no COMMENT ON. */
    public DumpBuilder noComments() {
        noComments = true;
        return this;
    }

    /** {@code -c}: a script that drops each object before creating it. */
    public DumpBuilder clean() {
        clean = true;
        return this;
    }

    /** {@code --if-exists}: DROP ... IF EXISTS (needs {@link #clean()}). */
    public DumpBuilder ifExists() {
        ifExists = true;
        return this;
    }

    /** {@code -C}: a script that creates the database and connects to it. */
    public DumpBuilder create() {
        create = true;
        return this;
    }

    /** {@code -n}: only schemas matching these psql patterns (and what is in them). */
    public DumpBuilder schema(String... patterns) {
        schemas.addAll(List.of(patterns));
        return this;
    }

    /** {@code -N}: not the schemas matching these patterns. */
    public DumpBuilder excludeSchema(String... patterns) {
        excludeSchemas.addAll(List.of(patterns));
        return this;
    }

    /** {@code -t}: only tables (views, sequences...) matching these patterns. */
    public DumpBuilder table(String... patterns) {
        tables.addAll(List.of(patterns));
        return this;
    }

    /** {@code -T}: not the tables matching these patterns. */
    public DumpBuilder excludeTable(String... patterns) {
        excludeTables.addAll(List.of(patterns));
        return this;
    }

    /** {@code --exclude-table-data}: the definitions of these tables but not their rows. */
    public DumpBuilder excludeTableData(String... patterns) {
        excludeTableData.addAll(List.of(patterns));
        return this;
    }

    /** {@code -e}: only extensions matching these patterns. */
    public DumpBuilder extension(String... patterns) {
        extensions.addAll(List.of(patterns));
        return this;
    }

    /** {@code --exclude-extension}: not the extensions matching these patterns. */
    public DumpBuilder excludeExtension(String... patterns) {
        excludeExtensions.addAll(List.of(patterns));
        return this;
    }

    /** {@code --no-tablespaces}: no tablespace assignments. */
    public DumpBuilder noTablespaces() {
        noTablespaces = true;
        return this;
    }

    /** {@code --no-publications}. */
    public DumpBuilder noPublications() {
        noPublications = true;
        return this;
    }

    /** {@code --no-subscriptions}. */
    public DumpBuilder noSubscriptions() {
        noSubscriptions = true;
        return this;
    }

    /** {@code --no-policies}: no row security policies. */
    public DumpBuilder noPolicies() {
        noPolicies = true;
        return this;
    }

    /** {@code --no-security-labels}. */
    public DumpBuilder noSecurityLabels() {
        noSecurityLabels = true;
        return this;
    }

    /** {@code --strict-names}: every {@code -n} / {@code -t} pattern must match something. */
    public DumpBuilder strictNames() {
        strictNames = true;
        return this;
    }

    /** {@code -E}: the dump's client encoding (the server's by default). */
    public DumpBuilder encoding(String encoding) {
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        return this;
    }

    /**
     * {@code -v}: the progress narration, to the {@link #listener}; as pg_dump's, a plain script then also says
     * when the dump started and ended.
     */
    public DumpBuilder verbose() {
        verbose = true;
        return this;
    }

    /** Who hears the {@code -v} lines and the warnings ({@link Listener#NONE} by default). */
    public DumpBuilder listener(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * A handle that stops the dump from another thread ({@link Cancellation#cancel()}), as an interrupt of the
     * thread running it does: within about a second {@link #run()} throws {@link org.pgdump4j.CanceledException},
     * with no output file left, nothing more written to a stream, the connections given back or closed.
     */
    public DumpBuilder cancellation(Cancellation cancellation) {
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        return this;
    }

    /**
     * {@code -j}: dump the tables' data with this many workers, each on its own connection inside the dump's snapshot
     * (a DataSource must have them to give; a Connection cannot: refused). As pg_dump: {@link Format#DIRECTORY} only.
     */
    public DumpBuilder jobs(int jobs) {
        if (jobs < 1) {
            throw new UsageException("-j/--jobs must be in range 1..2147483647");
        }
        this.jobs = jobs;
        return this;
    }

    /** {@code --no-sync}: a file or directory is not fsynced before the dump reports success. */
    public DumpBuilder noSync() {
        noSync = true;
        return this;
    }

    /** {@code -f}: a file, or for {@link Format#DIRECTORY} a directory (created). */
    public DumpBuilder to(Path path) {
        target();
        this.path = Objects.requireNonNull(path, "path");
        return this;
    }

    /**
     * Into a stream (not {@link Format#DIRECTORY}), flushed but never closed. A custom archive written to a stream
     * has no data offsets, as pg_dump's to a pipe: pg_restore reads it in order (one job).
     */
    public DumpBuilder to(OutputStream out) {
        target();
        this.stream = Objects.requireNonNull(out, "out");
        return this;
    }

    /** A {@link Format#PLAIN} script as text, flushed but never closed. */
    public DumpBuilder to(Writer out) {
        target();
        this.writer = Objects.requireNonNull(out, "out");
        return this;
    }

    private void target() {
        if (path != null || stream != null || writer != null) {
            throw new UsageException("the dump's output is already given");
        }
    }

    /** Runs the dump into the output {@code to(...)} gave. */
    public void run() {
        if (ran) {
            throw new IllegalStateException("this dump has already run");
        }
        DumpOptions options = options();
        Sources.Spec spec = Objects.requireNonNull(source);
        ran = true;
        ConnectionSource conn = spec.open(listener);
        var engine = Listeners.engine(listener);
        try {
            if (writer != null) {
                PgDump.run(conn, options, engine, writer, cancellation);
            } else if (stream != null) {
                PgDump.run(conn, options, engine, stream, cancellation);
            } else {
                PgDump.run(conn, options, engine, cancellation);
            }
        } catch (UncheckedIOException e) {
            throw Failures.of(e.getCause());
        }
    }

    /** Runs a {@link Format#PLAIN} dump and returns its script (no {@code to(...)}). */
    public String toText() {
        StringWriter out = new StringWriter();
        to(out).run();
        return out.toString();
    }

    /** The engine's options, checked as pg_dump checks its command line (its messages). */
    DumpOptions options() {
        if (source == null) {
            throw new UsageException("no database to dump: call from(...)");
        }
        if (path == null && stream == null && writer == null) {
            throw new UsageException("no output: call to(...)");
        }
        if (writer != null && format != Format.PLAIN) {
            throw new UsageException("only a plain-format dump can be written as text");
        }
        if (stream != null && format == Format.DIRECTORY) {
            throw new UsageException("the directory format cannot be written to a stream: give a Path");
        }
        if (jobs > 1 && format != Format.DIRECTORY) {
            throw new UsageException("parallel backup only supported by the directory format");
        }
        if (jobs > 1 && source.single()) {
            throw new UsageException("option -j/--jobs needs a connection per worker, which a Connection cannot"
                    + " give: dump from a DataSource, a connection string or a JDBC URL");
        }
        ContentFlags content = new ContentFlags(schemaOnly, dataOnly);
        if (dataOnly && clean) {
            throw new UsageException("options -c/--clean and -a/--data-only cannot be used together");
        }
        if (ifExists && !clean) {
            throw new UsageException("option --if-exists requires option -c/--clean");
        }
        Compression compression = compress == null ? null : Compression.parse(compress);
        boolean compressed = compression != null && compression.method() != Compression.Method.NONE;
        if (compressed && format == Format.TAR) {
            throw new UsageException("compression is not supported by tar archive format");
        }
        if (compressed && writer != null) {
            throw new UsageException("a compressed dump cannot be written as text");
        }
        ObjectSelection selection = new ObjectSelection(schemas, excludeSchemas, tables, excludeTables, extensions,
                excludeExtensions, strictNames).withDataRules(excludeTableData, List.of(), false);
        RenderOptions render = new RenderOptions(noOwner, noPrivileges, noComments, clean, ifExists, create, null);
        return DumpOptions.builder().file(path).format(format.engine()).selection(selection).content(content)
                .render(render).encoding(encoding).verbose(verbose)
                .archive(new DumpOptions.ArchiveSettings(compression, DumpOptions.ArchiveSettings.DEFAULTS.version()))
                .sync(noSync ? Sync.NONE : Sync.FSYNC).omit(new DumpOptions.Omit(noPublications, noSubscriptions,
                        noPolicies, false, noTablespaces, false, noSecurityLabels))
                .execution(DumpOptions.Execution.DEFAULTS.withJobs(jobs)).build();
    }
}
