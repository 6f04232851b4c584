package org.pgdump4j.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * PgJDBC {@code socketFactory} for libpq's {@code hostaddr}: TCP sockets that connect to the numeric address given
 * as {@code socketFactoryArg} (on the port PgJDBC asks for) instead of resolving the host name, which PgJDBC keeps
 * for TLS host-name verification, as libpq does. Public only because PgJDBC instantiates it by reflection.
 */
public final class HostaddrSocketFactory extends SocketFactory {
    private final String hostaddr;

    /** Called by PgJDBC with {@code socketFactoryArg}: a numeric IPv4 or IPv6 address. */
    public HostaddrSocketFactory(String hostaddr) {
        if (hostaddr == null || hostaddr.isEmpty()) {
            throw new IllegalArgumentException("socketFactoryArg must be the hostaddr");
        }
        this.hostaddr = hostaddr;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(@Nullable SocketAddress endpoint, int timeout) throws IOException {
                int port = endpoint instanceof InetSocketAddress ? ((InetSocketAddress) endpoint).getPort() : 0;
                super.connect(new InetSocketAddress(InetAddress.getByName(hostaddr), port), timeout);
            }
        };
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
