package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * -j and --transaction-size on pg_restore 18's command line: their values, their conflicts, the archives a parallel
 * restore refuses before connecting, and a script, which is written serially whatever -j says. Every message was
 * checked against pg_restore 18.6.
 */
class RestoreParallelOptionsTest {
    private static void assertFails(String expectedErr, String... args) {
        Cli.Run run = Cli.run(prepend(args));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(expectedErr, run.err());
    }

    private static String[] prepend(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "restore";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    @Test
    void valuesAreReadAsOptionParseIntReadsThem() {
        assertFails("pg_restore: error: invalid value \"abc\" for option -j/--jobs\n", "-d", "x", "-j", "abc");
        assertFails("pg_restore: error: -j/--jobs must be in range 1..2147483647\n", "-d", "x", "-j0");
        assertFails("pg_restore: error: --transaction-size must be in range 1..2147483647\n", "-d", "x",
                "--transaction-size=-5");
        assertFails("pg_restore: error: invalid value \"1e3\" for option --transaction-size\n", "-d", "x",
                "--transaction-size", "1e3");
        // before the checks that follow option parsing
        assertFails("pg_restore: error: -j/--jobs must be in range 1..2147483647\n", "-j", "0");
    }

    @Test
    void conflicts() {
        assertFails("pg_restore: error: options -1/--single-transaction and --transaction-size cannot be used"
                + " together\n", "-d", "x", "-1", "--transaction-size=10");
        assertFails("pg_restore: error: cannot specify both --single-transaction and multiple jobs\n", "-d", "x", "-1",
                "-j", " 2");
    }

    @Test
    void parallelRestoreRefusesTarAndStandardInputBeforeConnecting() throws IOException {
        assertFails("pg_restore: error: parallel restore is not supported with this archive file format\n",
                "-j", "2", "-d", "x", Fixtures.path("pg18_tar.tar").toString());
        byte[] custom = Files.readAllBytes(Fixtures.path("pg18_custom_none.dump"));
        Cli.Run stdin = Cli.run(Cli.context(Map.of(), new ByteArrayInputStream(custom)), "restore", "-j", "2", "-d",
                "x");
        assertEquals("pg_restore: error: parallel restore from standard input is not supported\n", stdin.err());
        byte[] tar = Files.readAllBytes(Fixtures.path("pg18_tar.tar"));
        Cli.Run tarStdin = Cli.run(Cli.context(Map.of(), new ByteArrayInputStream(tar)), "restore", "-j", "2", "-d",
                "x");
        assertEquals("pg_restore: error: parallel restore is not supported with this archive file format\n",
                tarStdin.err());
    }

    @Test
    void aScriptIsTheSerialOneWhateverJobsSays() {
        for (String archive : new String[] {"pg18_custom_none.dump", "pg18_tar.tar", "pg18_dir_gzip"}) {
            String path = Fixtures.path(archive).toString();
            Cli.Run serial = Cli.run("restore", "--restrict-key=K", "-f", "-", path);
            Cli.Run parallel = Cli.run("restore", "-j", "4", "--restrict-key=K", "-f", "-", path);
            assertEquals(0, parallel.exitCode(), parallel.err());
            assertEquals(serial.out(), parallel.out());
        }
    }
}
