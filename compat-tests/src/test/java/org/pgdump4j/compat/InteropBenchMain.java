package org.pgdump4j.compat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.connect.ConnArgs;
import org.pgdump4j.connect.PasswordMode;
import org.pgdump4j.connect.PgConnector;
import org.pgdump4j.dump.DumpOptions;
import org.pgdump4j.dump.OutputFormat;
import org.pgdump4j.dump.PgDump;
import org.pgdump4j.embedded.EmbeddedPostgres;
import org.pgdump4j.progress.ProgressListener;

/**
 * Helper of {@code bench/run.sh} (not a test). Runs on the shaded jar plus the compat-tests test classes:
 *
 * <ul>
 *   <li>{@code server MAJOR}: starts an embedded PostgreSQL (the harness's zonky binaries), prints one line
 *       {@code PGHOST=.. PGPORT=.. PGUSER=..}, and keeps it running until its stdin closes.</li>
 *   <li>{@code dump FORMAT COMPRESSION FILE} (database from PG* variables): our dump through the library API, for
 *       when the CLI cannot write archives yet; {@code COMPRESSION} is {@code default} or a {@code -Z} spec.</li>
 * </ul>
 */
public final class InteropBenchMain {
    private InteropBenchMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("server")) {
            server(Integer.parseInt(args[1]));
        } else if (args.length == 4 && args[0].equals("dump")) {
            dump(args[1], args[2], Path.of(args[3]));
        } else {
            System.err.println("usage: InteropBenchMain server MAJOR | dump FORMAT COMPRESSION FILE");
            System.exit(2);
        }
    }

    private static void server(int major) throws IOException {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(major)) {
            System.out.println("PGHOST=" + pg.host() + " PGPORT=" + pg.port() + " PGUSER=" + pg.superuser());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // wait for EOF: the script closes our stdin when it is done
            }
        }
    }

    private static void dump(String format, String compression, Path file) {
        OutputFormat f = OutputFormat.parse(format);
        Compression z = compression.equals("default") ? null : Compression.parse(compression);
        PgDump.run(PgConnector.fromArgs(ConnArgs.pgDump(null, null, null, null, PasswordMode.NEVER)),
                DumpOptions.defaults().withFile(file).withFormat(f)
                        .withArchive(new DumpOptions.ArchiveSettings(z, ArchiveVersion.DEFAULT)),
                ProgressListener.NONE);
    }
}
