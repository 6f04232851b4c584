package org.pgdump4j.format.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.archive.WriterOptions;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.testing.ReferenceClients;

/**
 * Our archives through the real pg_restore: each real fixture is re-written by {@link CustomArchiveWriter} for
 * every version × compression it allows (file and stdout output) and must be accepted by {@code pg_restore -l}
 * and print the same {@code -f -} script as the original. Needs PG_REFERENCE_BIN_15/17/18; prints a matrix.
 */
class CustomInteropIT {
    private static final Map<String, String> MATRIX = new TreeMap<>();

    @TempDir
    Path tmp;

    record Case(String source, ArchiveVersion version, List<Integer> restoreMajors) {
    }

    @Test
    void ourArchivesAreReadByRealPgRestore() throws Exception {
        Path fx = Fixtures.dir();
        ReferenceClients.require(18);
        List<Case> cases = List.of(
                new Case("pg15_custom_none.dump", ArchiveVersion.V1_14, List.of(15, 17, 18)),
                new Case("pg15_custom_none.dump", ArchiveVersion.V1_15, List.of(17, 18)),
                new Case("pg17_custom_none.dump", ArchiveVersion.V1_16, List.of(17, 18)),
                new Case("pg18_custom_stats.dump", ArchiveVersion.V1_16, List.of(18)));
        List<String> failures = new ArrayList<>();
        Set<Integer> missing = new TreeSet<>();
        for (Case c : cases) {
            Path src = fx.resolve(c.source);
            for (Compression.Method m : Compression.Method.values()) {
                if (!c.version.atLeast(ArchiveVersion.V1_15) && (m == Compression.Method.LZ4
                        || m == Compression.Method.ZSTD)) {
                    continue;
                }
                Compression comp = new Compression(m, m == Compression.Method.NONE ? 0 : Compression.DEFAULT_LEVEL);
                for (boolean pipe : new boolean[] {false, true}) {
                    Path ours = tmp.resolve(c.source + "-" + c.version.minor() + "-" + m + (pipe ? "-pipe" : ""));
                    WriterOptions opts = new WriterOptions(c.version, comp);
                    try (CustomArchiveReader r = CustomArchiveReader.open(src)) {
                        if (pipe) {
                            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                            try (CustomArchiveWriter w = new CustomArchiveWriter(bytes, opts)) {
                                Rewrite.copy(r, w);
                            }
                            Files.write(ours, bytes.toByteArray());
                        } else {
                            try (CustomArchiveWriter w = new CustomArchiveWriter(ours, opts)) {
                                Rewrite.copy(r, w);
                            }
                        }
                    }
                    for (int major : c.restoreMajors) {
                        Optional<Path> bin = ReferenceClients.bin(major);
                        String cell = c.source + " as 1." + c.version.minor() + " " + m.word() + (pipe ? " (pipe)" : "")
                                + " | pg_restore " + major;
                        if (bin.isEmpty()) {
                            MATRIX.put(cell, "skip");
                            missing.add(major);
                            continue;
                        }
                        Path exe = bin.get().resolve("pg_restore");
                        var list = ReferenceClients.run(exe, List.of("-l", ours.toString()), Map.of("TZ", "UTC"));
                        var theirs = ReferenceClients.run(exe, List.of("--restrict-key=K", "-f", "-", src.toString()),
                                Map.of("TZ", "UTC"));
                        var mine = ReferenceClients.run(exe, List.of("--restrict-key=K", "-f", "-", ours.toString()),
                                Map.of("TZ", "UTC"));
                        boolean ok = list.exitCode() == 0 && mine.exitCode() == 0
                                && java.util.Arrays.equals(mine.stdout(), theirs.stdout());
                        if (pipe) {
                            // the stdout-written archive also restores from stdin (sequential read)
                            var stdin = ReferenceClients.run(exe, List.of("--restrict-key=K", "-f", "-"),
                                    Map.of("TZ", "UTC"), Files.readAllBytes(ours), ReferenceClients.DEFAULT_TIMEOUT);
                            ok &= stdin.exitCode() == 0 && java.util.Arrays.equals(stdin.stdout(), theirs.stdout());
                        }
                        MATRIX.put(cell, ok ? "pass" : "FAIL");
                        if (!ok) {
                            failures.add(cell + ": -l exit " + list.exitCode() + " " + list.stderr() + " / -f exit "
                                    + mine.exitCode() + " " + mine.stderr());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        // the cells that could not run: a failure in CI, a loud skip elsewhere
        missing.forEach(ReferenceClients::require);
    }

    @AfterAll
    static void printMatrix() {
        StringBuilder sb = new StringBuilder("custom-format interop (our archive -> real pg_restore -l / -f -):\n");
        MATRIX.forEach((k, v) -> sb.append(String.format("  %-70s %s%n", k, v)));
        System.out.print(sb);
    }
}
