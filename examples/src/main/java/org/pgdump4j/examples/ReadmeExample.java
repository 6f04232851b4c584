package org.pgdump4j.examples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.pgdump4j.api.Format;
import org.pgdump4j.api.PgDump4j;
import org.pgdump4j.api.TocItem;

/** The code of the README's "Use as a library" section, which ReadmeTest keeps equal to it; ExampleIT runs it. */
final class ReadmeExample {
    private ReadmeExample() {
    }

    /**
     * @param pool the application's DataSource
     * @param copy another database: a libpq connection string or URI, or a jdbc:postgresql: URL
     * @param dir  a folder to write shop.dump in
     * @return the schema-only dump
     */
    static String run(DataSource pool, String copy, Path dir) {
        // README begin
        String schema = PgDump4j.dump().from(pool).schemaOnly().toText();   // the DDL as text

        ByteArrayOutputStream archive = new ByteArrayOutputStream();        // -Fc into a stream...
        PgDump4j.dump().from(pool).format(Format.CUSTOM).to(archive).run();
        PgDump4j.restore().from(new ByteArrayInputStream(archive.toByteArray()))
                .into(copy).exitOnError().run();                             // ...restored from one

        Path file = dir.resolve("shop.dump");                                // -Fc into a file
        PgDump4j.dump().from(pool).format(Format.CUSTOM).excludeTable("app.log").to(file).run();
        for (TocItem item : PgDump4j.list(file).entries()) {                 // its TOC, as values
            System.out.println(item.dumpId() + " " + item.kind() + " " + item.schema() + " " + item.name());
        }
        // README end
        return schema;
    }
}
