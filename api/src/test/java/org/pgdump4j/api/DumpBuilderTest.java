package org.pgdump4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.UsageException;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.io.Sync;

/** The dump builder's options as the engine gets them, and its refusals in pg_dump's words; no server. */
class DumpBuilderTest {
    private static DumpBuilder dump() {
        return PgDump4j.dump().from("dbname=nowhere");
    }

    private static String refusal(DumpBuilder b) {
        return assertThrows(UsageException.class, b::options).getMessage();
    }

    @Test
    void mapsOptionsOntoTheEngine() {
        DumpOptions o = dump().format(Format.CUSTOM).compress("zstd:5").schemaOnly().noOwner().noPrivileges()
                .clean().ifExists().create().schema("app*").excludeSchema("tmp").table("app.t").excludeTable("app.log")
                .excludeTableData("app.big").strictNames().noSync().verbose().to(Path.of("x.dump")).options();
        assertEquals(OutputFormat.CUSTOM, o.format());
        assertEquals(Path.of("x.dump"), o.file());
        Compression c = o.archive().compression();
        assertEquals(Compression.Method.ZSTD, c.method());
        assertEquals(5, c.level());
        assertTrue(o.content().schemaOnly());
        assertFalse(o.content().dataOnly());
        assertTrue(o.render().noOwner() && o.render().noPrivileges() && o.render().clean() && o.render().ifExists()
                && o.render().create());
        assertEquals(List.of("app*"), o.selection().includeSchemas());
        assertEquals(List.of("tmp"), o.selection().excludeSchemas());
        assertEquals(List.of("app.t"), o.selection().includeTables());
        assertEquals(List.of("app.log"), o.selection().excludeTables());
        assertEquals(List.of("app.big"), o.selection().excludeTableData());
        assertTrue(o.selection().strictNames());
        assertEquals(Sync.NONE, o.sync());
        assertTrue(o.verbose());
    }

    @Test
    void parallelDumpIsADirectoryFromAConnectionPerWorker() {
        assertEquals(3, dump().format(Format.DIRECTORY).jobs(3).to(Path.of("d")).options().execution().jobs());
        assertEquals(1, dump().to(Path.of("x.sql")).options().execution().jobs());
        assertEquals("parallel backup only supported by the directory format",
                refusal(dump().format(Format.CUSTOM).jobs(2).to(Path.of("x.dump"))));
        java.sql.Connection conn = (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                    throw new AssertionError("not to be used: " + method.getName());
                });
        assertEquals("option -j/--jobs needs a connection per worker, which a Connection cannot give: dump from a"
                + " DataSource, a connection string or a JDBC URL",
                refusal(PgDump4j.dump().from(conn).format(Format.DIRECTORY).jobs(2).to(Path.of("d"))));
        assertEquals("-j/--jobs must be in range 1..2147483647",
                assertThrows(UsageException.class, () -> dump().jobs(0)).getMessage());
    }

    @Test
    void mapsTheKindsLeftOutAndTheExtensionPatterns() {
        DumpOptions o = dump().noTablespaces().noPublications().noSubscriptions().noPolicies().noSecurityLabels()
                .extension("pg_trgm").excludeExtension("plpgsql").to(new StringWriter()).options();
        assertEquals(new DumpOptions.Omit(true, true, true, false, true, false, true), o.omit());
        assertEquals(List.of("pg_trgm"), o.selection().includeExtensions());
        assertEquals(List.of("plpgsql"), o.selection().excludeExtensions());
        assertEquals(DumpOptions.Omit.NONE, dump().to(new StringWriter()).options().omit());
    }

    @Test
    void defaultsAreAFullPlainDump() {
        DumpOptions o = dump().to(new StringWriter()).options();
        assertEquals(OutputFormat.PLAIN, o.format());
        assertNull(o.file());
        assertNull(o.archive().compression());
        assertTrue(o.selection().includesEverything());
        assertEquals(Sync.FSYNC, o.sync());
        assertFalse(o.verbose());
    }

    @Test
    void needsADatabaseAndAnOutputNeverStandardOutput() {
        assertEquals("no database to dump: call from(...)", refusal(PgDump4j.dump().to(new StringWriter())));
        assertEquals("no output: call to(...)", refusal(dump()));
        assertEquals("the dump's output is already given", assertThrows(UsageException.class,
                () -> dump().to(new StringWriter()).to(Path.of("x"))).getMessage());
        assertEquals("the database to dump is already given", assertThrows(UsageException.class,
                () -> dump().from("dbname=other")).getMessage());
    }

    @Test
    void refusesOutputsTheFormatCannotHave() {
        assertEquals("only a plain-format dump can be written as text",
                refusal(dump().format(Format.CUSTOM).to(new StringWriter())));
        assertEquals("the directory format cannot be written to a stream: give a Path",
                refusal(dump().format(Format.DIRECTORY).to(new ByteArrayOutputStream())));
    }

    @Test
    void refusesWhatPgDumpRefuses() {
        assertEquals("options -s/--schema-only and -a/--data-only cannot be used together",
                refusal(dump().schemaOnly().dataOnly().to(new StringWriter())));
        assertEquals("options -c/--clean and -a/--data-only cannot be used together",
                refusal(dump().dataOnly().clean().to(new StringWriter())));
        assertEquals("option --if-exists requires option -c/--clean",
                refusal(dump().ifExists().to(new StringWriter())));
        assertEquals("compression is not supported by tar archive format",
                refusal(dump().format(Format.TAR).compress("gzip").to(new ByteArrayOutputStream())));
        assertEquals("a compressed dump cannot be written as text",
                refusal(dump().compress("6").to(new StringWriter())));
        assertEquals(Compression.parse("zstd"), // a script compressed as a whole, as pg_dump -Fp -Z
                dump().compress("zstd").to(new ByteArrayOutputStream()).options().archive().compression());
        assertThrows(UsageException.class, () -> dump().compress("brotli").to(new StringWriter()).options());
    }

    @Test
    void refusesJdbcUrlsItCannotUseWithoutShowingThem() {
        assertEquals("not a PostgreSQL JDBC URL: it must start with \"jdbc:postgresql:\"",
                assertThrows(UsageException.class, () -> PgDump4j.dump().from("jdbc:mysql://h/db?password=secret")
                        .to(new StringWriter()).run()).getMessage());
        String noDb = assertThrows(UsageException.class, () -> PgDump4j.dump()
                .from("jdbc:postgresql://h/?password=secret", new java.util.Properties()).to(new StringWriter()).run())
                .getMessage();
        assertEquals("the JDBC URL names no database", noDb);
    }
}
