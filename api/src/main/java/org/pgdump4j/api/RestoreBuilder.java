package org.pgdump4j.api;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.io.DecodingOutputStream;
import org.pgdump4j.io.FileOutput;
import org.pgdump4j.io.KeptOpen;
import org.pgdump4j.io.Sync;
import org.pgdump4j.progress.Cancellation;
import org.pgdump4j.restore.ArchiveSource;
import org.pgdump4j.restore.PgRestore;
import org.pgdump4j.restore.RestoreListener;
import org.pgdump4j.restore.RestoreOptions;
import org.pgdump4j.toc.Timestamps;

/**
 * One pg_restore run: an archive ({@code from}), a target (a database with {@code into}, or a script with
 * {@code toScript}), options mirroring pg_restore's, then {@link #run()}:
 *
 * <pre>{@code
 * RestoreResult r = PgDump4j.restore().from(archiveStream).into(dataSource).noOwner().exitOnError().run();
 * }</pre>
 *
 * {@link #run()} checks the options as pg_restore does (its messages) and fails with a
 * {@link org.pgdump4j.PgDumpException}; without {@link #exitOnError()} a failed statement is skipped, reported to
 * {@link Listener#error} and counted in the result. An input stream is read to the archive's end, never closed.
 */
public final class RestoreBuilder {
    private final RestoreOptions.Builder options = RestoreOptions.builder();
    private @Nullable Path inputPath;
    private @Nullable InputStream inputStream;
    private Sources.@Nullable Spec target;
    private @Nullable Path scriptPath;
    private @Nullable OutputStream scriptStream;
    private @Nullable Writer scriptWriter;
    private boolean create;
    private int jobs = 1;
    private Listener listener = Listener.NONE;
    private Cancellation cancellation = new Cancellation();
    private boolean ran;

    RestoreBuilder() {
    }

    /** A custom or tar archive file, or a directory archive. */
    public RestoreBuilder from(Path archive) {
        input();
        inputPath = Objects.requireNonNull(archive, "archive");
        return this;
    }

    /** A custom or tar archive read in order, as pg_restore reads its standard input (not closed). */
    public RestoreBuilder from(InputStream archive) {
        input();
        inputStream = Objects.requireNonNull(archive, "archive");
        return this;
    }

    private void input() {
        if (inputPath != null || inputStream != null) {
            throw new UsageException("the archive to restore is already given");
        }
    }

    /**
     * {@code -d}: the database of a {@link DataSource}; each connection goes back as it came (see
     * {@link DumpBuilder#from(DataSource)}). With {@link #create()}, refused: that needs another database.
     */
    public RestoreBuilder into(DataSource dataSource) {
        return target(Sources.of(dataSource));
    }

    /**
     * {@code -d}: a {@link Connection} the caller owns, left as found (see {@link DumpBuilder#from(Connection)});
     * what the archive creates stays, of course. With {@link #create()}, refused.
     */
    public RestoreBuilder into(Connection connection) {
        return target(Sources.of(connection));
    }

    /** {@code -d}: a libpq connection string, URI or database name, or a {@code jdbc:postgresql:} URL. */
    public RestoreBuilder into(String connection) {
        return target(Sources.of(connection, "pg_restore"));
    }

    /** {@code -d}: a {@code jdbc:postgresql:} URL with PgJDBC connection properties. */
    public RestoreBuilder into(String jdbcUrl, Properties properties) {
        return target(Sources.of(jdbcUrl, properties));
    }

    private RestoreBuilder target(Sources.Spec spec) {
        output();
        target = spec;
        return this;
    }

    /** {@code -f}: the restore as a SQL script into a file (appearing only when complete). */
    public RestoreBuilder toScript(Path file) {
        output();
        scriptPath = Objects.requireNonNull(file, "file");
        return this;
    }

    /** The restore as a SQL script (UTF-8) into a stream, flushed but never closed. */
    public RestoreBuilder toScript(OutputStream out) {
        output();
        scriptStream = Objects.requireNonNull(out, "out");
        return this;
    }

    /** The restore as a SQL script into a writer, flushed but never closed. */
    public RestoreBuilder toScript(Writer out) {
        output();
        scriptWriter = Objects.requireNonNull(out, "out");
        return this;
    }

    private void output() {
        if (target != null || scriptPath != null || scriptStream != null || scriptWriter != null) {
            throw new UsageException("options -d/--dbname and -f/--file cannot be used together");
        }
    }

    /** {@code -s}. */
    public RestoreBuilder schemaOnly() {
        options.schemaOnly(true);
        return this;
    }

    /** {@code -a}. */
    public RestoreBuilder dataOnly() {
        options.dataOnly(true);
        return this;
    }

    /** {@code -O}: objects owned by the restoring user. */
    public RestoreBuilder noOwner() {
        options.noOwner(true);
        return this;
    }

    /** {@code -x}: no GRANT / REVOKE. */
    public RestoreBuilder noPrivileges() {
        options.noPrivileges(true);
        return this;
    }

    /** {@code --no-comments}. */
    public RestoreBuilder noComments() {
        options.noComments(true);
        return this;
    }

    /** {@code -c}: drop each object before creating it. */
    public RestoreBuilder clean() {
        options.clean(true);
        return this;
    }

    /** {@code --if-exists} (needs {@link #clean()}). */
    public RestoreBuilder ifExists() {
        options.ifExists(true);
        return this;
    }

    /**
     * {@code -C}: create the archive's database, then restore into it. Into a database, it needs a connection
     * string or JDBC URL (the connection given is used for CREATE DATABASE, then one to the new database).
     */
    public RestoreBuilder create() {
        options.create(true);
        create = true;
        return this;
    }

    /** {@code -e}: stop at the first failed statement (a {@link org.pgdump4j.RestoreException}). */
    public RestoreBuilder exitOnError() {
        options.exitOnError(true);
        return this;
    }

    /** {@code -1}: everything in one transaction, committed at the end (implies {@link #exitOnError()}). */
    public RestoreBuilder singleTransaction() {
        options.singleTransaction(true);
        return this;
    }

    /**
     * {@code -j}: restore into a database with this many workers, each on its own connection (a DataSource must
     * have them to give; a Connection cannot: refused). As pg_restore: a custom archive file or a directory archive,
     * not a tar archive nor a stream.
     */
    public RestoreBuilder jobs(int jobs) {
        options.jobs(jobs);
        this.jobs = jobs;
        return this;
    }

    /** {@code --transaction-size}: commit after every {@code n} objects (implies {@link #exitOnError()}). */
    public RestoreBuilder transactionSize(int n) {
        options.transactionSize(n);
        return this;
    }

    /** {@code --section}: only these sections ({@code pre-data}, {@code data}, {@code post-data}). */
    public RestoreBuilder section(String... sections) {
        for (String section : sections) {
            options.section(section);
        }
        return this;
    }

    /** {@code --no-tablespaces}: every object in the default tablespace. */
    public RestoreBuilder noTablespaces() {
        options.noTablespaces(true);
        return this;
    }

    /** {@code --no-publications}. */
    public RestoreBuilder noPublications() {
        options.noPublications(true);
        return this;
    }

    /** {@code --no-subscriptions}. */
    public RestoreBuilder noSubscriptions() {
        options.noSubscriptions(true);
        return this;
    }

    /** {@code --no-policies}. */
    public RestoreBuilder noPolicies() {
        options.noPolicies(true);
        return this;
    }

    /** {@code --no-security-labels}. */
    public RestoreBuilder noSecurityLabels() {
        options.noSecurityLabels(true);
        return this;
    }

    /** {@code -n}: only the objects of these schemas (exact names). */
    public RestoreBuilder schema(String... names) {
        for (String n : names) {
            options.schema(n);
        }
        return this;
    }

    /** {@code -N}: not the objects of these schemas. */
    public RestoreBuilder excludeSchema(String... names) {
        for (String n : names) {
            options.excludeSchema(n);
        }
        return this;
    }

    /** {@code -t}: only these tables (exact names; their definitions and data). */
    public RestoreBuilder table(String... names) {
        for (String n : names) {
            options.table(n);
        }
        return this;
    }

    /** {@code -v}: the progress narration to the {@link #listener}; a script also says when it started and ended. */
    public RestoreBuilder verbose() {
        options.verbose(true);
        return this;
    }

    /** Who hears the {@code -v} lines, the warnings and the skipped statements' errors. */
    public RestoreBuilder listener(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * A handle that stops the restore from another thread ({@link Cancellation#cancel()}), as an interrupt of the
     * thread running it does: within about a second {@link #run()} throws {@link org.pgdump4j.CanceledException}
     * (the statements running are canceled, the workers stopped; what was restored before stays, unless
     * {@link #singleTransaction()}; a script file is not left).
     */
    public RestoreBuilder cancellation(Cancellation cancellation) {
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        return this;
    }

    /** Restores. */
    public RestoreResult run() {
        if (ran) {
            throw new IllegalStateException("this restore has already run");
        }
        RestoreOptions opts = check();
        ran = true;
        RestoreListener engine = Listeners.engine(listener);
        Archives.Opened archive = inputPath != null ? Archives.open(inputPath) : Archives.open(inputStream);
        try (ArchiveReader reader = archive.reader()) {
            PgRestore.RestoreResult r = target != null ? intoDatabase(archive, opts, engine)
                    : toScript(reader, opts, engine);
            return new RestoreResult(r.errorsIgnored());
        } catch (IOException e) {
            throw Failures.of(e);
        } catch (UncheckedIOException e) {
            throw Failures.of(e.getCause());
        }
    }

    /** The options, checked as pg_restore checks its command line, then what only a database target can do. */
    private RestoreOptions check() {
        if (inputPath == null && inputStream == null) {
            throw new UsageException("no archive to restore: call from(...)");
        }
        if (target == null && scriptPath == null && scriptStream == null && scriptWriter == null) {
            throw new UsageException("one of -d/--dbname and -f/--file must be specified");
        }
        RestoreOptions opts = options.build();
        if (create && target != null && target.borrowed()) {
            throw new UsageException("option -C/--create connects to the database it creates, which a DataSource or"
                    + " a Connection cannot reach: restore into a connection string or a JDBC URL");
        }
        if (jobs > 1 && target != null && target.single()) {
            throw new UsageException("option -j/--jobs needs a connection per worker, which a Connection cannot"
                    + " give: restore into a DataSource, a connection string or a JDBC URL");
        }
        return opts;
    }

    private PgRestore.RestoreResult intoDatabase(Archives.Opened archive, RestoreOptions opts,
            RestoreListener engine) {
        ArchiveSource again = null;
        if (jobs > 1) {
            if (archive.format() == Format.TAR) { // pg_restore's refusal, before connecting
                throw new ArchiveFormatException("parallel restore is not supported with this archive file format");
            }
            again = archive.again(); // each worker reads the archive with its own reader; null for a stream
        }
        return PgRestore.run(archive.reader(), again, opts,
                PgRestore.Target.database(Objects.requireNonNull(target).open(listener)), engine,
                Timestamps.localZone(), cancellation);
    }

    /** The script: UTF-8 (the archive's strings as read), into a file, a stream or a writer. */
    private PgRestore.RestoreResult toScript(ArchiveReader reader, RestoreOptions opts, RestoreListener engine)
            throws IOException {
        if (scriptPath != null) {
            try (FileOutput file = FileOutput.open(scriptPath, Sync.FSYNC, "could not open output file \"%s\"")) {
                PgRestore.RestoreResult r = PgRestore.run(reader, opts, PgRestore.Target.script(file.stream()),
                        engine, cancellation);
                file.commit();
                return r;
            }
        }
        if (scriptStream != null) {
            return PgRestore.run(reader, opts, PgRestore.Target.script(KeptOpen.of(scriptStream)), engine,
                    cancellation);
        }
        try (DecodingOutputStream text = new DecodingOutputStream(Objects.requireNonNull(scriptWriter), UTF_8)) {
            return PgRestore.run(reader, opts, PgRestore.Target.script(text), engine, cancellation);
        }
    }
}
