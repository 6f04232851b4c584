package org.pgdump4j.dumpall;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ConnectionException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.UsageException;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.Encodings;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.io.FileOutput;
import org.pgdump4j.io.IoErrors;
import org.pgdump4j.io.KeptOpen;
import org.pgdump4j.io.Sync;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.ScriptTarget;
import org.pgdump4j.sql.NamePattern;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.Timestamps;

/**
 * Library entry point for pg_dumpall: the cluster's globals read from one database, then each database dumped by
 * {@link PgDump} into the same script, as pg_dumpall 18 runs pg_dump for each (in append mode, with
 * {@code --create}; template1 and postgres only reconnected to, unless {@code --clean}). Every connection reuses
 * all of {@code source}'s parameters, only the database name swapped (CVE-2020-25694).
 */
public final class PgDumpall {

    private PgDumpall() {
    }

    /**
     * Writes the script to {@code options.file()} or to standard output. The file is opened as pg_dumpall opens it,
     * once connected; should the run fail after that, it holds what was written (pg_dumpall's truncated script,
     * without the closing "cluster dump complete").
     */
    public static void run(ConnectionSource source, DumpallOptions options, ProgressListener listener) {
        Path path = options.file();
        if (path == null) {
            run(source, options, listener, KeptOpen.stdout());
            return;
        }
        try (ScriptFile file = new ScriptFile(path, options.sync())) {
            try {
                write(source, options, listener, file::open);
            } catch (IOException | RuntimeException e) {
                file.keepPartial(e);
                throw e;
            }
            file.commit();
        } catch (IOException e) {
            throw new PgDumpException("could not write to output file: " + IoErrors.reason(e), e);
        }
    }

    /** Writes the script into {@code out}, which is flushed but not closed. */
    public static void run(ConnectionSource source, DumpallOptions options, ProgressListener listener,
            OutputStream out) {
        try {
            write(source, options, listener, () -> out);
        } catch (IOException e) {
            throw new PgDumpException("could not write to output file: " + IoErrors.reason(e), e);
        }
    }

    /** The {@code -f} file, opened once connected; published whole, or as far as written when the run fails. */
    private static final class ScriptFile implements Closeable {
        private final Path path;
        private final Sync sync;
        private @Nullable FileOutput output;

        ScriptFile(Path path, Sync sync) {
            this.path = path;
            this.sync = sync;
        }

        OutputStream open() {
            output = FileOutput.open(path, sync, "could not open output file \"%s\"");
            return output.stream();
        }

        void commit() throws IOException {
            Objects.requireNonNull(output, "output").commit();
        }

        /** After {@code failure}: what was written takes the file's place, as pg_dumpall's truncated script. */
        void keepPartial(Exception failure) {
            if (output != null) {
                try {
                    output.commit();
                } catch (IOException | RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (output != null) {
                output.close();
            }
        }
    }

    /** The script's destination, opened when pg_dumpall opens it. */
    private interface Target {
        OutputStream open() throws IOException;
    }

    private static void write(ConnectionSource source, DumpallOptions o, ProgressListener listener, Target to)
            throws IOException {
        Objects.requireNonNull(listener, "listener");
        String key = o.restrictKey() != null ? o.restrictKey() : ScriptTarget.randomKey();
        boolean quoteAll = o.database().session().quoteAllIdentifiers();
        // --quote-all-identifiers: the globals' names quoted here, each database's by its dump's own scope
        try (Sql.Scope quoting = Sql.scope(quoteAll);
             Connection conn = connect(source, o.initialDatabase())) {
            Jdbc jdbc = new Jdbc(conn);
            jdbc.execute("search path", "SELECT pg_catalog.set_config('search_path', '', false)");
            if (quoteAll) {
                jdbc.execute("quote all identifiers", DumpOptions.Session.SET_QUOTE_ALL_IDENTIFIERS);
            }
            Set<String> excluded = excluded(jdbc, o.excludeDatabases());
            OutputStream target = to.open();
            BufferedOutputStream buffered = new BufferedOutputStream(target, 1 << 16);
            try {
                Session s = session(conn, Encodings.requested(o.encoding(), source.clientEncoding()));
                if (o.role() != null) {
                    jdbc.execute("set the role", "SET ROLE " + Sql.ident(o.role()));
                }
                Script out = new Script(buffered, Encodings.charset(s.encoding()));
                write(source, o, listener, target, jdbc, s, excluded, key, out);
            } catch (IOException | RuntimeException e) {
                try {
                    buffered.flush(); // what was written stays, as pg_dumpall's exit flushes its stdio
                } catch (IOException second) {
                    e.addSuppressed(second);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new PgDumpException("pg_dumpall failed: " + e.getMessage(), e);
        }
    }

    private static void write(ConnectionSource source, DumpallOptions o, ProgressListener listener,
            OutputStream target, Jdbc jdbc, Session s, Set<String> excluded, String key, Script out)
            throws IOException {
        out.print("--\n-- PostgreSQL database cluster dump\n--\n\n");
        if (o.verbose()) {
            out.print("-- Started on " + stamp() + "\n\n");
        }
        out.print("\\restrict " + key + "\n\n");
        out.print("SET default_transaction_read_only = off;\n\n");
        out.print("SET client_encoding = '" + s.encoding() + "';\n");
        out.print("SET standard_conforming_strings = " + (s.standardStrings() ? "on" : "off") + ";\n");
        if (!s.standardStrings()) {
            out.print("SET escape_string_warning = off;\n");
        }
        out.print("\n");
        if (!o.noGlobals()) {
            GlobalsScript.write(jdbc, s, o, out, listener);
        }
        out.print("\\unrestrict " + key + "\n\n");
        List<String> databases = o.scope() == DumpallOptions.Scope.ALL
                ? jdbc.query("databases", "SELECT datname FROM pg_catalog.pg_database d WHERE datallowconn "
                        + "AND datconnlimit != -2 ORDER BY (datname <> 'template1'), datname", rs -> rs.getString(1))
                : List.of();
        out.flush();
        if (!databases.isEmpty()) {
            out.print("--\n-- Databases\n--\n\n");
        }
        for (String db : databases) {
            if (db.equals("template0")) {
                continue;
            }
            if (excluded.contains(db)) {
                listener.info("excluding database \"" + db + "\"");
                continue;
            }
            listener.info("dumping database \"" + db + "\"");
            out.print("--\n-- Database \"" + GlobalsStyle.commentName(db) + "\" dump\n--\n\n");
            boolean template = db.equals("template1") || db.equals("postgres");
            if (template && !o.clean()) {
                out.print("\\connect " + db + "\n\n"); // pg_dump without --create does not reconnect
            }
            out.flush();
            try {
                PgDump.run(database(source, db), perDatabase(o, !template || o.clean(), template && o.clean()),
                        listener, target);
            } catch (RuntimeException e) {
                throw new DatabaseDumpException(db, e);
            }
        }
        if (o.verbose()) {
            out.print("-- Completed on " + stamp() + "\n\n");
        }
        out.print("--\n-- PostgreSQL database cluster dump complete\n--\n\n");
        out.flush();
    }

    /**
     * The initial connection: to {@code -l}'s database, else to postgres and, when that fails, template1, as
     * pg_dumpall (whose {@code -d} connection string's own dbname is ignored).
     */
    private static Connection connect(ConnectionSource source, @Nullable String initial) {
        if (initial != null) {
            return source.open(initial);
        }
        try {
            return source.open("postgres");
        } catch (ConnectionException first) {
            try {
                return source.open("template1");
            } catch (ConnectionException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    /** The same connection parameters, another database (CVE-2020-25694: nothing but dbname changes). */
    private static ConnectionSource database(ConnectionSource source, String dbname) {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return source.open(dbname);
            }

            @Override
            public Connection open(String other) {
                return source.open(other);
            }

            @Override
            public String dbname() {
                return dbname;
            }

            @Override
            public @Nullable String clientEncoding() {
                return source.clientEncoding();
            }
        };
    }

    /** The forwarded options with pg_dumpall's per-database {@code --create} (and {@code --clean}). */
    private static DumpOptions perDatabase(DumpallOptions o, boolean create, boolean clean) {
        return o.database().withRender(o.database().render().forDatabase(clean, create, o.restrictKey()));
    }

    /** The names of the databases {@code --exclude-database} patterns match, as pg_dumpall's expand_dbname_patterns. */
    private static Set<String> excluded(Jdbc jdbc, List<String> patterns) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : patterns) {
            NamePattern pattern;
            try {
                pattern = NamePattern.parse(p, NamePattern.SIMPLE);
            } catch (UsageException e) {
                throw new UsageException("improper qualified name (too many dotted names): " + p, e);
            }
            String regex = pattern.nameRegex();
            out.addAll(regex == null
                    ? jdbc.query("databases", "SELECT datname FROM pg_catalog.pg_database n", rs -> rs.getString(1))
                    : jdbc.query("databases", "SELECT datname FROM pg_catalog.pg_database n WHERE datname "
                            + "OPERATOR(pg_catalog.~) ? COLLATE pg_catalog.default", rs -> rs.getString(1), regex));
        }
        return out;
    }

    /** What the script's settings and quoting depend on. */
    record Session(ServerFeatures features, String encoding, boolean standardStrings) {
    }

    private static Session session(Connection conn, @Nullable String encoding) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT pg_catalog.current_setting('server_version_num')::int, "
                        + "pg_catalog.current_setting('server_encoding'), "
                        + "pg_catalog.current_setting('standard_conforming_strings')")) {
            rs.next();
            ServerFeatures features = new ServerFeatures(rs.getInt(1));
            String enc = encoding == null ? rs.getString(2) : Encodings.canonical(conn, encoding);
            return new Session(features, enc, "on".equals(rs.getString(3)));
        }
    }

    private static String stamp() {
        return Timestamps.now(Timestamps.localZone());
    }
}
