package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGProperty;

/** The Unix-domain socket given to PgJDBC, against a small echo server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnixSocketTest {
    @TempDir
    Path dir;

    private Path path;
    private ServerSocketChannel server;
    private CompletableFuture<Void> echo;

    @BeforeEach
    void startEchoServer() throws IOException {
        path = dir.resolve(".s.PGSQL.5432");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        echo = CompletableFuture.runAsync(() -> {
            try (SocketChannel client = server.accept()) {
                ByteBuffer buf = ByteBuffer.allocate(65536);
                while (client.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        client.write(buf);
                    }
                    buf.clear();
                }
            } catch (IOException e) {
                // the test closed the server
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private Socket connect() throws IOException {
        Properties info = new Properties();
        PGProperty.SOCKET_FACTORY_ARG.set(info, path.toString());
        Socket socket = new UnixSocketFactory(info).createSocket();
        assertFalse(socket.isConnected());
        socket.connect(new InetSocketAddress("localhost", 5432), 5000);
        return socket;
    }

    @Test
    void echoesThroughStreamsAsPgJdbcUsesThem() throws IOException {
        try (Socket socket = connect()) {
            assertTrue(socket.isConnected());
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.setSoTimeout(0);
            assertTrue(socket.getSendBufferSize() > 0);
            socket.setReceiveBufferSize(65536);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] big = new byte[1 << 20];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31);
            }
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(big);
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertArrayEquals(big, in.readNBytes(big.length));
            writer.join();
            out.write("x".getBytes(StandardCharsets.US_ASCII));
            assertEquals('x', in.read());
        }
    }

    @Test
    void soTimeoutMakesReadsTimeOut() throws IOException {
        try (Socket socket = connect()) {
            socket.setSoTimeout(50);
            long start = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40));
            // still usable afterwards, as PgJDBC expects after polling with a 1 ms timeout
            socket.setSoTimeout(0);
            socket.getOutputStream().write(7);
            assertEquals(7, socket.getInputStream().read());
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedRead() throws Exception {
        Socket socket = connect();
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try {
                socket.getInputStream().read();
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(100);
        socket.close();
        assertTrue(socket.isClosed());
        assertTrue(reader.get(10, TimeUnit.SECONDS) instanceof SocketException);
        assertThrows(SocketException.class, socket::getInputStream);
    }

    @Test
    void endOfStreamWhenThePeerCloses() throws Exception {
        try (Socket socket = connect()) {
            // let the peer see our EOF and close its end before the listener goes: closing the listener first
            // could drop a not-yet-accepted connection with a reset instead of an orderly close
            socket.shutdownOutput();
            echo.get(10, TimeUnit.SECONDS);
            server.close();
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void missingSocketFileFailsToConnect() {
        Properties info = new Properties();
        PGProperty.SOCKET_FACTORY_ARG.set(info, dir.resolve("nothing").toString());
        Socket socket = new UnixSocketFactory(info).createSocket();
        IOException e = assertThrows(IOException.class, () -> socket.connect(null, 1000));
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
    }

    @Test
    void requirepeerChecksTheServerUser() throws IOException {
        String me = System.getProperty("user.name");
        Properties info = new Properties();
        PGProperty.SOCKET_FACTORY_ARG.set(info, path.toString());
        info.setProperty(UnixSocketFactory.REQUIREPEER_PROPERTY, me);
        try (Socket socket = new UnixSocketFactory(info).createSocket()) {
            socket.connect(null);
            assertTrue(socket.isConnected());
        }
        info.setProperty(UnixSocketFactory.REQUIREPEER_PROPERTY, "somebody_else");
        Socket socket = new UnixSocketFactory(info).createSocket();
        SocketException e = assertThrows(SocketException.class, () -> socket.connect(null));
        assertEquals("requirepeer specifies \"somebody_else\", but actual peer user name is \"" + me + "\"",
                e.getMessage());
    }
}
