package org.pgdump4j.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.api.ArchiveListing;
import org.pgdump4j.api.Format;
import org.pgdump4j.api.Listener;
import org.pgdump4j.api.PgDump4j;
import org.pgdump4j.api.RestoreResult;
import org.pgdump4j.api.TocItem;
import org.pgdump4j.progress.ProgressEvent;

/**
 * What a migration tool does with pgdump4j, from the connection pool it already has: the schema as text (to review
 * or to commit), the whole database as a custom archive restored through streams into another database, the
 * archive's table of contents, progress on the way (pg_dump's -v lines, and tables N of M with their rows and bytes);
 * and a check that the pool's connection came back as it went.
 *
 * <pre>
 * java org.pgdump4j.examples.MigrationTool jdbc:postgresql://db/shop jdbc:postgresql://db/shop_copy app
 * </pre>
 */
public final class MigrationTool {
    private MigrationTool() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: MigrationTool SOURCE_JDBC_URL TARGET_JDBC_URL [USER [PASSWORD]]");
            System.exit(2);
        }
        String user = args.length > 2 ? args[2] : null;
        String password = args.length > 3 ? args[3] : null;
        try (HikariDataSource source = pool(args[0], user, password);
             HikariDataSource target = pool(args[1], user, password)) {
            migrate(source, target, System.out);
        } catch (PgDumpException e) {
            System.err.println("migration: error: " + e.getMessage()); // the line pg_dump would print
            System.exit(1);
        }
    }

    /** A pool as an application configures one, with its own session setting on every connection. */
    static HikariDataSource pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2); // a dump reads with two connections when it can have them
        config.setConnectionInitSql("SET search_path = app, public");
        return new HikariDataSource(config);
    }

    /** The four steps; each one's result is printed to {@code out}. */
    public static void migrate(DataSource source, DataSource target, PrintStream out) {
        Map<String, String> before = session(source);
        Listener progress = new Listener() {
            @Override
            public void info(String message) {
                out.println("  progress: " + message);
            }

            @Override
            public void warning(String message) {
                out.println("  warning: " + message);
            }

            @Override
            public void event(ProgressEvent event) { // what a progress bar needs: totals, then each table
                if (event instanceof ProgressEvent.Totals t) {
                    out.println("  progress: " + t.tables() + " tables, about " + t.estimatedBytes() + " bytes");
                } else if (event instanceof ProgressEvent.TableData d && d.done()) {
                    out.println("  progress: table " + d.number() + " of " + d.of() + ", " + d.table().schema() + "."
                            + d.table().name() + ": " + d.rows() + " rows, " + d.bytes() + " bytes");
                }
            }
        };

        // 1. the schema, as a String
        String schema = PgDump4j.dump().from(source).schemaOnly().noOwner().toText();
        out.println("schema-only dump: " + schema.lines().count() + " lines, "
                + schema.lines().filter(l -> l.startsWith("CREATE ")).count() + " CREATE statements");

        // 2. the whole database as a custom archive, with progress
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        PgDump4j.dump().from(source).format(Format.CUSTOM).verbose().listener(progress).to(archive).run();
        out.println("custom archive: " + archive.size() + " bytes");

        // 3. its table of contents
        ArchiveListing listing = PgDump4j.list(new ByteArrayInputStream(archive.toByteArray()));
        out.println("archive of " + listing.dbname() + ", format " + listing.format() + ", "
                + listing.entries().size() + " entries:");
        for (TocItem item : listing.entries()) {
            out.println("  " + item.dumpId() + "; " + item.kind() + " " + (item.schema() == null ? "-" : item.schema())
                    + " " + item.name() + " (" + item.section() + ")");
        }

        // 4. restored from an InputStream into the other database
        RestoreResult result = PgDump4j.restore().from(new ByteArrayInputStream(archive.toByteArray()))
                .into(target).noOwner().exitOnError().verbose().listener(progress).run();
        out.println("restore: " + (result.clean() ? "clean" : result.errorsIgnored() + " errors ignored"));

        Map<String, String> after = session(source);
        if (!after.equals(before)) {
            throw new IllegalStateException("the pooled connection came back changed: " + before + " -> " + after);
        }
        out.println("pooled connection unchanged: search_path=" + after.get("search_path") + ", row_security="
                + after.get("row_security") + ", extra_float_digits=" + after.get("extra_float_digits"));
    }

    /** The session settings a dump changes on its connection, and the transaction state, as a pooled one has them. */
    static Map<String, String> session(DataSource pool) {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN ('search_path',"
                    + " 'row_security', 'extra_float_digits', 'DateStyle', 'IntervalStyle', 'statement_timeout',"
                    + " 'lock_timeout', 'idle_in_transaction_session_timeout', 'synchronize_seqscans',"
                    + " 'default_transaction_isolation', 'default_transaction_read_only')")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            out.put("autocommit", Boolean.toString(c.getAutoCommit()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the pooled connection's settings", e);
        }
        return out;
    }
}
