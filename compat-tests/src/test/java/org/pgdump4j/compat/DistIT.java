package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.Ci;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * The distributable archive as a pipeline uses it: unpacked outside the checkout, its {@code bin} on PATH,
 * {@code pg_dump} (and {@code pg_dumpall -g}) writes what {@code ./pgdump4j} writes, by its name, through a symbolic
 * link too; its {@code --version} parses as a PostgreSQL release; and the JVMs it runs on (Java 17, and 25 where
 * installed) print nothing on stderr for dumps in every compression and the restore of their archives.
 */
@ExtendWith(PgExtension.class)
class DistIT {
    /** Java 25 where this machine has it ({@code -Dpgdump4j.jdk25=...} elsewhere); Java 21 is not installed here. */
    private static final Path JDK25 = Path.of(System.getProperty("pgdump4j.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @TempDir
    static Path unpacked;
    static Path bin;

    @BeforeAll
    static void unpack() {
        Path tarball = Path.of(System.getProperty("pgdump4j.dist", "../dist/target/missing.tar.gz"));
        assertTrue(Files.isRegularFile(tarball), "no distribution at " + tarball.toAbsolutePath()
                + ": mvn package builds it in dist/");
        sh(Map.of(), "tar xzf '" + tarball.toAbsolutePath() + "' -C '" + unpacked + "'").requireSuccess();
        try (Stream<Path> top = Files.list(unpacked)) {
            bin = top.findFirst().orElseThrow().resolve("bin");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Path> jdks() {
        Path current = Path.of(System.getProperty("java.home"));
        return Files.isExecutable(JDK25.resolve("bin/java")) && !JDK25.equals(current)
                ? List.of(current, JDK25) : List.of(current);
    }

    private static ReferenceClients.Result sh(Map<String, String> env, String script) {
        return ReferenceClients.run(Path.of("/bin/bash"), List.of("-c", script), env, null, Duration.ofMinutes(3));
    }

    /** {@code env} with the distribution's bin first on PATH and {@code jdk} as JAVA_HOME. */
    private static Map<String, String> onPath(Map<String, String> env, Path jdk) {
        Map<String, String> e = new HashMap<>(env);
        e.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        e.put("JAVA_HOME", jdk.toString());
        e.remove("PGDUMP4J_JAVA_OPTS");
        // no password file: libpq (and we) warn about ReferenceClients' /dev/null, which is not a JVM warning
        e.put("PGPASSFILE", unpacked.resolve("no-such-pgpass").toString());
        return e;
    }

    @Test
    void pgDumpOnPathWritesWhatTheCheckoutsLauncherWrites(TestDb db, @TempDir Path dir) throws Exception {
        Fixtures.load(db, "slice1.sql");
        Map<String, String> env = onPath(db.libpqEnvironment(), Path.of(System.getProperty("java.home")));
        ReferenceClients.Result dist = sh(env, "pg_dump --restrict-key=K").requireSuccess();
        Path launcher = Path.of(System.getProperty("pgdump4j.launcher", "../pgdump4j")).toAbsolutePath();
        ReferenceClients.Result checkout = ReferenceClients.run(launcher, List.of("dump", "--restrict-key=K"), env)
                .requireSuccess();
        assertTrue(dist.stdoutText().contains("CREATE TABLE"), dist.stdoutText());
        assertArrayEquals(checkout.stdout(), dist.stdout());
        // pg_dumpall too, its globals (the whole cluster is DumpallCompatIT's)
        ReferenceClients.Result globals = sh(env, "pg_dumpall -g --restrict-key=K").requireSuccess();
        assertTrue(globals.stdoutText().contains("\nALTER ROLE postgres WITH SUPERUSER"), globals.stdoutText());
        assertArrayEquals(ReferenceClients.run(launcher, List.of("dumpall", "-g", "--restrict-key=K"), env)
                .requireSuccess().stdout(), globals.stdout());

        // by the name of a symbolic link to bin/pgdump4j, and as pg_restore reading an archive
        Path link = dir.resolve("pg_dump");
        Files.createSymbolicLink(link, bin.resolve("pgdump4j"));
        Path archive = dir.resolve("db.dump");
        sh(env, "'" + link + "' -Fc -f '" + archive + "'").requireSuccess();
        ReferenceClients.Result script = sh(env, "pg_restore --restrict-key=K -f - '" + archive + "'").requireSuccess();
        assertEquals(PlainDumpCompatIT.withoutVersion(dist.stdoutText()),
                PlainDumpCompatIT.withoutVersion(script.stdoutText()));
    }

    @Test
    void versionsParseAsAPostgresRelease() {
        Map<String, String> env = onPath(Map.of(), Path.of(System.getProperty("java.home")));
        for (String program : List.of("pg_dump", "pg_restore", "pg_dumpall")) {
            ReferenceClients.Result v = sh(env, program + " --version").requireSuccess();
            assertTrue(v.stdoutText().matches(program + " \\(PostgreSQL\\) 18\\.\\d+ \\(pgdump4j [^)]+\\)\n"),
                    v.stdoutText());
            // the check: scripts that parse the version see PostgreSQL's
            String parsed = sh(env, program + " --version | grep -oE '[0-9]+\\.[0-9]+' | head -n 1")
                    .requireSuccess().stdoutText();
            assertTrue(parsed.startsWith("18."), parsed);
        }
        ReferenceClients.Result help = sh(env, "pg_dump --help").requireSuccess();
        // --help stars what is not implemented (--binary-upgrade: pg_upgrade's mode, not planned yet)
        assertTrue(help.stdoutText().contains("\n* --binary-upgrade "), help.stdoutText());
        assertTrue(help.stdoutText().contains("\n  -j, --jobs=NUM"), help.stdoutText());
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void noJvmWarningsOnStderr(Path jdk, TestDb db, @TempDir Path dir) throws Exception {
        Fixtures.load(db, "slice1.sql");
        Map<String, String> env = onPath(db.libpqEnvironment(), jdk);
        // twice: the first run records the class-data archive, the second maps it
        for (int run = 0; run < 2; run++) {
            for (String z : List.of("gzip", "lz4", "zstd")) {
                Path out = dir.resolve(z + run + ".dump");
                ReferenceClients.Result dump = sh(env, "pg_dump -Fc -Z " + z + " -f '" + out + "'");
                assertEquals(0, dump.exitCode(), dump.stderr());
                assertEquals("", dump.stderr(), jdk + " pg_dump -Z " + z);
                ReferenceClients.Result restore = sh(env, "pg_restore -f /dev/null '" + out + "'");
                assertEquals(0, restore.exitCode(), restore.stderr());
                assertEquals("", restore.stderr(), jdk + " pg_restore of -Z " + z);
            }
            ReferenceClients.Result plain = sh(env, "pg_dump -f /dev/null");
            assertEquals("", plain.stderr(), jdk + " pg_dump");
            assertEquals(0, plain.exitCode());
        }
    }

    /**
     * The first run of a command (not --version) records its class-data archive and adds nothing to what the
     * command prints; the next run maps the archive.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void firstRunRecordsTheClassArchiveAndTheNextMapsIt(Path jdk, TestDb db) throws Exception {
        Fixtures.load(db, "slice1.sql");
        Path lib = bin.resolveSibling("lib");
        String jvm = jdk.resolve("bin/java").toRealPath().getParent().getParent().getFileName().toString();
        String prefix = "pgdump4j-dump-" + jvm + ".";
        Path archive = lib.resolve(prefix + "jsa");
        try (Stream<Path> old = Files.list(lib)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                Files.delete(p);
            }
        }
        Map<String, String> env = onPath(db.libpqEnvironment(), jdk);
        // --version loads few classes: an archive it recorded would serve the dumps after it
        sh(env, "pg_dump --version").requireSuccess();
        assertTrue(Files.notExists(archive), archive + " recorded by --version");
        ReferenceClients.Result recording = sh(env, "pg_dump --restrict-key=K");
        assertEquals("", recording.stderr(), jdk + " recording run");
        assertEquals(0, recording.exitCode());
        assertTrue(Files.size(archive) > 0, archive + " not recorded");
        try (Stream<Path> left = Files.list(lib)) {
            assertEquals(List.of(archive), left.filter(p -> p.getFileName().toString().startsWith(prefix)).toList(),
                    "temporary files left next to the jar");
        }
        Map<String, String> logged = new HashMap<>(env);
        logged.put("PGDUMP4J_JAVA_OPTS", "-Xlog:cds=info:stderr");
        ReferenceClients.Result mapped = sh(logged, "pg_dump --restrict-key=K").requireSuccess();
        // Java 17: "Opened archive X.", Java 25: "Opened shared archive file X."
        assertTrue(mapped.stderr().lines()
                .anyMatch(l -> l.contains("[cds] Opened ") && l.endsWith(" " + archive + ".")), mapped.stderr());
        assertArrayEquals(mapped.stdout(), recording.stdout());
    }

    /** The JVM warnings must be checked on Java 25 too: missing, it fails CI (elsewhere the test is skipped). */
    @Test
    void java25IsThere() {
        if (jdks().size() < 2) {
            throw Ci.missing("Java 25 is required in CI at " + JDK25 + " (JVM warnings are checked on it)",
                    "Java 25 is not installed at " + JDK25 + ": JVM warnings checked on "
                            + System.getProperty("java.home") + " only");
        }
    }

    @Test
    void withoutABuiltJarTheLauncherSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("bin");
        Files.createDirectories(copy);
        Files.copy(bin.resolve("pgdump4j"), copy.resolve("pg_dump"));
        copy.resolve("pg_dump").toFile().setExecutable(true);
        ReferenceClients.Result r = sh(Map.of(), "'" + copy.resolve("pg_dump") + "' --version");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().startsWith("pgdump4j: error: ") && r.stderr().contains("not found"), r.stderr());
        assertEquals("", new String(r.stdout(), StandardCharsets.UTF_8));
    }
}
