package org.pgdump4j.api;

import org.pgdump4j.dump.OutputFormat;

/** pg_dump's output formats ({@code -F}); {@link #toString()} is the word {@code pg_restore -l} prints. */
public enum Format {
    /** A SQL script ({@code -Fp}): to a {@code Path}, an {@code OutputStream} or a {@code Writer}. */
    PLAIN(OutputFormat.PLAIN),
    /** The custom archive ({@code -Fc}): to a {@code Path} or an {@code OutputStream}; compressed by default. */
    CUSTOM(OutputFormat.CUSTOM),
    /** The directory archive ({@code -Fd}): to a {@code Path} only; compressed by default. */
    DIRECTORY(OutputFormat.DIRECTORY),
    /** The tar archive ({@code -Ft}): to a {@code Path} or an {@code OutputStream}; never compressed. */
    TAR(OutputFormat.TAR);

    private final OutputFormat engine;

    Format(OutputFormat engine) {
        this.engine = engine;
    }

    OutputFormat engine() {
        return engine;
    }

    /** The format of a reader found by name ({@code custom}, {@code directory}, {@code tar}). */
    static Format named(String name) {
        return switch (name) {
            case "custom" -> CUSTOM;
            case "directory" -> DIRECTORY;
            case "tar" -> TAR;
            default -> PLAIN;
        };
    }
}
