package org.pgdump4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.UsageException;

/** The restore builder's and the listing's refusals, in pg_restore's words; no server. */
class RestoreBuilderTest {
    private static String refusal(RestoreBuilder b) {
        return assertThrows(UsageException.class, b::run).getMessage();
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void needsAnArchiveAndOneTarget() {
        assertEquals("no archive to restore: call from(...)", refusal(PgDump4j.restore().into("dbname=x")));
        assertEquals("one of -d/--dbname and -f/--file must be specified",
                refusal(PgDump4j.restore().from(Path.of("x.dump"))));
        assertEquals("options -d/--dbname and -f/--file cannot be used together", assertThrows(UsageException.class,
                () -> PgDump4j.restore().into("dbname=x").toScript(new StringWriter())).getMessage());
    }

    @Test
    void refusesWhatPgRestoreRefuses() {
        assertEquals("options -c/--clean and -a/--data-only cannot be used together",
                refusal(PgDump4j.restore().from(Path.of("x")).toScript(new StringWriter()).dataOnly().clean()));
        assertEquals("option --if-exists requires option -c/--clean",
                refusal(PgDump4j.restore().from(Path.of("x")).toScript(new StringWriter()).ifExists()));
        assertEquals("options -C/--create and -1/--single-transaction cannot be used together",
                refusal(PgDump4j.restore().from(Path.of("x")).into("dbname=x").create().singleTransaction()));
    }

    @Test
    void sectionsAreCheckedAsPgRestoreChecksThem() {
        assertEquals("unrecognized section name: \"indexes\"",
                assertThrows(UsageException.class, () -> PgDump4j.restore().section("pre-data", "indexes"))
                        .getMessage());
    }

    @Test
    void inputThatIsNoArchiveGetsPgRestoresWords(@TempDir Path dir) {
        assertEquals("input file appears to be a text format dump. Please use psql.",
                assertThrows(ArchiveFormatException.class, () -> PgDump4j.list(
                        bytes("--\n-- PostgreSQL database dump\n--\n\nSET x = 1;\n"))).getMessage());
        assertEquals("input file is too short (read 2, expected 5)",
                assertThrows(ArchiveFormatException.class, () -> PgDump4j.list(bytes("PG"))).getMessage());
        assertEquals("input file does not appear to be a valid archive (too short?)",
                assertThrows(ArchiveFormatException.class, () -> PgDump4j.list(bytes("hello world"))).getMessage());
        Path missing = dir.resolve("missing.dump");
        PgDumpException e = assertThrows(PgDumpException.class, () -> PgDump4j.restore().from(missing)
                .toScript(new StringWriter()).run());
        assertEquals("could not open input file \"" + missing + "\": No such file or directory", e.getMessage());
    }

    @Test
    void parallelRestoreNeedsAConnectionPerWorker() {
        Connection conn = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    throw new AssertionError("not to be used: " + method.getName());
                });
        assertEquals("option -j/--jobs needs a connection per worker, which a Connection cannot give: restore into a"
                + " DataSource, a connection string or a JDBC URL",
                refusal(PgDump4j.restore().from(Path.of("x.dump")).into(conn).jobs(2)));
        assertEquals("-j/--jobs must be in range 1..2147483647", assertThrows(UsageException.class,
                () -> PgDump4j.restore().jobs(0)).getMessage());
        assertEquals("cannot specify both --single-transaction and multiple jobs",
                refusal(PgDump4j.restore().from(Path.of("x.dump")).into("dbname=x").jobs(2).singleTransaction()));
    }
}
