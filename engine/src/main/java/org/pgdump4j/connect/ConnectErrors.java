package org.pgdump4j.connect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** One-line, libpq-style texts for failed connection attempts. */
final class ConnectErrors {
    /** SQLSTATE invalid_password (28P01). */
    static final String INVALID_PASSWORD = "28P01";

    private ConnectErrors() {
    }

    /**
     * libpq's {@code emitHostIdentityInfo}: {@code connection to server on socket "/tmp/.s.PGSQL.5432" failed: } or
     * {@code connection to server at "host" (1.2.3.4), port 5432 failed: } (the address only when it differs from the
     * host as written; {@code hostaddr} is shown as the host).
     */
    static String prefix(ConnInfo.Host host, @Nullable InetAddress resolved) {
        if (host.isUnixSocket()) {
            return "connection to server on socket \"" + host.socketPath() + "\" failed: ";
        }
        int port = host.portNumber();
        if (!host.hostaddr().isEmpty()) {
            return "connection to server at \"" + host.hostaddr() + "\", port " + port + " failed: ";
        }
        String ip = resolved == null ? "" : resolved.getHostAddress();
        if (!ip.isEmpty() && !ip.equals(host.host()) && !resolved.equals(literal(host.host()))) {
            return "connection to server at \"" + host.host() + "\" (" + ip + "), port " + port + " failed: ";
        }
        return "connection to server at \"" + host.host() + "\", port " + port + " failed: ";
    }

    /**
     * {@code text} as a numeric address when it is one (never a DNS lookup), else null: libpq's
     * {@code AI_NUMERICHOST}.
     */
    static @Nullable InetAddress literal(String text) {
        boolean v4 = !text.isEmpty() && text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
        boolean v6 = text.indexOf(':') >= 0;
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@link #detail(SQLException)} of a failed attempt on {@code host}, with libpq's line for a failed connect(). */
    static String detail(SQLException e, ConnInfo.Host host) {
        String detail = detail(e);
        return connectFailed(e) ? detail + (host.isUnixSocket()
                ? "\n\tIs the server running locally and accepting connections on that socket?"
                : "\n\tIs the server running on that host and accepting TCP/IP connections?") : detail;
    }

    /** libpq's connectFailureMessage cases: the socket's connect() failed (refused, no such socket, no route). */
    private static boolean connectFailed(SQLException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What went wrong, as libpq words it: a server error as {@code FATAL:  message} (two blanks, primary message
     * only), a socket error as the operating system's text ({@code Connection refused}), a timeout as
     * {@code timeout expired}, an SSL failure as {@code SSL error: ...}; other PgJDBC messages as they are.
     */
    static String detail(SQLException e) {
        if (e instanceof PSQLException) {
            ServerErrorMessage server = ((PSQLException) e).getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                String severity = server.getSeverity() == null ? "FATAL" : server.getSeverity();
                return severity + ":  " + oneLine(server.getMessage());
            }
        }
        if (PgJdbcPasswordPlugin.NO_PASSWORD.equals(e.getMessage())) {
            return PgJdbcPasswordPlugin.NO_PASSWORD;
        }
        Throwable io = null;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof PSQLException && PgJdbcPasswordPlugin.NO_PASSWORD.equals(t.getMessage())) {
                return PgJdbcPasswordPlugin.NO_PASSWORD;
            }
            if (t instanceof java.io.IOException) {
                io = t;
            }
        }
        if (io instanceof SocketTimeoutException) {
            return "timeout expired";
        }
        if (io instanceof SSLException) {
            return "SSL error: " + oneLine(String.valueOf(io.getMessage()));
        }
        if (io != null && io.getMessage() != null) {
            return oneLine(io.getMessage());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
        switch (message) {
            case "The server does not support SSL.":
                return "server does not support SSL, but SSL was required";
            case "Connection attempt timed out.":
                return "timeout expired";
            default:
                return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        }
    }

    /** True when the attempt failed because the server asked for a password and none was known. */
    static boolean needsPassword(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException && PgJdbcPasswordPlugin.NO_PASSWORD.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** True when the server rejected the password (SQLSTATE 28P01). */
    static boolean invalidPassword(SQLException e) {
        return INVALID_PASSWORD.equals(e.getSQLState());
    }

    static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
    }
}
