package org.pgdump4j.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server of one major version (10 to 18), run from the zonky binaries on Maven Central in a fresh
 * temporary cluster. Used by {@code pgdump4j demo} and by the tests.
 *
 * <p>The cluster is initialised with {@code -E UTF8 --locale=C.UTF-8}, runs in UTC, listens on {@code 127.0.0.1}
 * on a free port and on a Unix socket in {@link #socketDir()}. {@code pg_hba.conf} trusts the superuser
 * {@code postgres} over TCP and every role over the socket; other roles need their password over TCP
 * ({@code scram-sha-256}), so tests can exercise password handling. Durability is off ({@code fsync=off}).
 *
 * <p>When the JVM runs as root, {@code initdb} and the server run as {@code nobody} through {@code setpriv}. A
 * shutdown hook stops the server and deletes the cluster if {@link #close()} was not called. Every wait on a program
 * has a time limit; a failure is an {@link EmbeddedPostgresException} ending with the tail of the server log.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmbeddedPostgres.class.getName());

    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    private static final String WORK_DIR_PREFIX = "pgdump4j-pg";
    private static final String OWNER_PID_FILE = "jvm.pid";
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    /** Characters that survive pg_ctl's unquoted {@code -o} string and fit a Unix socket path. */
    private static final Pattern SHELL_SAFE_PATH = Pattern.compile("[A-Za-z0-9/._-]{1,70}");

    private final int major;
    private final String version;
    private final int versionNum;
    private final int port;
    private final Path installDir;
    private final Path workDir;
    private final Path dataDir;
    private final Path logFile;
    private final Exec exec;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;
    private final Object adminLock = new Object();
    /** Guarded by {@link #adminLock}. */
    private Connection admin;

    private EmbeddedPostgres(int major, int port, Path installDir, Path workDir, Exec exec) {
        this.major = major;
        this.port = port;
        this.installDir = installDir;
        this.workDir = workDir;
        this.dataDir = workDir.resolve("data");
        this.logFile = workDir.resolve("server.log");
        this.exec = exec;
        this.shutdownHook = new Thread(this::stopQuietly, "pgdump4j-embedded-postgres-" + major + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        String[] versions = queryVersion();
        this.version = versions[0];
        this.versionNum = Integer.parseInt(versions[1]);
    }

    /** The majors {@link #start(int)} accepts, ascending. */
    public static List<Integer> supportedMajors() {
        return List.copyOf(new TreeMap<>(PostgresBinaries.VERSIONS).keySet());
    }

    /**
     * Starts a new server of {@code major} (10..18) in a fresh cluster, downloading and unpacking the binaries the
     * first time. Blocks until the server accepts connections.
     *
     * @throws EmbeddedPostgresException when the major is not supported, or the binaries, {@code initdb} or the
     *     start fail
     */
    public static EmbeddedPostgres start(int major) {
        String zonkyVersion = PostgresBinaries.versionFor(major);
        Path install = PostgresBinaries.install(zonkyVersion);
        Exec exec = Exec.forCurrentUser();
        reapAbandonedClusters();
        Path work = createWorkDir(major, exec);
        try {
            initdb(install, work, exec);
            writeHba(work.resolve("data"));
            int port = startServer(install, work, exec);
            try {
                return new EmbeddedPostgres(major, port, install, work, exec);
            } catch (RuntimeException e) {
                pgCtlStop(install, work, exec);
                throw e;
            }
        } catch (RuntimeException e) {
            PostgresBinaries.deleteQuietly(work);
            throw e;
        }
    }

    /** The major version, e.g. 18. */
    public int major() {
        return major;
    }

    /** The server's {@code server_version}, e.g. {@code "18.1"}. */
    public String version() {
        return version;
    }

    /** The server's {@code server_version_num}, e.g. 180001. */
    public int versionNum() {
        return versionNum;
    }

    /** Always {@code "127.0.0.1"}. */
    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The folder holding the server's Unix socket ({@code .s.PGSQL.<port>}), usable as {@code PGHOST}. */
    public Path socketDir() {
        return workDir;
    }

    /** The superuser, {@code "postgres"}; it needs no password. */
    public String superuser() {
        return SUPERUSER;
    }

    /** The server's {@code bin/} folder (initdb, pg_ctl, postgres; no client programs). */
    public Path binDir() {
        return installDir.resolve("bin");
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * A JDBC URL for database {@code db} over TCP, without user: pass {@code user} (and {@code password}) as
     * properties, or use {@link #connect(String)} for the superuser.
     */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + URLEncoder.encode(db, StandardCharsets.UTF_8);
    }

    /** {@code PGHOST}, {@code PGPORT}, {@code PGUSER} and {@code PGDATABASE} for libpq clients (superuser, TCP). */
    public Map<String, String> libpqEnvironment(String db) {
        return Map.of("PGHOST", HOST, "PGPORT", Integer.toString(port), "PGUSER", SUPERUSER, "PGDATABASE", db);
    }

    /** A new connection to {@code db} as the superuser, over TCP. The caller closes it. */
    public Connection connect(String db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("connectTimeout", "30");
        return DriverManager.getConnection(jdbcUrl(db), props);
    }

    /**
     * Creates database {@code name} from {@code template0} with encoding UTF8 and locale C.UTF-8, owned by the
     * superuser, so dumps of it do not depend on what earlier tests left in {@code template1}.
     */
    public void createDatabase(String name) {
        try {
            withAdminConnection(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE " + quoteIdent(c, name)
                            + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
                }
            });
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("could not create database \"" + name + "\": " + e.getMessage(), e);
        }
    }

    /** Drops database {@code name} if it exists, after ending the sessions still connected to it. */
    public void dropDatabase(String name) {
        try {
            withAdminConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) "
                        + "FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                    ps.setString(1, name);
                    ps.executeQuery().close();
                }
                try (Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + quoteIdent(c, name));
                }
            });
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("could not drop database \"" + name + "\": " + e.getMessage(), e);
        }
    }

    /** {@code name} quoted by the server's {@code quote_ident}: this module stands alone, without the engine's helper. */
    private static String quoteIdent(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.quote_ident(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private interface SqlAction {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code action} on the one superuser connection to {@code postgres} kept for creating and dropping
     * databases (a new connection costs about 25 ms, which every test would pay twice). Reopened when broken.
     */
    private void withAdminConnection(SqlAction action) throws SQLException {
        synchronized (adminLock) {
            if (stopped.get()) {
                throw new EmbeddedPostgresException(this + " is stopped");
            }
            if (admin == null || !admin.isValid(5)) {
                closeAdminConnection();
                admin = connect("postgres");
            }
            action.run(admin);
        }
    }

    private void closeAdminConnection() {
        synchronized (adminLock) {
            if (admin != null) {
                try {
                    admin.close();
                } catch (SQLException e) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "closing the admin connection: " + e.getMessage());
                }
                admin = null;
            }
        }
    }

    /** True until {@link #stop()} ran. */
    public boolean isRunning() {
        return !stopped.get();
    }

    /** Stops the server ({@code pg_ctl stop -m fast}) and deletes the cluster. Idempotent. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself or while the JVM exits: nothing to unregister
        }
        closeAdminConnection();
        try {
            pgCtlStop(installDir, workDir, exec);
        } finally {
            PostgresBinaries.deleteQuietly(workDir);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version + " on " + HOST + ":" + port;
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "could not stop " + this + ": " + e.getMessage());
        }
    }

    private String[] queryVersion() {
        try (Connection c = connect("postgres");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), "
                        + "current_setting('server_version_num')")) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("PostgreSQL " + major + " started on port " + port
                    + " but refuses connections: " + e.getMessage() + "; server log:\n"
                    + Exec.tail(Exec.readQuietly(logFile), 30), e);
        }
    }


    // ---- cluster lifecycle -------------------------------------------------------------------------------------

    private static Path tempRoot() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        // the socket path (dir + /pgdump4j-pgNN-<19 digits>/.s.PGSQL.NNNNN) must stay below 107 bytes, and the dir
        // goes unquoted through pg_ctl's -o
        return SHELL_SAFE_PATH.matcher(tmp.toString()).matches() && tmp.toString().length() <= 50 ? tmp : Path.of("/tmp");
    }

    private static Path createWorkDir(int major, Exec exec) {
        try {
            Path work = Files.createTempDirectory(tempRoot(), WORK_DIR_PREFIX + major + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(work.resolve(OWNER_PID_FILE), ProcessHandle.current().pid() + "\n",
                    StandardCharsets.US_ASCII);
            if (exec.dropsPrivileges()) {
                OsUser.chownToUnprivileged(work);
            }
            return work;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not create a temporary folder for the cluster: " + e, e);
        }
    }

    private static void initdb(Path install, Path work, Exec exec) {
        // -N: no fsync of the new cluster; the server runs with fsync=off anyway
        List<String> cmd = List.of(install.resolve("bin/initdb").toString(), "-D", work.resolve("data").toString(),
                "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "-N");
        Exec.Result r = exec.run(cmd, work, INITDB_TIMEOUT);
        if (r.exitCode() != 0) {
            throw new EmbeddedPostgresException("initdb failed with exit code " + r.exitCode() + " ("
                    + install.resolve("bin/initdb") + "):\n" + r.tail(30));
        }
    }

    private static void writeHba(Path data) {
        String hba = """
                # written by pgdump4j's EmbeddedPostgres
                local   all   all                    trust
                host    all   postgres  127.0.0.1/32 trust
                host    all   all       127.0.0.1/32 scram-sha-256
                """;
        try {
            // initdb made this file, owned by the server user; rewriting it in place keeps that owner
            Files.writeString(data.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not write pg_hba.conf in \"" + data + "\": " + e, e);
        }
    }

    private static int startServer(Path install, Path work, Exec exec) {
        Path log = work.resolve("server.log");
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            String options = String.join(" ", "-p", Integer.toString(port), "-k", work.toString(),
                    "-c", "listen_addresses=" + HOST, "-c", "fsync=off", "-c", "full_page_writes=off",
                    "-c", "synchronous_commit=off", "-c", "max_connections=100",
                    "-c", "password_encryption=scram-sha-256");
            List<String> cmd = List.of(install.resolve("bin/pg_ctl").toString(), "-D", work.resolve("data").toString(),
                    "-w", "-t", "60", "-l", log.toString(), "-o", options, "start");
            Exec.Result r;
            try {
                r = exec.run(cmd, work, START_TIMEOUT);
            } catch (EmbeddedPostgresException e) {
                pgCtlStop(install, work, exec);
                throw new EmbeddedPostgresException(e.getMessage() + "\nserver log:\n"
                        + Exec.tail(Exec.readQuietly(log), 30), e);
            }
            if (r.exitCode() == 0) {
                return port;
            }
            String serverLog = Exec.readQuietly(log);
            pgCtlStop(install, work, exec);
            boolean portTaken = serverLog.contains("could not bind") || serverLog.contains("Address already in use");
            if (!portTaken || attempt >= START_ATTEMPTS) {
                throw new EmbeddedPostgresException("could not start PostgreSQL from \"" + install + "\" on port "
                        + port + ": pg_ctl exited with code " + r.exitCode() + ":\n" + r.tail(10)
                        + "server log:\n" + Exec.tail(serverLog, 30));
            }
            LOG.log(System.Logger.Level.INFO, () -> "port " + port + " was taken, retrying on another port");
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not find a free TCP port on " + HOST + ": " + e, e);
        }
    }

    /** Stops the cluster in {@code work} if it runs; kills the postmaster when pg_ctl cannot. Never throws. */
    private static void pgCtlStop(Path install, Path work, Exec exec) {
        Path data = work.resolve("data");
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        try {
            Exec.Result r = exec.run(List.of(install.resolve("bin/pg_ctl").toString(), "-D", data.toString(),
                    "-m", "fast", "-w", "-t", "30", "stop"), work, STOP_TIMEOUT);
            if (r.exitCode() == 0) {
                return;
            }
            LOG.log(System.Logger.Level.WARNING, () -> "pg_ctl stop failed:\n" + r.tail(10));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "pg_ctl stop failed: " + e.getMessage());
        }
        killPostmaster(data);
    }

    private static void killPostmaster(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            long pid = Long.parseLong(lines.get(0).strip());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .ifPresent(EmbeddedPostgres::terminate);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "could not kill the postmaster of \"" + data + "\": " + e);
        }
    }

    /** SIGTERM (a smart shutdown, quick without clients), then SIGKILL for the whole tree after 10 s. */
    private static void terminate(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
        }
    }

    /**
     * Stops and deletes clusters whose JVM died without running its shutdown hook (killed test runs), so they do
     * not pile up. Best effort: anything unreadable or unexpected is left alone.
     */
    private static void reapAbandonedClusters() {
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tempRoot(), WORK_DIR_PREFIX + "*")) {
            dirs.forEach(candidates::add);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "could not look for abandoned clusters: " + e);
            return;
        }
        for (Path dir : candidates) {
            try {
                long owner = Long.parseLong(Files.readString(dir.resolve(OWNER_PID_FILE), StandardCharsets.US_ASCII)
                        .strip());
                if (ProcessHandle.of(owner).filter(ProcessHandle::isAlive).isPresent()) {
                    continue;
                }
            } catch (IOException | RuntimeException e) {
                continue; // not ours to judge: another user's, or being created right now
            }
            LOG.log(System.Logger.Level.INFO, () -> "removing the abandoned cluster in " + dir);
            Path data = dir.resolve("data");
            if (Files.exists(data.resolve("postmaster.pid"))) {
                killPostmaster(data);
            }
            PostgresBinaries.deleteQuietly(dir);
        }
    }
}
