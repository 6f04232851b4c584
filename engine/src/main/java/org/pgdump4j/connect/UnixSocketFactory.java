package org.pgdump4j.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Properties;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGProperty;

/**
 * PgJDBC {@code socketFactory} for Unix-domain sockets: every socket it makes connects to the socket file given as
 * {@code socketFactoryArg} ({@code <dir>/.s.PGSQL.<port>}), whatever host and port PgJDBC asks for. Public only
 * because PgJDBC instantiates it by reflection; {@link PgConnector} sets it up.
 */
public final class UnixSocketFactory extends SocketFactory {
    /** Connection property carrying libpq's {@code requirepeer}. */
    static final String REQUIREPEER_PROPERTY = "pgdump4j.requirepeer";

    private final Path socketPath;
    private final @Nullable String requirePeer;

    /** Called by PgJDBC with the connection properties. */
    public UnixSocketFactory(Properties info) {
        String arg = PGProperty.SOCKET_FACTORY_ARG.getOrDefault(info);
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("socketFactoryArg must name the Unix socket file");
        }
        this.socketPath = Path.of(arg);
        this.requirePeer = info.getProperty(REQUIREPEER_PROPERTY);
    }

    @Override
    public Socket createSocket() {
        return new UnixSocket(socketPath, requirePeer);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(InetSocketAddress.createUnresolved(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address.getHostAddress(), port);
    }
}
