package org.pgdump4j.format.plain.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Proves that splitting is streaming: a script with a 64 MB COPY block goes through the splitter in a child JVM
 * with a 24 MB heap, which could not even hold the block as one String. The child also samples the heap after
 * full GCs and reports the peak.
 */
class BigCopyMemoryTest {
    static final long BLOCK_BYTES = 64L << 20;
    static final String HEAP = "-Xmx24m";
    private static final Pattern REPORT = Pattern.compile("lines=(\\d+) bytes=(\\d+) peakUsedHeap=(\\d+) end=(\\w+)");

    @Test
    void aCopyBlockOf64MbSplitsIn24MbOfHeap() throws Exception {
        ChildResult result = runChild(List.of("split", Long.toString(BLOCK_BYTES)));
        assertTrue(result.bytes() >= BLOCK_BYTES, result.output());
        assertEquals(BigScript.rows(BLOCK_BYTES), result.lines(), result.output());
        assertEquals("SELECT", result.end(), result.output());
        // well below the block: the live heap is the lexer's buffers and one line at a time
        assertTrue(result.peakUsedHeap() < BLOCK_BYTES / 8, result.output());
        System.out.printf("big COPY split: %,d bytes, %,d lines, peak used heap %,d bytes (%s)%n",
                result.bytes(), result.lines(), result.peakUsedHeap(), HEAP);
    }

    record ChildResult(long lines, long bytes, long peakUsedHeap, String end, String output) {
    }

    /** Runs {@link Child} in a new JVM with a small heap and parses its report line. */
    static ChildResult runChild(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);
        Matcher m = REPORT.matcher(output);
        assertTrue(m.find(), output);
        return new ChildResult(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4), output);
    }

    /** A generated script: a COPY block of at least {@code blockBytes} bytes, then {@code SELECT 1;}. */
    static final class BigScript extends InputStream {
        static final String HEAD = "CREATE TABLE big (id bigint, payload text);\nCOPY big (id, payload) FROM stdin;\n";
        static final String TAIL = "\\.\n\n\nSELECT 1;\n";
        private static final String PAYLOAD = "tab\\there, backslash \\\\. and \\N-looking text, ünïcödé 日本語";

        private final long rows;
        private long row;
        private byte[] current = HEAD.getBytes(StandardCharsets.UTF_8);
        private int pos;
        private boolean tailSent;

        BigScript(long blockBytes) {
            this.rows = rows(blockBytes);
        }

        static long rows(long blockBytes) {
            long rowBytes = line(1_000_000).length;
            return blockBytes / rowBytes + 1;
        }

        private static byte[] line(long id) {
            return (id + "\t" + PAYLOAD + "\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            while (pos == current.length) {
                if (row < rows) {
                    current = line(1_000_000 + row++);
                } else if (!tailSent) {
                    current = TAIL.getBytes(StandardCharsets.UTF_8);
                    tailSent = true;
                } else {
                    return -1;
                }
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** The child JVM: {@code split BYTES}, or {@code run BYTES JDBC_URL DATABASE} (see ScriptRunnerServerIT). */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            long blockBytes = Long.parseLong(args[1]);
            HeapSampler heap = new HeapSampler();
            if (args[0].equals("split")) {
                split(blockBytes, heap);
            } else {
                ScriptRunnerServerIT.runBig(blockBytes, args[2], args[3], heap);
            }
        }

        private static void split(long blockBytes, HeapSampler heap) {
            ScriptSplitter splitter = new ScriptSplitter(new BigScript(blockBytes));
            long lines = 0;
            long bytes = 0;
            String end = "none";
            for (Optional<ScriptItem> item = splitter.next(); item.isPresent(); item = splitter.next()) {
                if (item.get() instanceof ScriptItem.CopyLine line) {
                    lines++;
                    bytes += line.text().getBytes(StandardCharsets.UTF_8).length;
                    if (lines % 100_000 == 0) {
                        heap.sample();
                    }
                } else if (item.get() instanceof ScriptItem.SqlStatement s && !s.copyFromStdin()) {
                    end = s.sql().substring(0, 6);
                }
            }
            heap.sample();
            System.out.printf("lines=%d bytes=%d peakUsedHeap=%d end=%s%n", lines, bytes, heap.peak(), end);
        }
    }

    /** Used heap after a full GC, at most every call. */
    static final class HeapSampler {
        private long peak;

        synchronized void sample() {
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
        }

        synchronized long peak() {
            return peak;
        }
    }
}
