package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.ReferenceClients;
import org.pgdump4j.testing.TestDb;

/**
 * Plain-script restore holds memory flat in line and statement length: {@code restore -d} runs in a child JVM with
 * the heap options of the {@code ./pgdump4j} launcher (read from the script itself) and restores a 20 MB COPY row
 * and two 50 MB statements; the copies equal the sources by checksum. The child's GC log gives the live heap at its
 * full collections (a young collection's "after" still counts dead objects of the old generation), which must stay
 * a small multiple of the longest statement: the statement is held once as blocks and once as the String sent
 * (then once as String and once as the driver's bytes), never three or four times.
 */
class PlainScriptMemoryIT {
    private static final Pattern DEFAULTS = Pattern.compile("(?m)^defaults=\\(([^)]*)\\)");
    private static final Pattern GC_AFTER = Pattern.compile("Pause (?:Young|(Full)).* \\d+[KMG]->(\\d+)([KMG])\\(");
    private static final int STATEMENT_BYTES = 50 << 20;
    private static final int BYTEA_BYTES = 10 << 20;

    @TempDir
    Path dir;

    @Test
    void aCopyRowOf20MbStreams() throws Exception {
        try (TestDb source = PgServers.freshDb(18); TestDb target = PgServers.freshDb(18)) {
            // 10 MB of incompressible bytes: pg_dump writes them as one COPY row of 20 MB of hex text
            source.execute("CREATE TABLE blob (id int PRIMARY KEY, data bytea);"
                    + "INSERT INTO blob SELECT 1, string_agg(sha512(int4send(i)), ''::bytea ORDER BY i)"
                    + " FROM generate_series(1, " + BYTEA_BYTES / 64 + ") i");
            Path script = dir.resolve("blob.sql");
            ReferenceClients.run(ReferenceClients.require(18, "pg_dump"),
                    List.of("-f", script.toString(), source.name()), source.libpqEnvironment()).requireSuccess();
            assertTrue(Files.size(script) > 2L * BYTEA_BYTES, "the dump holds the row as hex text");

            Child child = restore(target, script, List.of());
            assertEquals(0, child.exitCode(), child.stderr());
            assertEquals("", child.stderr());
            String sum = "select md5(data) || ' ' || length(data) from blob";
            assertEquals(source.queryString(sum), target.queryString(sum));
            System.out.printf("20 MB COPY row: live heap at full GCs at most %d MB (launcher heap %s)%n",
                    child.peakHeapAfterGc() >> 20, child.heapOption());
            assertTrue(child.peakHeapAfterGc() < 16 << 20, "live heap " + child.peakHeapAfterGc());
        }
    }

    @Test
    void statementsOf50MbAreHeldOnce() throws Exception {
        Path script = dir.resolve("big.sql");
        String literal = writeBigScript(script);
        try (TestDb target = PgServers.freshDb(18)) {
            Child child = restore(target, script, List.of());
            assertEquals(0, child.exitCode(), child.stderr());
            assertEquals("", child.stderr());
            assertEquals(literal + " " + STATEMENT_BYTES,
                    target.queryString("select md5(body) || ' ' || length(body) from big"));
            assertEquals(md5Hex(STATEMENT_BYTES, "body") + " " + STATEMENT_BYTES,
                    target.queryString("select md5(big_body()) || ' ' || length(big_body())"));
            long peak = child.peakHeapAfterGc();
            System.out.printf("50 MB statements: live heap at full GCs at most %d MB (launcher heap %s)%n",
                    peak >> 20, child.heapOption());
            assertTrue(peak > STATEMENT_BYTES, "a full collection saw the statement: " + peak);
            assertTrue(peak < 2.5 * STATEMENT_BYTES, "live heap " + peak);
        }
    }

    @Test
    void aStatementTooLongForTheHeapIsAnErrorNotACrash() throws Exception {
        Path script = dir.resolve("big.sql");
        writeBigScript(script);
        try (TestDb target = PgServers.freshDb(18)) {
            Child child = restore(target, script, List.of("-Xmx96m"));
            assertEquals(1, child.exitCode(), child.stderr());
            assertTrue(child.stderr().matches("pg_restore: error: the statement starting at line 6 of the script is "
                    + "longer than \\d+ characters\n"), child.stderr());
            assertEquals("0", target.queryString("select count(*) from big"), "the statements before it ran");
        }
    }

    /** The script of {@link #statementsOf50MbAreHeldOnce}; returns the MD5 of the INSERT's literal. */
    private static String writeBigScript(Path script) throws IOException {
        String literal;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(script), 1 << 16)) {
            out.write(("--\n-- PostgreSQL database dump\n--\n\n"
                    + "CREATE TABLE big (id int, body text);\n"
                    + "INSERT INTO big VALUES (1, '").getBytes(StandardCharsets.US_ASCII));
            literal = writeHex(out, STATEMENT_BYTES, "literal");
            out.write("');\n\nCREATE FUNCTION big_body() RETURNS text LANGUAGE sql\n    AS $body$SELECT '"
                    .getBytes(StandardCharsets.US_ASCII));
            writeHex(out, STATEMENT_BYTES, "body");
            out.write("'::text$body$;\n".getBytes(StandardCharsets.US_ASCII));
        }
        return literal;
    }

    /** {@code bytes} characters of hex from a counter's digests; returns their MD5 as hex. */
    private static String writeHex(OutputStream out, int bytes, String seed) throws IOException {
        MessageDigest md5 = md5();
        byte[] chunk = hexChunks(bytes, seed);
        for (int written = 0; written < bytes; written += chunk.length) {
            int n = Math.min(chunk.length, bytes - written);
            out.write(chunk, 0, n);
            md5.update(chunk, 0, n);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static String md5Hex(int bytes, String seed) {
        MessageDigest md5 = md5();
        byte[] chunk = hexChunks(bytes, seed);
        for (int written = 0; written < bytes; written += chunk.length) {
            md5.update(chunk, 0, Math.min(chunk.length, bytes - written));
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** 1 MB of hex digits that differ by seed (repeated: the server keeps what it gets, the checksum sees all). */
    private static byte[] hexChunks(int bytes, String seed) {
        MessageDigest md5 = md5();
        StringBuilder hex = new StringBuilder(1 << 20);
        for (int i = 0; hex.length() < Math.min(bytes, 1 << 20); i++) {
            hex.append(HexFormat.of().formatHex(md5.digest((seed + i).getBytes(StandardCharsets.US_ASCII))));
        }
        return hex.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    record Child(int exitCode, String stderr, long peakHeapAfterGc, String heapOption) {
    }

    /**
     * {@code restore -d TARGET SCRIPT} in a child JVM with the launcher's JVM options (then {@code extra}, which
     * override them, as PGDUMP4J_JAVA_OPTS does) and a GC log.
     */
    private Child restore(TestDb target, Path script, List<String> extra) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(launcherOptions());
        jvm.addAll(extra);
        Path gcLog = dir.resolve("gc-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "restore", "-d", target.name(), script.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PG"));
        env.putAll(target.libpqEnvironment());
        env.remove("PGDATABASE");
        env.put("PGPASSFILE", dir.resolve("no-pgpass").toString());
        Process process = pb.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("restore did not finish in 5 minutes; stderr:\n" + stderr);
        }
        String heap = jvm.stream().filter(o -> o.startsWith("-Xmx")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the launcher sets no -Xmx: " + jvm));
        return new Child(process.exitValue(), stderr, peakAfterGc(Files.readString(gcLog)), heap);
    }

    /** The JVM options of {@code ./pgdump4j}: its {@code defaults=(...)} line. */
    static List<String> launcherOptions() throws IOException {
        Path launcher = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && launcher == null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pgdump4j")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                launcher = p.resolve("pgdump4j");
            }
        }
        if (launcher == null) {
            throw new AssertionError("launcher ./pgdump4j not found above " + Path.of("").toAbsolutePath());
        }
        Matcher m = DEFAULTS.matcher(Files.readString(launcher));
        if (!m.find()) {
            throw new AssertionError("no defaults=(...) line in " + launcher);
        }
        return List.of(m.group(1).trim().split("\\s+"));
    }

    /**
     * The live heap at its peak, as a {@code -Xlog:gc} log shows it: the largest occupancy after a full collection,
     * or without one the largest after any collection (which still counts the old generation's dead objects).
     */
    static long peakAfterGc(String log) {
        long full = 0;
        long any = 0;
        Matcher m = GC_AFTER.matcher(log);
        while (m.find()) {
            long value = Long.parseLong(m.group(2)) << switch (m.group(3)) {
                case "K" -> 10;
                case "M" -> 20;
                default -> 30;
            };
            any = Math.max(any, value);
            if (m.group(1) != null) {
                full = Math.max(full, value);
            }
        }
        return full > 0 ? full : any;
    }
}
