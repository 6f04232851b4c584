package org.pgdump4j.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Socket} over a Unix-domain {@link SocketChannel}, for PgJDBC (which only knows {@code java.net.Socket}).
 * The address given to {@code connect} is ignored: the socket always connects to its socket file. The channel is
 * non-blocking and waits in selectors, so {@link #setSoTimeout} works as for TCP sockets (PgJDBC relies on it for
 * {@code socketTimeout} and for polling notifications). TCP options are remembered and otherwise ignored; buffer sizes
 * are passed to the channel. Reads, writes and {@link #close()} may come from different threads.
 */
final class UnixSocket extends Socket {
    private final Path path;
    private final @Nullable String requirePeer;
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    private final InputStream in = new In();
    private final OutputStream out = new Out();
    private volatile @Nullable SocketChannel channel;
    private volatile @Nullable Selector readSelector;
    private volatile @Nullable Selector writeSelector;
    private volatile int soTimeout;
    private volatile boolean closed;
    private volatile boolean inputShutdown;
    private volatile boolean outputShutdown;
    private volatile boolean tcpNoDelay = true;
    private volatile boolean keepAlive;

    /**
     * @param path the socket file, {@code <dir>/.s.PGSQL.<port>}
     * @param requirePeer libpq's {@code requirepeer}: the operating-system user the server must run as, or null
     */
    UnixSocket(Path path, @Nullable String requirePeer) {
        this.path = path;
        this.requirePeer = requirePeer;
    }

    @Override
    public void connect(@Nullable SocketAddress ignored) throws IOException {
        connect(ignored, 0);
    }

    @Override
    public void connect(@Nullable SocketAddress ignored, int timeoutMillis) throws IOException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        if (channel != null) {
            throw new SocketException("already connected");
        }
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.configureBlocking(false);
            try {
                if (!ch.connect(UnixDomainSocketAddress.of(path))) {
                    finishConnect(ch, timeoutMillis);
                }
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                // connect() itself failed (no such socket, refused): libpq then adds its hint (ConnectErrors)
                ConnectException refused = new ConnectException(e.getMessage());
                refused.initCause(e);
                throw refused;
            }
            checkPeer(ch);
            Selector reads = Selector.open();
            Selector writes = Selector.open();
            ch.register(reads, SelectionKey.OP_READ);
            ch.register(writes, SelectionKey.OP_WRITE);
            readSelector = reads;
            writeSelector = writes;
            channel = ch;
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch, e);
            throw e;
        }
    }

    private static void finishConnect(SocketChannel ch, int timeoutMillis) throws IOException {
        try (Selector selector = Selector.open()) {
            ch.register(selector, SelectionKey.OP_CONNECT);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (!ch.finishConnect()) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (timeoutMillis > 0 && remaining <= 0) {
                    throw new SocketTimeoutException("Connect timed out");
                }
                selector.select(timeoutMillis > 0 ? remaining : 0);
                selector.selectedKeys().clear();
            }
        }
    }

    private void checkPeer(SocketChannel ch) throws IOException {
        if (requirePeer == null || requirePeer.isEmpty()) {
            return;
        }
        UnixDomainPrincipal peer = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
        String actual = peer.user().getName();
        if (!requirePeer.equals(actual)) {
            throw new SocketException("requirepeer specifies \"" + requirePeer + "\", but actual peer user name is \""
                    + actual + "\"");
        }
    }

    private static void closeQuietly(SocketChannel ch, Exception primary) {
        try {
            ch.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    private SocketChannel open() throws SocketException {
        SocketChannel ch = channel;
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        if (ch == null) {
            throw new SocketException("Socket is not connected");
        }
        return ch;
    }

    /** Waits until {@code selector} is ready; false when {@code timeoutMillis} (0: none) ran out. */
    private boolean await(@Nullable Selector selector, long deadline, int timeoutMillis) throws IOException {
        if (selector == null) {
            throw new SocketException("Socket is not connected");
        }
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (timeoutMillis > 0 && remaining <= 0) {
            return false;
        }
        try {
            selector.select(timeoutMillis > 0 ? remaining : 0);
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw closedException(e);
        }
        if (closed) {
            throw new SocketException("Socket closed");
        }
        return true;
    }

    /** A close by another thread surfaces as "Socket closed", as for java.net sockets. */
    private SocketException closedException(Exception cause) {
        SocketException e = new SocketException(closed ? "Socket closed" : String.valueOf(cause.getMessage()));
        e.initCause(cause);
        return e;
    }

    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (inputShutdown) {
                return -1;
            }
            synchronized (readLock) {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                int timeout = soTimeout;
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
                while (true) {
                    int n;
                    try {
                        n = open().read(buf);
                    } catch (ClosedChannelException e) {
                        throw closedException(e);
                    }
                    if (n != 0) {
                        return n;
                    }
                    if (!await(readSelector, deadline, timeout)) {
                        throw new SocketTimeoutException("Read timed out");
                    }
                }
            }
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public void close() throws IOException {
            UnixSocket.this.close();
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (outputShutdown) {
                throw new SocketException("Socket output is shutdown");
            }
            synchronized (writeLock) {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    int n;
                    try {
                        n = open().write(buf);
                    } catch (ClosedChannelException e) {
                        throw closedException(e);
                    }
                    if (n == 0) {
                        await(writeSelector, 0, 0);
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            UnixSocket.this.close();
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        open();
        return in;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        open();
        return out;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (Selector selector : new Selector[] {readSelector, writeSelector}) {
            if (selector != null) {
                selector.wakeup();
            }
        }
        SocketChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        for (Selector selector : new Selector[] {readSelector, writeSelector}) {
            if (selector != null) {
                try {
                    selector.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        open().shutdownInput();
        inputShutdown = true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        open().shutdownOutput();
        outputShutdown = true;
    }

    @Override
    public void bind(@Nullable SocketAddress bindpoint) throws IOException {
        throw new SocketException("cannot bind a Unix-domain client socket to a local address");
    }

    @Override
    public boolean isConnected() {
        return channel != null;
    }

    @Override
    public boolean isBound() {
        return channel != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isInputShutdown() {
        return inputShutdown;
    }

    @Override
    public boolean isOutputShutdown() {
        return outputShutdown;
    }

    @Override
    public @Nullable InetAddress getInetAddress() {
        return null;
    }

    @Override
    public InetAddress getLocalAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public int getPort() {
        return 0;
    }

    @Override
    public int getLocalPort() {
        return -1;
    }

    @Override
    public @Nullable SocketAddress getRemoteSocketAddress() {
        return channel == null ? null : UnixDomainSocketAddress.of(path);
    }

    @Override
    public @Nullable SocketAddress getLocalSocketAddress() {
        return null;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout can't be negative");
        }
        soTimeout = timeout;
    }

    @Override
    public int getSoTimeout() {
        return soTimeout;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        tcpNoDelay = on;
    }

    @Override
    public boolean getTcpNoDelay() {
        return tcpNoDelay;
    }

    @Override
    public void setKeepAlive(boolean on) {
        keepAlive = on;
    }

    @Override
    public boolean getKeepAlive() {
        return keepAlive;
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        setChannelOption(StandardSocketOptions.SO_SNDBUF, size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return getChannelOption(StandardSocketOptions.SO_SNDBUF);
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        setChannelOption(StandardSocketOptions.SO_RCVBUF, size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return getChannelOption(StandardSocketOptions.SO_RCVBUF);
    }

    private void setChannelOption(SocketOption<Integer> option, int size) throws SocketException {
        if (size <= 0) {
            throw new IllegalArgumentException("negative or zero buffer size");
        }
        try {
            open().setOption(option, size);
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            throw new SocketException(e.getMessage());
        }
    }

    private int getChannelOption(SocketOption<Integer> option) throws SocketException {
        try {
            return open().getOption(option);
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            throw new SocketException(e.getMessage());
        }
    }

    @Override
    public void setSoLinger(boolean on, int linger) {
        // not applicable to Unix-domain sockets
    }

    @Override
    public int getSoLinger() {
        return -1;
    }

    @Override
    public void setOOBInline(boolean on) {
        // not applicable to Unix-domain sockets
    }

    @Override
    public boolean getOOBInline() {
        return false;
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        throw new SocketException("urgent data is not supported on Unix-domain sockets");
    }

    @Override
    public void setTrafficClass(int tc) {
        // not applicable to Unix-domain sockets
    }

    @Override
    public int getTrafficClass() {
        return 0;
    }

    @Override
    public void setReuseAddress(boolean on) {
        // not applicable to Unix-domain client sockets
    }

    @Override
    public boolean getReuseAddress() {
        return false;
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        // ignored, as by most socket implementations
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        throw new UnsupportedOperationException("'" + name + "' not supported on this socket");
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        throw new UnsupportedOperationException("'" + name + "' not supported on this socket");
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Set.of();
    }

    @Override
    public String toString() {
        return "UnixSocket[" + path + (closed ? ", closed" : channel != null ? ", connected" : "") + "]";
    }
}
