package org.pgdump4j.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.pgdump4j.testing.TestDb;

/** Loads the SQL fixtures under src/test/resources/fixtures. */
final class Fixtures {
    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster roles plus the named fixture, loaded into {@code db}. */
    static void load(TestDb db, String name) throws SQLException {
        db.execute(text("roles.sql"));
        db.execute(text(name));
    }
}
