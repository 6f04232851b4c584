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
import org.pgdump4j.connect.PasswordPrompt;
import picocli.CommandLine;

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

    /** The picocli model of a subcommand ({@code "dump"}...). */
    static CommandLine.Model.CommandSpec spec(String command) {
        return Main.commandLine(context(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().get(command).getCommandSpec();
    }

    /** Parses without running: the subcommand object, its fields filled in. */
    static <T> T parse(Class<T> type, String... args) {
        CommandLine cl = Main.commandLine(context(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        CommandLine.ParseResult result = cl.parseArgs(args);
        return type.cast(result.subcommand().commandSpec().userObject());
    }
}
