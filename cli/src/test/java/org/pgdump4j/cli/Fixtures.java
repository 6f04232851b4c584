package org.pgdump4j.cli;

import org.pgdump4j.testing.SharedFixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The real pg_dump archives in shared/fixtures/archives (see the README there). */
final class Fixtures {
    /** The fixtures were listed and rendered with the client in UTC. */
    static final Map<String, String> UTC = Map.of("TZ", "UTC");

    private Fixtures() {
    }

    static Path dir() {
        return SharedFixtures.require();
    }

    static Path path(String name) {
        return dir().resolve(name);
    }

    static String text(String name) throws IOException {
        return Files.readString(path(name), StandardCharsets.UTF_8);
    }

    /** Copies a fixture file or directory archive into {@code dir} (writable, for damaging it). */
    static Path copy(String name, Path dir) throws IOException {
        Path source = path(name);
        Path target = dir.resolve(source.getFileName().toString());
        if (Files.isDirectory(source)) {
            Files.createDirectories(target);
            try (var files = Files.list(source)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, target.resolve(f.getFileName().toString()));
                }
            }
        } else {
            Files.copy(source, target);
        }
        return target;
    }
}
