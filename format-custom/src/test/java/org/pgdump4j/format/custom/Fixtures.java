package org.pgdump4j.format.custom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Locates {@code shared/fixtures/archives} (real pg_dump archives) from the working directory upwards. */
final class Fixtures {
    private Fixtures() {
    }

    static Optional<Path> dir() {
        String prop = System.getProperty("pgdump4j.fixtures");
        if (prop != null) {
            return Optional.of(Path.of(prop));
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path c = p.resolve("shared/fixtures/archives");
            if (Files.isDirectory(c)) {
                return Optional.of(c);
            }
            p = p.getParent();
        }
        return Optional.empty();
    }

    /** Every custom-format fixture file ({@code *.dump}). */
    static List<Path> customArchives() throws IOException {
        Optional<Path> d = dir();
        if (d.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d.get())) {
            return s.filter(f -> f.getFileName().toString().endsWith(".dump")).sorted().toList();
        }
    }
}
