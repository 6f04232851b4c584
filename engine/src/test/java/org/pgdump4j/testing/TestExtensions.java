package org.pgdump4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.pgdump4j.embedded.EmbeddedPostgres;

/**
 * pgdump4j's own test extensions (resources under {@code org/pgdump4j/testing/extension/}), installed into a
 * server's {@code share/postgresql/extension}, the only place a server reads extensions from. The embedded
 * binaries' folder is shared by every JVM on the machine: a file is written only when missing or different,
 * through a temporary file and an atomic rename, so concurrent installs and a fresh CI machine both work.
 */
public final class TestExtensions {
    /** {@code p4j_conf}: configuration tables (one with a condition), a configuration sequence, other members. */
    public static final String CONFIG = "p4j_conf";
    /** {@code p4j_stats}: indexed configuration tables and an indexed member table, for their statistics. */
    public static final String STATS = "p4j_stats";

    private static final List<String> FILES = List.of("p4j_conf.control", "p4j_conf--1.0.sql", "p4j_stats.control",
            "p4j_stats--1.0.sql");

    private TestExtensions() {
    }

    /** Installs the test extensions into {@code server}'s installation; idempotent. */
    public static void install(EmbeddedPostgres server) {
        Path dir = server.binDir().getParent().resolve("share/postgresql/extension");
        for (String name : FILES) {
            byte[] wanted = resource(name);
            Path target = dir.resolve(name);
            try {
                if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), wanted)) {
                    continue;
                }
                Path tmp = Files.createTempFile(dir, name, ".tmp");
                Files.write(tmp, wanted);
                tmp.toFile().setReadable(true, false); // the server may run as another user
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("could not install test extension file " + target
                        + " (the server's share folder must be writable by the tests)", e);
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestExtensions.class.getResourceAsStream("extension/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource org/pgdump4j/testing/extension/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
