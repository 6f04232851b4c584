package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pgdump4j.testing.PgExtension;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Durability, observed in the system calls: the CLI runs under {@code strace -f -y -e trace=fsync,fdatasync,syncfs}
 * and the test reads which files were synced. A dump's output is fsynced before it is renamed into place, then
 * its folder; a directory archive's every file and the folder itself, then its parent; {@code --no-sync} makes no
 * sync call at all; {@code --sync-method=syncfs} one syncfs for a directory archive; a device gets none (pg_dump
 * -Fc's fsync of /dev/null fails), nor does standard output. {@code restore -f FILE} is synced too (see OutputFile
 * for why). Devices are /dev/null twins made with mknod (root).
 */
@ExtendWith(PgExtension.class)
class DumpSyncIT {
    /** {@code fsync(5</tmp/x/.out.c.abc.partial>) = 0}: the call and the path of its descriptor. */
    private static final Pattern CALL = Pattern.compile("^(?:\\d+ +)?(fsync|fdatasync|syncfs)\\(\\d+<([^>]*)>\\)");

    @TempDir
    Path dir;

    private TestDb db;

    @BeforeEach
    void database(TestDb testDb) throws SQLException {
        db = testDb;
        db.execute("create table t (id int primary key, v text);"
                + " insert into t select g, 'row ' || g from generate_series(1, 200) g;"
                + " create table u (id int); insert into u values (1)");
    }

    /** A synced call: which one, and the file its descriptor named. */
    private record Call(String name, Path file) {
    }

    /** Runs {@code pgdump4j args} under strace; returns the sync calls of the whole process tree. */
    private List<Call> traced(String... args) throws IOException {
        Path trace = dir.resolve("strace.out");
        List<String> command = new ArrayList<>(List.of("-f", "-qq", "-y", "-e", "trace=fsync,fdatasync,syncfs",
                "-e", "signal=none", "-o", trace.toString()));
        command.addAll(CliChild.command(args));
        var r = ReferenceClients.run(CliChild.tool("strace"), command, db.libpqEnvironment());
        assertEquals(0, r.exitCode(), r.stderr());
        List<Call> calls = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            Matcher m = CALL.matcher(line);
            assertTrue(m.find() || line.contains("exited with") || line.isBlank(), "unexpected trace line " + line);
            if (m.find(0)) {
                assertTrue(line.endsWith("= 0"), line);
                calls.add(new Call(m.group(1), Path.of(m.group(2))));
            }
        }
        Files.delete(trace);
        return calls;
    }

    private String[] dump(String... args) {
        List<String> all = new ArrayList<>(List.of("dump"));
        all.addAll(List.of(args));
        all.add(db.name());
        return all.toArray(String[]::new);
    }

    /**
     * -Fp, -Fc, -Ft: the file (under its temporary name, just before the rename), then its folder; the same dump to
     * a device (a /dev/null twin) or to standard output syncs nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"p", "c", "t"})
    void aFileIsSyncedThenItsFolderButNotADeviceOrStandardOutput(String format) throws IOException {
        Path out = dir.resolve("out");
        List<Call> calls = traced(dump("-F" + format, "-f", out.toString()));
        assertEquals(2, calls.size(), calls.toString());
        Call file = calls.get(0);
        assertEquals("fsync", file.name());
        assertEquals(dir, file.file().getParent());
        assertTrue(file.file().getFileName().toString().startsWith(".out."), file.toString());
        assertEquals(new Call("fsync", dir), calls.get(1));
        assertTrue(Files.size(out) > 0);

        Path device = CliChild.characterDevice(dir.resolve("null"), 1, 3);
        assertEquals(List.of(), traced(dump("-F" + format, "-f", device.toString())));
        assertEquals(List.of(), traced(dump("-F" + format)));
    }

    @Test
    void aDirectoryArchiveSyncsEveryFileTheFolderAndItsParent() throws IOException {
        Path out = dir.resolve("out");
        List<Call> calls = traced(dump("-Fd", "-f", out.toString()));
        List<String> files;
        try (var list = Files.list(out)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(3, files.size(), files.toString()); // toc.dat and the two tables' data
        assertEquals(files.size() + 2, calls.size(), calls.toString());
        List<String> synced = calls.subList(0, files.size()).stream()
                .map(c -> c.name() + " " + c.file().getFileName()).sorted().toList();
        assertEquals(files.stream().map(f -> "fsync " + f).toList(), synced);
        Path work = calls.get(0).file().getParent();
        assertEquals(new Call("fsync", work), calls.get(files.size()));
        assertEquals(new Call("fsync", dir), calls.get(files.size() + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p", "c", "d", "t"})
    void noSyncMakesNoSyncCall(String format) throws IOException {
        Path out = dir.resolve("out");
        assertEquals(List.of(), traced(dump("--no-sync", "-F" + format, "-f", out.toString())));
        assertTrue(Files.exists(out));
    }

    @Test
    void syncfsSyncsADirectoryArchivesFileSystemOnce() throws IOException {
        Path out = dir.resolve("out");
        List<Call> calls = traced(dump("--sync-method=syncfs", "-Fd", "-f", out.toString()));
        assertEquals(2, calls.size(), calls.toString());
        assertEquals("syncfs", calls.get(0).name());
        assertEquals(new Call("fsync", dir), calls.get(1));
    }

    @Test
    void restoreSyncsItsOutputFile() throws IOException {
        Path archive = dir.resolve("db.dump");
        traced(dump("-Fc", "-f", archive.toString()));
        Path out = dir.resolve("out.sql");
        List<Call> calls = traced("restore", "-f", out.toString(), archive.toString());
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).file().getFileName().toString().startsWith(".out.sql."), calls.toString());
        assertEquals(new Call("fsync", dir), calls.get(1));
        Path device = CliChild.characterDevice(dir.resolve("null"), 1, 3);
        assertEquals(List.of(), traced("restore", "-f", device.toString(), archive.toString()));
    }
}
