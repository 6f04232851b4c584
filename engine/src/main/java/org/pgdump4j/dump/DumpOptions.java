package org.pgdump4j.dump;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.restore.RenderOptions;

/**
 * Everything one pg_dump run was asked to do, as a value. The CLI builds it from pg_dump's options; library
 * callers build it directly.
 *
 * @param file     output path; null writes to stdout
 * @param encoding client encoding for the dump ({@code -E}); null keeps the server encoding
 */
public record DumpOptions(
        @Nullable Path file,
        OutputFormat format,
        ObjectSelection selection,
        ContentFlags content,
        RenderOptions render,
        @Nullable String encoding,
        boolean verbose) {

    public DumpOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(render, "render");
    }

    /** A full dump of the whole database to stdout in plain format. */
    public static DumpOptions defaults() {
        return new DumpOptions(null, OutputFormat.PLAIN, ObjectSelection.ALL, ContentFlags.ALL,
                RenderOptions.DEFAULTS, null, false);
    }

    public DumpOptions withFile(@Nullable Path f) {
        return new DumpOptions(f, format, selection, content, render, encoding, verbose);
    }

    public DumpOptions withSelection(ObjectSelection s) {
        return new DumpOptions(file, format, s, content, render, encoding, verbose);
    }

    public DumpOptions withContent(ContentFlags c) {
        return new DumpOptions(file, format, selection, c, render, encoding, verbose);
    }

    public DumpOptions withRender(RenderOptions r) {
        return new DumpOptions(file, format, selection, content, r, encoding, verbose);
    }
}
