package org.pgdump4j.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every codec round-trips in both framings, whatever the write and read boundaries. */
class CompressionCodecProperties {
    @Provide
    Arbitrary<Compression> compressions() {
        return Arbitraries.of(Compression.NONE, Compression.GZIP_DEFAULT, new Compression(Compression.Method.GZIP, 1),
                new Compression(Compression.Method.LZ4, Compression.DEFAULT_LEVEL),
                new Compression(Compression.Method.LZ4, 9),
                new Compression(Compression.Method.ZSTD, Compression.DEFAULT_LEVEL),
                new Compression(Compression.Method.ZSTD, 1, true));
    }

    /** Compressible-ish data: runs of a small alphabet with random noise, up to ~300 KiB. */
    static byte[] data(long seed, int size) {
        Random r = new Random(seed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = r.nextInt(8) == 0 ? (byte) r.nextInt(256) : (byte) ('a' + (i / 7) % 5);
        }
        return b;
    }

    @Property(tries = 60)
    void roundTrips(@ForAll("compressions") Compression c, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 300_000) int size, @ForAll boolean file) throws IOException {
        byte[] in = data(seed, size);
        CompressionCodec codec = c.codec();
        Random r = new Random(seed ^ 0x5DEECE66DL);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<Integer> chunks = new ArrayList<>();
        OutputStream chunkSink = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
                chunks.add(1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
                chunks.add(len);
            }
        };
        try (OutputStream out = file ? codec.compressFile(chunkSink) : codec.compressBlock(chunkSink)) {
            int pos = 0;
            while (pos < in.length) {
                int n = Math.min(in.length - pos, r.nextInt(20_000) + 1);
                out.write(in, pos, n);
                pos += n;
            }
        }
        if (c.method() == Compression.Method.GZIP && !file) {
            for (int i = 0; i < chunks.size() - 1; i++) {
                assertEquals(GzipCodec.CHUNK, chunks.get(i), "gzip chunks are 4096 bytes");
            }
        }
        if (file && size == 0 && (c.method() == Compression.Method.LZ4 || c.method() == Compression.Method.ZSTD)) {
            assertEquals(0, sink.size(), "empty lz4/zstd files are 0 bytes");
        }
        byte[] compressed = sink.toByteArray();
        try (InputStream dec = file ? codec.decompressFile(new StrangeInput(compressed, seed))
                : codec.decompressBlock(new StrangeInput(compressed, seed))) {
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            byte[] buf = new byte[7919];
            int n;
            while ((n = dec.read(buf, 0, r.nextInt(buf.length) + 1)) >= 0) {
                back.write(buf, 0, n);
            }
            assertArrayEquals(in, back.toByteArray());
        }
    }

    @Property(tries = 30)
    void pipelineDeliversEverythingInOrder(@ForAll long seed, @ForAll @IntRange(min = 0, max = 200_000) int size,
            @ForAll @IntRange(min = 1, max = 5000) int chunk) throws IOException {
        byte[] in = data(seed, size);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PipelinedOutputStream p = new PipelinedOutputStream(sink, chunk, 2, "test")) {
            Random r = new Random(seed);
            int pos = 0;
            while (pos < in.length) {
                int n = Math.min(in.length - pos, r.nextInt(9000) + 1);
                p.write(in, pos, n);
                pos += n;
            }
        }
        assertArrayEquals(in, sink.toByteArray());
    }

    @Example
    void pipelineReportsConsumerFailure() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        IOException e = assertThrows(IOException.class, () -> {
            try (PipelinedOutputStream p = new PipelinedOutputStream(failing, 16, 1, "test")) {
                for (int i = 0; i < 1000; i++) {
                    p.write(new byte[100]);
                }
            }
        });
        assertTrue(e.getMessage().contains("disk full"));
    }

    @Example
    void corruptStreamsFailWithIoException() throws IOException {
        for (Compression c : List.of(Compression.GZIP_DEFAULT, new Compression(Compression.Method.LZ4, 0),
                new Compression(Compression.Method.ZSTD, 3))) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream o = c.codec().compressBlock(sink)) {
                o.write(data(1, 100_000));
            }
            byte[] b = sink.toByteArray();
            byte[] truncated = java.util.Arrays.copyOf(b, b.length / 2);
            assertThrows(IOException.class, () -> c.codec().decompressBlock(new ByteArrayInputStream(truncated))
                    .readAllBytes(), c.toString());
        }
    }

    /** Returns short reads on purpose (after pgjdbc's StrangeInputStream). */
    static final class StrangeInput extends ByteArrayInputStream {
        private final Random r;

        StrangeInput(byte[] b, long seed) {
            super(b);
            r = new Random(seed);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, r.nextInt(5000) + 1));
        }
    }
}
