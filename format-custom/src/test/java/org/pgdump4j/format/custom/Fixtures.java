package org.pgdump4j.format.custom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pgdump4j.testing.SharedFixtures;

/** The real pg_dump archives (see {@link SharedFixtures}). */
final class Fixtures {
    private Fixtures() {
    }

    /** The fixture folder; skips the test (fails it in CI) when it is missing. */
    static Path dir() {
        return SharedFixtures.require();
    }

    /** Every custom-format fixture file ({@code *.dump}). */
    static List<Path> customArchives() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(f -> f.getFileName().toString().endsWith(".dump")).sorted().toList();
        }
    }
}
