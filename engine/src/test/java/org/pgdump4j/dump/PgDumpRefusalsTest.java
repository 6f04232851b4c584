package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.pgdump4j.UsageException;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.progress.ProgressListener;

/** What the engine refuses before it connects: never a dump that quietly differs from what was asked. */
class PgDumpRefusalsTest {
    /** Fails the test if the refusal came too late, after a connection was asked for. */
    private static final ConnectionSource NEVER = new ConnectionSource() {
        @Override
        public Connection open() {
            throw new AssertionError("connected before refusing");
        }

        @Override
        public Connection open(String dbname) {
            throw new AssertionError("connected before refusing");
        }

        @Override
        public String dbname() {
            return "db";
        }

        @Override
        public String clientEncoding() {
            return null;
        }
    };

    @Test
    void aCompressedScriptIsNotText() {
        DumpOptions options = DumpOptions.builder().format(OutputFormat.PLAIN)
                .archive(new DumpOptions.ArchiveSettings(Compression.parse("gzip"),
                        DumpOptions.ArchiveSettings.DEFAULTS.version()))
                .build();
        UsageException e = assertThrows(UsageException.class,
                () -> PgDump.run(NEVER, options, ProgressListener.NONE, new java.io.StringWriter()));
        assertEquals("a compressed dump cannot be written as text", e.getMessage());
    }
}
