package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

class ConnectErrorsTest {

    private static ConnInfo.Host host(String host, String hostaddr, String port) {
        return new ConnInfo.Host(host, hostaddr, port, host);
    }

    @Test
    void prefixNamesTheSocketFile() {
        assertEquals("connection to server on socket \"/tmp/.s.PGSQL.5433\" failed: ",
                ConnectErrors.prefix(host("/tmp", "", "5433"), null));
    }

    @Test
    void prefixShowsTheResolvedAddressOnlyWhenItDiffers() throws UnknownHostException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        assertEquals("connection to server at \"localhost\" (127.0.0.1), port 5432 failed: ",
                ConnectErrors.prefix(host("localhost", "", "5432"), loopback));
        assertEquals("connection to server at \"127.0.0.1\", port 5432 failed: ",
                ConnectErrors.prefix(host("127.0.0.1", "", "5432"), loopback));
        assertEquals("connection to server at \"::1\", port 5432 failed: ",
                ConnectErrors.prefix(host("::1", "", "5432"), InetAddress.getByName("::1")));
        assertEquals("connection to server at \"10.0.0.1\", port 6000 failed: ",
                ConnectErrors.prefix(host("db.example.com", "10.0.0.1", "6000"), null));
    }

    @Test
    void literalNeverResolvesNames() {
        assertEquals("127.0.0.1", ConnectErrors.literal("127.0.0.1").getHostAddress());
        assertTrue(ConnectErrors.literal("::1").isLoopbackAddress());
        assertNull(ConnectErrors.literal("localhost"));
        assertNull(ConnectErrors.literal("999.1.1.1"));
        assertNull(ConnectErrors.literal("1.2.3"));
        assertNull(ConnectErrors.literal("zz::zz::1"));
        assertNull(ConnectErrors.literal(""));
    }

    @Test
    void serverErrorsKeepSeverityAndPrimaryMessage() {
        ServerErrorMessage sem = new ServerErrorMessage("SFATAL\0VFATAL\0C28P01\0"
                + "Mpassword authentication failed for user \"x\"\0Dsome detail\0");
        PSQLException e = new PSQLException(sem);
        assertEquals("FATAL:  password authentication failed for user \"x\"", ConnectErrors.detail(e));
        assertTrue(ConnectErrors.invalidPassword(e));
        assertFalse(ConnectErrors.needsPassword(e));
    }

    @Test
    void socketErrorsUseTheOperatingSystemText() {
        PSQLException e = new PSQLException("Connection to 127.0.0.1:1 refused. Check that ...",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        assertEquals("Connection refused", ConnectErrors.detail(e));
        e = new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new SocketTimeoutException("Connect timed out"));
        assertEquals("timeout expired", ConnectErrors.detail(e));
        e = new PSQLException("SSL error", PSQLState.CONNECTION_FAILURE,
                new SSLHandshakeException("PKIX path building failed"));
        assertEquals("SSL error: PKIX path building failed", ConnectErrors.detail(e));
    }

    @Test
    void pgjdbcMessagesAreTranslatedWhereLibpqSaysItDifferently() {
        assertEquals("server does not support SSL, but SSL was required", ConnectErrors.detail(
                new PSQLException("The server does not support SSL.", PSQLState.CONNECTION_REJECTED)));
        assertEquals("timeout expired", ConnectErrors.detail(
                new PSQLException("Connection attempt timed out.", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        assertEquals("Something odd", ConnectErrors.detail(
                new PSQLException("Something odd.", PSQLState.UNEXPECTED_ERROR)));
    }

    @Test
    void missingPasswordIsRecognised() {
        PSQLException e = new PSQLException(PgJdbcPasswordPlugin.NO_PASSWORD, PSQLState.CONNECTION_REJECTED);
        assertEquals("fe_sendauth: no password supplied", ConnectErrors.detail(e));
        assertTrue(ConnectErrors.needsPassword(e));
        PSQLException wrapped = new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_FAILURE, e);
        assertEquals("fe_sendauth: no password supplied", ConnectErrors.detail(wrapped));
        assertTrue(ConnectErrors.needsPassword(wrapped));
    }

    @Test
    void messagesAreOneLine() {
        ServerErrorMessage sem = new ServerErrorMessage("SFATAL\0C3D000\0Mline one\nline two\0");
        assertEquals("FATAL:  line one line two", ConnectErrors.detail(new PSQLException(sem)));
    }
}
