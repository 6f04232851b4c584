package org.pgdump4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class SharedFixturesTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void missingFixturesFailInCi() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> SharedFixtures.require(Optional.empty(), Map.of("PGDUMP4J_CI", "1")::get));
        assertEquals("shared/fixtures/archives not found: set -Dpgdump4j.fixtures or PGDUMP4J_FIXTURES",
                e.getMessage());
    }

    @Test
    void missingFixturesSkipOutsideCi() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> SharedFixtures.require(Optional.empty(), NO_ENV::get));
        assertTrue(e.getMessage().startsWith("shared/fixtures/archives not found"), e.getMessage());
    }

    @Test
    void foundAboveTheWorkingDirectory(@TempDir Path root) throws IOException {
        Path archives = Files.createDirectories(root.resolve("shared/fixtures/archives"));
        Path cwd = Files.createDirectories(root.resolve("wt/tests/engine"));
        assertEquals(Optional.of(archives), SharedFixtures.find("", NO_ENV::get, cwd));
        assertEquals(archives, SharedFixtures.require(Optional.of(archives), Map.of("PGDUMP4J_CI", "1")::get));
    }

    @Test
    void anExplicitSettingMustNameAFolder(@TempDir Path root) {
        Path nothing = root.resolve("nothing");
        assertEquals("-Dpgdump4j.fixtures=" + nothing + " is not a folder", assertThrows(AssertionError.class,
                () -> SharedFixtures.find(nothing.toString(), NO_ENV::get, root)).getMessage());
        assertEquals("PGDUMP4J_FIXTURES=" + nothing + " is not a folder", assertThrows(AssertionError.class,
                () -> SharedFixtures.find("", Map.of("PGDUMP4J_FIXTURES", nothing.toString())::get, root))
                .getMessage());
        assertEquals(Optional.of(root), SharedFixtures.find(root.toString(), NO_ENV::get, Path.of("/")));
    }
}
