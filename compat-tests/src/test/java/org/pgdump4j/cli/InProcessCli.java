package org.pgdump4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pgdump4j.connect.LibpqHome;
import org.pgdump4j.connect.PasswordPrompt;
import org.pgdump4j.testing.ReferenceClients;

/**
 * Runs {@code pgdump4j} inside the test JVM: the same command line and environment as {@code CliProcess}, without
 * a JVM start per run. The compat checks run hundreds of dumps; starting a JVM for each was most of CI's time.
 * Tests of the process itself (exit codes, files left behind, signals) keep {@code CliProcess}.
 */
public final class InProcessCli {
    private InProcessCli() {
    }

    /**
     * Runs {@code args} in the environment {@code CliProcess} would give the process
     * ({@link ReferenceClients#environment}); the result's stdout holds what went to standard output.
     */
    public static ReferenceClients.Result run(Map<String, String> extra, String... args) {
        return run(extra, PasswordPrompt.none(), args);
    }

    /** As {@link #run(Map, String...)}, {@code prompt} answering the password prompts ({@code -W}). */
    public static ReferenceClients.Result run(Map<String, String> extra, PasswordPrompt prompt, String... args) {
        Map<String, String> env = ReferenceClients.environment(extra);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliContext context = new CliContext(env, LibpqHome.of(env), new ByteArrayInputStream(new byte[0]), stdout,
                prompt);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Main.execute(context, o, e, args);
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = stdout.toByteArray();
        byte[] all = new byte[text.length + bytes.length];
        System.arraycopy(text, 0, all, 0, text.length);
        System.arraycopy(bytes, 0, all, text.length, bytes.length);
        return new ReferenceClients.Result(code, all, err.toString());
    }
}
