package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassTest {
    static final String SOCKET_DIR = "/var/run/postgresql";

    @TempDir
    Path home;

    private Path passfile(String content) throws IOException {
        return passfile(content, "rw-------");
    }

    private Path passfile(String content, String perms) throws IOException {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }

    private static @Nullable String find(Path file, String host, String port, String db, String user) {
        return PgPass.lookupMatched(file, PgPass.matchHost(host, SOCKET_DIR), port, db, user).password();
    }

    @Test
    void exactMatch() throws IOException {
        Path file = passfile("db.example.com:5432:sales:alice:s3cret\n");
        assertEquals("s3cret", find(file, "db.example.com", "5432", "sales", "alice"));
        assertNull(find(file, "db.example.com", "5433", "sales", "alice"));
        assertNull(find(file, "db.example.com", "5432", "sales", "bob"));
        assertNull(find(file, "db.example.com", "5432", "sale", "alice"));
        assertNull(find(file, "db.example.co", "5432", "sales", "alice"));
    }

    @Test
    void starMatchesAnyValueButOnlyAsAWholeField() throws IOException {
        Path file = passfile("*:*:*:alice:one\nh*:5432:*:*:two\n");
        assertEquals("one", find(file, "anywhere", "1", "any", "alice"));
        assertNull(find(file, "h1", "5432", "db", "bob"));
        assertEquals("two", find(file, "h*", "5432", "db", "bob"));
    }

    @Test
    void firstMatchWins() throws IOException {
        Path file = passfile("h:5432:db:u:first\n*:*:*:*:second\nh:5432:db:u:third\n");
        assertEquals("first", find(file, "h", "5432", "db", "u"));
        assertEquals("second", find(file, "x", "5432", "db", "u"));
    }

    @Test
    void backslashEscapesColonAndBackslash() throws IOException {
        Path file = passfile("h\\:1:5432:d\\\\b:u:pa\\:ss\\\\word\\:\n");
        assertEquals("pa:ss\\word:", find(file, "h:1", "5432", "d\\b", "u"));
    }

    @Test
    void passwordEndsAtTheNextUnescapedColon() throws IOException {
        Path file = passfile("h:5432:db:u:pw:extra:fields\n");
        assertEquals("pw", find(file, "h", "5432", "db", "u"));
    }

    @Test
    void commentsBlankLinesAndCrLfAreHandled() throws IOException {
        Path file = passfile("# h:5432:db:u:commented\n\n  # not a comment: leading blank\r\nh:5432:db:u:pw\r\n");
        assertEquals("pw", find(file, "h", "5432", "db", "u"));
        assertNull(find(file, "  # not a comment", "5432", "db", "u"));
    }

    @Test
    void lineWithoutPasswordFieldDoesNotMatch() throws IOException {
        Path file = passfile("h:5432:db:u\nh:5432:db:u:\n");
        assertEquals("", find(file, "h", "5432", "db", "u"));
    }

    @Test
    void emptyPortMeans5432() throws IOException {
        Path file = passfile("h:5432:db:u:pw\n");
        assertEquals("pw", find(file, "h", "", "db", "u"));
    }

    @Test
    void localhostMatchesNoHostAndTheDefaultSocketDirOnly() throws IOException {
        Path file = passfile("localhost:5432:*:*:local\n/tmp:5432:*:*:tmpdir\n");
        assertEquals("local", find(file, "", "5432", "db", "u"));
        assertEquals("local", find(file, SOCKET_DIR, "5432", "db", "u"));
        assertEquals("local", find(file, "localhost", "5432", "db", "u"));
        assertEquals("tmpdir", find(file, "/tmp", "5432", "db", "u"));
        assertNull(find(file, SOCKET_DIR + "/", "5432", "db", "u"));
        assertNull(find(file, "127.0.0.1", "5432", "db", "u"));
    }

    @Test
    void utf8NamesMatchByteForByte() throws IOException {
        Path file = passfile("h:5432:d\u00e9j\u00e0:j\u00f6rg:p\u00e4ss\n");
        assertEquals("p\u00e4ss", find(file, "h", "5432", "d\u00e9j\u00e0", "j\u00f6rg"));
    }

    @Test
    void missingFileGivesNothingQuietly() {
        PgPass.Lookup lookup = PgPass.lookupMatched(home.resolve("absent"), "h", "5432", "d", "u");
        assertNull(lookup.password());
        assertEquals(List.of(), lookup.warnings());
    }

    @Test
    void groupOrWorldAccessIsIgnoredWithLibpqsWarning() throws IOException {
        for (String perms : List.of("rw-r--r--", "rw-rw----", "rw----r--", "rw-----w-", "rwx--x---")) {
            Path file = passfile("*:*:*:*:pw\n", perms);
            PgPass.Lookup lookup = PgPass.lookupMatched(file, "h", "5432", "d", "u");
            assertNull(lookup.password(), perms);
            assertEquals(List.of("WARNING: password file \"" + file + "\" has group or world access; "
                    + "permissions should be u=rw (0600) or less"), lookup.warnings(), perms);
        }
        Path file = passfile("*:*:*:*:pw\n", "r--------");
        assertEquals(new PgPass.Lookup("pw", List.of()), PgPass.lookupMatched(file, "h", "5432", "d", "u"));
    }

    @Test
    void directoryIsNotAPlainFile() throws IOException {
        Path dir = Files.createDirectory(home.resolve("dir"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        assertEquals(List.of("WARNING: password file \"" + dir + "\" is not a plain file"),
                PgPass.lookupMatched(dir, "h", "5432", "d", "u").warnings());
    }

    @Test
    void publicLookupAppliesTheLocalhostRule() throws IOException {
        Path file = passfile("localhost:5432:db:u:local\nh:5432:db:u:remote\n");
        assertEquals(new PgPass.Lookup("local", List.of()), PgPass.lookup(file, "", "5432", "db", "u"));
        assertEquals(new PgPass.Lookup("local", List.of()),
                PgPass.lookup(file, ConnDefaults.system().socketDir(), "", "db", "u"));
        assertEquals(new PgPass.Lookup("remote", List.of()), PgPass.lookup(file, "h", "5432", "db", "u"));
    }

    @Test
    void lookupToStringHidesThePassword() {
        assertFalse(new PgPass.Lookup("s3cret", List.of()).toString().contains("s3cret"));
    }

    // ---- as used by ConnInfo ----

    private ConnInfo resolve(Map<String, String> env, @Nullable String dbname, @Nullable String host) {
        return ConnInfo.resolve(ConnArgs.pgDump(dbname, host, null, "u", PasswordMode.DEFAULT), env, home,
                new ConnDefaults(SOCKET_DIR, home, "osuser"));
    }

    @Test
    void connInfoUsesThePasswordFilePerHostWhenNoPasswordIsGiven() throws IOException {
        passfile("localhost:5432:db:u:sockpw\nh2:5432:db:u:h2pw\n");
        ConnInfo info = resolve(Map.of(), "db", "," + "h2" + ",h3");
        assertEquals(Optional.of("sockpw"), info.passwordFor(info.hosts().get(0)));
        assertEquals(Optional.of("h2pw"), info.passwordFor(info.hosts().get(1)));
        assertEquals(Optional.empty(), info.passwordFor(info.hosts().get(2)));
        assertTrue(info.passwordFromFile(info.hosts().get(1)));
        // another database: the file is consulted again with the new name
        assertEquals(Optional.empty(), info.withDbname("other").passwordFor(info.hosts().get(1)));
    }

    @Test
    void explicitPasswordWinsOverThePasswordFile() throws IOException {
        passfile("*:*:*:*:filepw\n", "rw-r--r--");
        ConnInfo info = resolve(new HashMap<>(Map.of("PGPASSWORD", "envpw")), "db", "h");
        assertEquals(Optional.of("envpw"), info.passwordFor(info.hosts().get(0)));
        assertFalse(info.passwordFromFile(info.hosts().get(0)));
        assertEquals(List.of(), info.warnings(), "the file is not even read");
    }

    @Test
    void pgpassfileAndPassfileKeywordLocateTheFile() throws IOException {
        Path other = home.resolve("other.pgpass");
        Files.writeString(other, "*:*:*:*:otherpw\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        ConnInfo info = resolve(Map.of("PGPASSFILE", other.toString()), "db", "h");
        assertEquals(other, info.passfile());
        assertEquals(Optional.of("otherpw"), info.passwordFor(info.hosts().get(0)));
        info = resolve(Map.of(), "dbname=db passfile=" + other, "h");
        assertEquals(Optional.of("otherpw"), info.passwordFor(info.hosts().get(0)));
    }

    @Test
    void insecureFileBecomesAConnInfoWarning() throws IOException {
        Path file = passfile("*:*:*:*:pw\n", "rw-r--r--");
        ConnInfo info = resolve(Map.of(), "db", "h1,h2");
        String warning = "WARNING: password file \"" + file + "\" has group or world access; "
                + "permissions should be u=rw (0600) or less";
        // libpq looks the password up for each host and warns each time (pg_dump 18 with two hosts: twice)
        assertEquals(List.of(warning, warning), info.warnings());
        assertEquals(Optional.empty(), info.passwordFor(info.hosts().get(0)));
    }
}
