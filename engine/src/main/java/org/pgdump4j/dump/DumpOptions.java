package org.pgdump4j.dump;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.io.Sync;
import org.pgdump4j.restore.RenderOptions;

/**
 * Everything one pg_dump run was asked to do, as a value: one sub-record per group of pg_dump's options, so that
 * the options still to come land in their group. The CLI builds it from pg_dump's options; library callers use
 * {@link #builder()} (or {@link #defaults()} and the {@code with} methods).
 *
 * @param file     output path (a directory for the directory format); null writes to stdout
 * @param encoding client encoding for the dump ({@code -E}); null keeps the server encoding
 * @param archive  compression and archive version for the custom, directory and tar formats
 * @param sync     how the output is made durable before the dump reports success ({@code --no-sync},
 *                 {@code --sync-method}); fsync by default, as pg_dump
 * @param omit     kinds of objects left out entirely ({@code --no-publications}, {@code --no-subscriptions})
 * @param data     INSERT statements instead of COPY, and {@code --disable-triggers} / {@code -S} for a script
 * @param execution parallel jobs, and the snapshot, isolation and lock waits of the dump's transactions
 * @param session  how every dump connection is set up ({@code --role}, {@code --extra-float-digits},
 *                 {@code --enable-row-security})
 */
public record DumpOptions(
        @Nullable Path file,
        OutputFormat format,
        ObjectSelection selection,
        ContentFlags content,
        RenderOptions render,
        @Nullable String encoding,
        boolean verbose,
        ArchiveSettings archive,
        Sync sync,
        Omit omit,
        Session session,
        DataOptions data,
        Execution execution) {

    public DumpOptions {
        Objects.requireNonNull(omit, "omit");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(archive, "archive");
    }

    /** Leaving no kind of object out. */
    public DumpOptions(@Nullable Path file, OutputFormat format, ObjectSelection selection, ContentFlags content,
            RenderOptions render, @Nullable String encoding, boolean verbose, ArchiveSettings archive, Sync sync) {
        this(file, format, selection, content, render, encoding, verbose, archive, sync, Omit.NONE);
    }

    /** Serial, in a snapshot of its own, with pg_dump's default isolation and lock waits. */
    public DumpOptions(@Nullable Path file, OutputFormat format, ObjectSelection selection, ContentFlags content,
            RenderOptions render, @Nullable String encoding, boolean verbose, ArchiveSettings archive, Sync sync,
            Omit omit, Session session, DataOptions data) {
        this(file, format, selection, content, render, encoding, verbose, archive, sync, omit, session, data,
                Execution.DEFAULTS);
    }

    /** With COPY data. */
    public DumpOptions(@Nullable Path file, OutputFormat format, ObjectSelection selection, ContentFlags content,
            RenderOptions render, @Nullable String encoding, boolean verbose, ArchiveSettings archive, Sync sync,
            Omit omit, Session session) {
        this(file, format, selection, content, render, encoding, verbose, archive, sync, omit, session,
                DataOptions.COPY);
    }

    /** With pg_dump's default session settings. */
    public DumpOptions(@Nullable Path file, OutputFormat format, ObjectSelection selection, ContentFlags content,
            RenderOptions render, @Nullable String encoding, boolean verbose, ArchiveSettings archive, Sync sync,
            Omit omit) {
        this(file, format, selection, content, render, encoding, verbose, archive, sync, omit, Session.DEFAULTS);
    }

    /**
     * Kinds of objects pg_dump leaves out entirely when asked: not read, not dumped, not checked by the guard.
     *
     * @param publications {@code --no-publications}: publications and their tables and schemas
     * @param subscriptions {@code --no-subscriptions}
     * @param policies {@code --no-policies}: tables' ROW SECURITY and POLICY entries (FORCE ROW LEVEL SECURITY,
     *                 part of the table's entry, stays)
     * @param toastCompression {@code --no-toast-compression}: no ALTER ... SET COMPRESSION
     * @param tablespaces {@code --no-tablespaces}: CREATE DATABASE without its TABLESPACE clause (pg_dump decides
     *                    that at dump time, any format); a script without SET default_tablespace (an archive keeps
     *                    its entries' tablespaces for pg_restore to decide)
     * @param tableAccessMethods {@code --no-table-access-method}: a script without SET default_table_access_method
     *                    (an archive keeps its entries' access methods)
     * @param securityLabels {@code --no-security-labels}: no SECURITY LABEL entries (labels not even read)
     */
    public record Omit(boolean publications, boolean subscriptions, boolean policies, boolean toastCompression,
            boolean tablespaces, boolean tableAccessMethods, boolean securityLabels) {
        public static final Omit NONE = new Omit(false, false, false, false);

        /** Security labels kept. */
        public Omit(boolean publications, boolean subscriptions, boolean policies, boolean toastCompression,
                boolean tablespaces, boolean tableAccessMethods) {
            this(publications, subscriptions, policies, toastCompression, tablespaces, tableAccessMethods, false);
        }

        /** Tablespaces and access methods kept. */
        public Omit(boolean publications, boolean subscriptions, boolean policies, boolean toastCompression) {
            this(publications, subscriptions, policies, toastCompression, false, false);
        }

        /** Columns' compression methods kept. */
        public Omit(boolean publications, boolean subscriptions, boolean policies) {
            this(publications, subscriptions, policies, false);
        }

        /** Policies kept. */
        public Omit(boolean publications, boolean subscriptions) {
            this(publications, subscriptions, false, false);
        }
    }

    /**
     * How each dump connection is set up after connecting, as pg_dump's setup_connection (a parallel worker's
     * too): {@code SET ROLE}, {@code extra_float_digits}, {@code row_security}.
     *
     * @param role              {@code --role}: {@code SET ROLE} right after connecting, or null
     * @param extraFloatDigits  {@code --extra-float-digits} (-15..3), or null for pg_dump's 3
     * @param enableRowSecurity {@code --enable-row-security}: dump only the rows the policies let the role see
     *                          (a plain script then sets {@code row_security = on} too)
     * @param quoteAllIdentifiers {@code --quote-all-identifiers}: {@code SET quote_all_identifiers = true} on every
     *                          connection (the server's deparsed text quotes every name), and every name we quote
     *                          quoted too, for the whole run (a plain script's renderer included)
     */
    public record Session(@Nullable String role, @Nullable Integer extraFloatDigits, boolean enableRowSecurity,
            boolean quoteAllIdentifiers) {
        public static final Session DEFAULTS = new Session(null, null, false);

        /**
         * {@code --quote-all-identifiers}' server half, run on every dump connection (pg_dump's setup_connection)
         * and on pg_dumpall's: the server's deparsed text (view and index definitions, format_type, regclass ...)
         * then quotes every name, as our own quoting does inside the run's {@link org.pgdump4j.sql.Sql#scope}.
         */
        public static final String SET_QUOTE_ALL_IDENTIFIERS = "SET quote_all_identifiers = true";

        public Session {
            if (extraFloatDigits != null && (extraFloatDigits < -15 || extraFloatDigits > 3)) {
                throw new IllegalArgumentException("--extra-float-digits must be in range -15..3");
            }
        }

        /** Names quoted only where needed. */
        public Session(@Nullable String role, @Nullable Integer extraFloatDigits, boolean enableRowSecurity) {
            this(role, extraFloatDigits, enableRowSecurity, false);
        }
    }

    /**
     * How the dump runs: {@code -j}, {@code --snapshot}, {@code --serializable-deferrable} and
     * {@code --lock-wait-timeout}.
     *
     * @param jobs            data entries dumped by this many worker connections at once ({@code -j}, directory
     *                        format only); 1 dumps everything on the leader's connection
     * @param snapshot        an exported snapshot to dump in (and every worker with it), or null for the dump's own
     * @param serializableDeferrable the leader's transaction is SERIALIZABLE, READ ONLY, DEFERRABLE (workers stay
     *                        REPEATABLE READ in its snapshot)
     * @param lockWaitTimeout the statement_timeout the table locks run under (a PostgreSQL interval value, passed as
     *                        given), or null to wait for them
     */
    public record Execution(int jobs, @Nullable String snapshot, boolean serializableDeferrable,
            @Nullable String lockWaitTimeout) {
        public static final Execution DEFAULTS = new Execution(1, null, false, null);

        public Execution {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
            }
        }

        /** With {@code n} parallel jobs. */
        public Execution withJobs(int n) {
            return new Execution(n, snapshot, serializableDeferrable, lockWaitTimeout);
        }
    }

    /** With pg_dump's default durability (fsync). */
    public DumpOptions(@Nullable Path file, OutputFormat format, ObjectSelection selection, ContentFlags content,
            RenderOptions render, @Nullable String encoding, boolean verbose, ArchiveSettings archive) {
        this(file, format, selection, content, render, encoding, verbose, archive, Sync.FSYNC, Omit.NONE);
    }

    /**
     * {@code -Z} and the archive version to write.
     *
     * @param compression null for the format's default (gzip for custom and directory, none otherwise)
     * @param version     the archive version; {@link ArchiveVersion#DEFAULT} is what pg_restore 18 reads,
     *                    1.14 is readable by pg_restore 12..15, 1.15 by 16
     */
    public record ArchiveSettings(@Nullable Compression compression, ArchiveVersion version) {
        public static final ArchiveSettings DEFAULTS = new ArchiveSettings(null, ArchiveVersion.DEFAULT);

        public ArchiveSettings {
            Objects.requireNonNull(version, "version");
        }
    }

    /** A full dump of the whole database to stdout in plain format. */
    public static DumpOptions defaults() {
        return new DumpOptions(null, OutputFormat.PLAIN, ObjectSelection.ALL, ContentFlags.ALL,
                RenderOptions.DEFAULTS, null, false, ArchiveSettings.DEFAULTS);
    }

    public DumpOptions withFile(@Nullable Path file) {
        return toBuilder().file(file).build();
    }

    public DumpOptions withSelection(ObjectSelection selection) {
        return toBuilder().selection(selection).build();
    }

    public DumpOptions withContent(ContentFlags content) {
        return toBuilder().content(content).build();
    }

    public DumpOptions withFormat(OutputFormat format) {
        return toBuilder().format(format).build();
    }

    public DumpOptions withArchive(ArchiveSettings archive) {
        return toBuilder().archive(archive).build();
    }

    public DumpOptions withSync(Sync sync) {
        return toBuilder().sync(sync).build();
    }

    public DumpOptions withRender(RenderOptions render) {
        return toBuilder().render(render).build();
    }

    public DumpOptions withOmit(Omit omit) {
        return toBuilder().omit(omit).build();
    }

    public DumpOptions withSession(Session session) {
        return toBuilder().session(session).build();
    }

    public DumpOptions withData(DataOptions data) {
        return toBuilder().data(data).build();
    }

    public DumpOptions withExecution(Execution execution) {
        return toBuilder().execution(execution).build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from these options: the one place that copies every field. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets groups one by one; whatever is not set keeps the value of the options it started from. */
    public static final class Builder {
        private @Nullable Path file;
        private OutputFormat format;
        private ObjectSelection selection;
        private ContentFlags content;
        private RenderOptions render;
        private @Nullable String encoding;
        private boolean verbose;
        private ArchiveSettings archive;
        private Sync sync;
        private Omit omit;
        private Session session;
        private DataOptions data;
        private Execution execution;

        private Builder(DumpOptions o) {
            file = o.file;
            format = o.format;
            selection = o.selection;
            content = o.content;
            render = o.render;
            encoding = o.encoding;
            verbose = o.verbose;
            archive = o.archive;
            sync = o.sync;
            omit = o.omit;
            session = o.session;
            data = o.data;
            execution = o.execution;
        }

        public Builder file(@Nullable Path file) {
            this.file = file;
            return this;
        }

        public Builder format(OutputFormat format) {
            this.format = format;
            return this;
        }

        public Builder selection(ObjectSelection selection) {
            this.selection = selection;
            return this;
        }

        public Builder content(ContentFlags content) {
            this.content = content;
            return this;
        }

        public Builder render(RenderOptions render) {
            this.render = render;
            return this;
        }

        public Builder encoding(@Nullable String encoding) {
            this.encoding = encoding;
            return this;
        }

        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        public Builder archive(ArchiveSettings archive) {
            this.archive = archive;
            return this;
        }

        public Builder sync(Sync sync) {
            this.sync = sync;
            return this;
        }

        public Builder omit(Omit omit) {
            this.omit = omit;
            return this;
        }

        public Builder session(Session session) {
            this.session = session;
            return this;
        }

        public Builder data(DataOptions data) {
            this.data = data;
            return this;
        }

        public Builder execution(Execution execution) {
            this.execution = execution;
            return this;
        }

        public DumpOptions build() {
            return new DumpOptions(file, format, selection, content, render, encoding, verbose, archive, sync, omit,
                    session, data, execution);
        }
    }
}
