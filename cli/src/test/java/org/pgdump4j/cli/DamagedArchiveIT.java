package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.format.directory.TocDat;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Damaged directory archives that real pg_restore 18 restores without an error: we print exactly what it prints
 * (never a Java exception's text). Made from the pg18_dir_gzip fixture; TOC entry 3372 is shop.customer's data.
 */
class DamagedArchiveIT {
    private static final int CUSTOMER_DATA = 3372;

    @TempDir
    Path dir;

    private Path archive() throws IOException {
        Path copy = Fixtures.copy("pg18_dir_gzip", dir);
        try (var files = Files.list(copy)) {
            files.forEach(f -> f.toFile().setWritable(true));
        }
        return copy;
    }

    /** Rewrites toc.dat with {@code change} applied to entry 3372 and {@code fileName} as its file name. */
    private static void rewriteToc(Path archive, UnaryOperator<TocEntry> change, String fileName) throws IOException {
        Path tocDat = archive.resolve("toc.dat");
        TocDat.Contents contents;
        try (InputStream in = Files.newInputStream(tocDat)) {
            contents = TocDat.read(in, tocDat.toString());
        }
        List<TocEntry> entries = new ArrayList<>();
        for (TocEntry e : contents.toc().entries()) {
            entries.add(e.dumpId() == CUSTOMER_DATA ? change.apply(e) : e);
        }
        try (OutputStream out = Files.newOutputStream(tocDat)) {
            TocDat.write(out, contents.header(), new Toc(contents.toc().info(), entries),
                    e -> e.dumpId() == CUSTOMER_DATA ? fileName : contents.fileName(e));
        }
    }

    private static String withoutRestrictKeys(String script) {
        return script.replaceAll("\\\\(un)?restrict \\S+", "");
    }

    /** {@code -l} and {@code -f -}: pg_restore 18 succeeds, and we print the same bytes. */
    private static void sameAsPgRestore(Path archive) {
        for (List<String> mode : List.of(List.of("-l"), List.of("-f", "-"))) {
            List<String> args = new ArrayList<>(mode);
            args.add(archive.toString());
            ReferenceClients.Result real = ReferenceClients.run(ReferenceClients.require(18, "pg_restore"), args,
                    Map.of("TZ", "UTC"));
            assertEquals(0, real.exitCode(), real.stderr());
            assertEquals("", real.stderr());
            List<String> ours = new ArrayList<>(List.of("restore"));
            ours.addAll(args);
            Cli.Run run = Cli.run(Cli.context(Fixtures.UTC, new ByteArrayInputStream(new byte[0])),
                    ours.toArray(String[]::new));
            assertEquals("", run.err());
            assertEquals(0, run.exitCode());
            assertEquals(withoutRestrictKeys(real.stdoutText()), withoutRestrictKeys(run.out()), mode.toString());
        }
    }

    @Test
    void aDataEntryWithoutAFileNameHasNoData() throws IOException {
        Path archive = archive();
        rewriteToc(archive, e -> e, "");
        sameAsPgRestore(archive);
    }

    @Test
    void aNulByteEndsATocString() throws IOException {
        Path archive = archive();
        rewriteToc(archive, e -> new TocEntry(e.dumpId(), e.catalogId(), e.desc(), e.section(),
                new TocEntry.EntryNames("cust\0omer", e.namespace(), e.owner(), e.names().tablespace(),
                        e.names().tableAm()), e.sql(), e.dependencies(), e.hasData(), e.relkind()),
                CUSTOMER_DATA + ".dat");
        sameAsPgRestore(archive);
        Cli.Run list = Cli.run(Cli.context(Fixtures.UTC, new ByteArrayInputStream(new byte[0])), "restore", "-l",
                archive.toString());
        assertTrue(list.out().contains("3372; 0 16499 TABLE DATA shop cust fx_owner\n"), list.out());
        assertFalse(list.out().contains("\0"));
    }

    @Test
    void aTruncatedGzipDataFileGivesWhatItHolds() throws IOException {
        Path archive = archive();
        Path data = archive.resolve(CUSTOMER_DATA + ".dat.gz");
        byte[] all = Files.readAllBytes(data);
        Files.write(data, Arrays.copyOf(all, all.length / 2));
        sameAsPgRestore(archive);
    }
}
