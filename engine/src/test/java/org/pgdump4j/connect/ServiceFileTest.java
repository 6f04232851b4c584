package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.ConnectionException;

class ServiceFileTest {
    @TempDir
    Path home;

    private Path sysconf;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        sysconf = Files.createDirectories(home.resolve("sysconf"));
    }

    private ConnInfo resolve(@Nullable String dbname, @Nullable String port) {
        return ConnInfo.resolve(ConnArgs.pgDump(dbname, null, port, null, PasswordMode.DEFAULT), env, home,
                new ConnDefaults("/tmp", sysconf, "osuser"));
    }

    private String error(@Nullable String dbname) {
        return assertThrows(ConnectionException.class, () -> resolve(dbname, null)).getMessage();
    }

    private Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void userServiceFileSuppliesParameters() throws IOException {
        write(home.resolve(".pg_service.conf"), "# comment\n\n[other]\nhost=wrong\n"
                + "  [mydb]  \n  host=svchost  \nport=5433\n# a comment in the section\nuser=admin\ndbname=svcdb\r\n"
                + "[after]\nhost=wrong2\n");
        ConnInfo info = resolve("service=mydb", null);
        assertEquals(new ConnInfo.Host("svchost", "", "5433", "svchost"), info.hosts().get(0));
        assertEquals("admin", info.user());
        assertEquals("svcdb", info.dbname());
    }

    @Test
    void pgserviceNamesTheService() throws IOException {
        write(home.resolve(".pg_service.conf"), "[mydb]\nhost=svchost\n");
        env.put("PGSERVICE", "mydb");
        assertEquals("svchost", resolve(null, null).hosts().get(0).host());
    }

    @Test
    void serviceBeatsEnvironmentButNotExplicitKeywords() throws IOException {
        write(home.resolve(".pg_service.conf"), "[s]\nport=1111\nhost=svchost\nsslmode=disable\n");
        env.put("PGPORT", "2222");
        env.put("PGHOST", "envhost");
        env.put("PGSSLMODE", "require");
        ConnInfo info = resolve("service=s host=connhost", null);
        assertEquals(new ConnInfo.Host("connhost", "", "1111", "connhost"), info.hosts().get(0));
        assertEquals("disable", info.sslmode());
        assertEquals("3333", resolve("service=s", "3333").hosts().get(0).port());
    }

    @Test
    void userFileDefinitionHidesTheSystemOne() throws IOException {
        write(home.resolve(".pg_service.conf"), "[s]\nhost=userhost\n");
        write(sysconf.resolve("pg_service.conf"), "[s]\nhost=syshost\nport=9999\n");
        ConnInfo info = resolve("service=s", null);
        assertEquals(new ConnInfo.Host("userhost", "", "5432", "userhost"), info.hosts().get(0));
    }

    @Test
    void systemFileIsReadWhenTheUserFileLacksTheService() throws IOException {
        write(home.resolve(".pg_service.conf"), "[other]\nhost=userhost\n");
        write(sysconf.resolve("pg_service.conf"), "[s]\nhost=syshost\n");
        assertEquals("syshost", resolve("service=s", null).hosts().get(0).host());
    }

    @Test
    void pgsysconfdirLocatesTheSystemFile() throws IOException {
        Path dir = Files.createDirectories(home.resolve("elsewhere"));
        write(dir.resolve("pg_service.conf"), "[s]\nhost=fromsysconfdir\n");
        write(sysconf.resolve("pg_service.conf"), "[s]\nhost=fromdefault\n");
        assertEquals("fromdefault", resolve("service=s", null).hosts().get(0).host());
        env.put("PGSYSCONFDIR", dir.toString());
        assertEquals("fromsysconfdir", resolve("service=s", null).hosts().get(0).host());
    }

    @Test
    void pgservicefileReplacesTheUserFile() throws IOException {
        write(home.resolve(".pg_service.conf"), "[s]\nhost=userhost\n");
        Path custom = write(home.resolve("custom.conf"), "[s]\nhost=customhost\n");
        env.put("PGSERVICEFILE", custom.toString());
        assertEquals("customhost", resolve("service=s", null).hosts().get(0).host());
        assertEquals("customhost", resolve("service=s servicefile=" + custom, null).hosts().get(0).host());
    }

    @Test
    void missingPgservicefileIsAnError() {
        Path missing = home.resolve("missing.conf");
        env.put("PGSERVICEFILE", missing.toString());
        assertEquals("service file \"" + missing + "\" not found", error("service=s"));
    }

    @Test
    void unknownServiceIsAnError() throws IOException {
        assertEquals("definition of service \"nope\" not found", error("service=nope"));
        write(home.resolve(".pg_service.conf"), "[s]\nhost=h\n");
        write(sysconf.resolve("pg_service.conf"), "[t]\nhost=h\n");
        assertEquals("definition of service \"nope\" not found", error("service=nope"));
        env.put("PGSERVICE", "gone");
        assertEquals("definition of service \"gone\" not found", error(null));
    }

    @Test
    void sectionNamePrefixDoesNotMatchALongerName() throws IOException {
        write(home.resolve(".pg_service.conf"), "[s2]\nhost=wrong\n[s] trailing text\nhost=right\n");
        assertEquals("right", resolve("service=s", null).hosts().get(0).host());
    }

    @Test
    void malformedLinesAreSyntaxErrors() throws IOException {
        Path file = write(home.resolve(".pg_service.conf"), "[s]\nhost=h\njunk\n");
        assertEquals("syntax error in service file \"" + file + "\", line 3", error("service=s"));
        write(file, "[s]\nhost = h\n");
        assertEquals("syntax error in service file \"" + file + "\", line 2", error("service=s"));
        write(file, "[s]\nnosuchkeyword=1\n");
        assertEquals("syntax error in service file \"" + file + "\", line 2", error("service=s"));
        write(file, "[other]\njunk\n[s]\nhost=h\n");
        assertEquals("h", resolve("service=s", null).hosts().get(0).host());
    }

    @Test
    void nestedServicesAreRejected() throws IOException {
        Path file = write(home.resolve(".pg_service.conf"), "[s]\nservice=t\n");
        assertEquals("nested \"service\" specifications not supported in service file \"" + file + "\", line 2",
                error("service=s"));
        write(file, "[s]\n\nservicefile=/x\n");
        assertEquals("nested \"servicefile\" specifications not supported in service file \"" + file + "\", line 3",
                error("service=s"));
    }

    @Test
    void valuesKeepInnerBlanksAndEqualsSigns() throws IOException {
        write(home.resolve(".pg_service.conf"), "[s]\noptions=-c search_path=a\n");
        assertEquals(Optional.of("-c search_path=a"), resolve("service=s", null).get("options"));
    }
}
