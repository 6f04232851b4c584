package org.pgdump4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.connect.PasswordPrompt;

/** Runs the CLI in-process with captured output, an empty environment and no server. */
final class Cli {
    private Cli() {
    }

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** A context whose standard output is captured (a fresh buffer; {@link #run} adds it to {@code out}). */
    static CliContext context(Map<String, String> env, InputStream stdin) {
        return new CliContext(env, Path.of("/nonexistent-home"), stdin, new ByteArrayOutputStream(),
                PasswordPrompt.none());
    }

    static CliContext context() {
        return context(Map.of(), new ByteArrayInputStream(new byte[0]));
    }

    static Run run(String... args) {
        return run(context(), args);
    }

    static Run run(CliContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(context, new PrintWriter(out), new PrintWriter(err), args);
        String bytesOut = context.stdout() instanceof ByteArrayOutputStream b ? b.toString(StandardCharsets.UTF_8) : "";
        return new Run(code, out + bytesOut, err.toString());
    }

    /** The options a subcommand ({@code "dump"}...) declares. */
    static Spec spec(String command) {
        PgTool tool = Objects.requireNonNull(Main.tool(command, context()), command);
        return new Spec(tool, OptionBinder.declarations(tool));
    }

    /** A subcommand and its declared options. */
    record Spec(PgTool tool, List<OptionBinder.Declared> options) {
        /** The option with this name (short, long or alias), or null. */
        @Nullable Option findOption(String name) {
            for (OptionBinder.Declared d : options) {
                if (d.names().contains(name)) {
                    return new Option(d);
                }
            }
            return null;
        }
    }

    /** One declared option, asked what picocli's model was asked: how many arguments it takes. */
    record Option(OptionBinder.Declared declared) {
        Arity arity() {
            return new Arity(declared.kind().takesArgument() ? 1 : 0);
        }
    }

    record Arity(int max) {
    }

    /** Parses without running: the subcommand object ({@code args[0]}), its fields filled in. */
    static <T> T parse(Class<T> type, String... args) {
        PgTool tool = Objects.requireNonNull(Main.tool(args[0], context()), args[0]);
        ToolRunner.parse(tool, List.of(args).subList(1, args.length));
        return type.cast(tool);
    }
}
