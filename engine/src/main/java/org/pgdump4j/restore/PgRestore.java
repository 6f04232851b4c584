package org.pgdump4j.restore;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.monitor.CancelWatch;
import org.pgdump4j.monitor.RunMonitor;
import org.pgdump4j.progress.Cancellation;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.Timestamps;

/**
 * The library entry point of pg_restore: an archive reader, {@link RestoreOptions} and a target.
 *
 * <pre>{@code
 * try (ArchiveReader r = format.newReader(path)) {
 *     RestoreResult res = PgRestore.run(r, options, Target.script(System.out), listener);
 * }
 * }</pre>
 *
 * Large objects and the {@code -v} data-position lines need the reader to implement {@link ReaderExtras}.
 */
public final class PgRestore {
    /** What {@code pg_restore -l} prints after {@code Format:}. */
    private static final Set<String> LISTING_NAMES = Set.of("CUSTOM", "DIRECTORY", "TAR");

    private PgRestore() {
    }

    /** Where the restore goes. */
    public sealed interface Target {
        /** A SQL script, as {@code -f}; the charset is the one the reader decoded the archive's strings with. */
        record Script(OutputStream out, Charset charset) implements Target {
            public Script {
                Objects.requireNonNull(out, "out");
                Objects.requireNonNull(charset, "charset");
            }
        }

        /** A live database, as {@code -d}; {@code -C} reconnects through the same source. */
        record Database(ConnectionSource source) implements Target {
            public Database {
                Objects.requireNonNull(source, "source");
            }
        }

        static Target script(OutputStream out) {
            return new Script(out, StandardCharsets.UTF_8);
        }

        static Target database(ConnectionSource source) {
            return new Database(source);
        }
    }

    /**
     * What happened.
     *
     * @param errorsIgnored statements that failed and were skipped (pg_restore: "errors ignored on restore: N",
     *                      exit status 1)
     */
    public record RestoreResult(int errorsIgnored) {
    }

    /**
     * Restores. Statement errors without -e are counted (and reported through {@code listener}, as errors when it
     * is a {@link RestoreListener}); with -e or -1 the first one ends the run with a
     * {@link org.pgdump4j.RestoreException}. Ends with the {@code errors ignored on restore: N} warning when any
     * were ignored.
     */
    public static RestoreResult run(ArchiveReader reader, RestoreOptions options, Target target,
            ProgressListener listener) {
        return run(reader, options, target, listener, Timestamps.localZone());
    }

    /** {@link #run(ArchiveReader, RestoreOptions, Target, ProgressListener)} stopped by {@code cancel}. */
    public static RestoreResult run(ArchiveReader reader, RestoreOptions options, Target target,
            ProgressListener listener, Cancellation cancel) {
        return run(reader, options, target, listener, Timestamps.localZone(), cancel);
    }

    /** {@link #run(ArchiveReader, RestoreOptions, Target, ProgressListener)} with the zone of -v timestamps. */
    public static RestoreResult run(ArchiveReader reader, RestoreOptions options, Target target,
            ProgressListener listener, ZoneId zone) {
        return run(reader, null, options, target, listener, zone, new Cancellation());
    }

    /**
     * {@link #run(ArchiveReader, RestoreOptions, Target, ProgressListener, ZoneId)} that {@code cancel} (or an
     * interrupt of the calling thread) stops within about a second, with a {@link org.pgdump4j.CanceledException}:
     * the statements running are canceled, the connections closed, a parallel restore's workers stopped (what was
     * restored so far stays, as after any failure; with {@code -1} nothing does). {@code listener} hears
     * {@link ProgressEvent}s too.
     */
    public static RestoreResult run(ArchiveReader reader, RestoreOptions options, Target target,
            ProgressListener listener, ZoneId zone, Cancellation cancel) {
        return run(reader, null, options, target, listener, zone, cancel);
    }

    /**
     * A restore that may run in parallel: with {@code -j N} (N &gt; 1) into a database, N workers each read the
     * archive through their own reader from {@code archive}. A script is always written serially, as pg_restore
     * writes it.
     *
     * @param archive opens the archive again for each worker; null when it cannot be (standard input), which a
     *                parallel restore refuses with pg_restore's message
     */
    public static RestoreResult run(ArchiveReader reader, @Nullable ArchiveSource archive, RestoreOptions options,
            Target target, ProgressListener listener, ZoneId zone) {
        return run(reader, archive, options, target, listener, zone, new Cancellation());
    }

    /** The parallel-capable {@code run} stopped by {@code cancel} (or an interrupt), as the serial one is. */
    public static RestoreResult run(ArchiveReader reader, @Nullable ArchiveSource archive, RestoreOptions options,
            Target target, ProgressListener listener, ZoneId zone, Cancellation cancel) {
        Objects.requireNonNull(listener, "listener");
        try (CancelWatch watch = CancelWatch.start(cancel)) {
            Target watched = target instanceof Target.Database d ? new Target.Database(watch.watching(d.source()))
                    : target;
            try {
                return runMonitored(reader, archive, options, watched, new RunMonitor(listener, watch), zone);
            } catch (RuntimeException e) {
                throw watch.translate(e);
            }
        }
    }

    /** Internal: a serial restore reporting to {@code monitor} (a plain dump renders its script through this). */
    public static RestoreResult runMonitored(ArchiveReader reader, RestoreOptions options, Target target,
            RunMonitor monitor, ZoneId zone) {
        return runMonitored(reader, null, options, target, monitor, zone);
    }

    private static RestoreResult runMonitored(ArchiveReader reader, @Nullable ArchiveSource archive,
            RestoreOptions options, Target target, RunMonitor monitor, ZoneId zone) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(target, "target");
        ProgressListener listener = monitor.listener();
        RestoreSelection selection = RestoreSelection.of(reader.toc(), options, listener);
        ReaderExtras extras = reader instanceof ReaderExtras x ? x : null;
        int errors;
        try {
            if (target instanceof Target.Script s) {
                ScriptTarget st = new ScriptTarget(s.out(), s.charset(), options.output().restrictKey());
                new Restorer(reader, extras, options, selection, st, monitor, zone).run();
                s.out().flush();
                errors = 0;
            } else {
                Target.Database d = (Target.Database) target;
                if (options.output().restrictKey() != null) {
                    throw new UsageException("options -d/--dbname and --restrict-key cannot be used together");
                }
                boolean parallel = options.execution().jobs() > 1;
                if (parallel) {
                    ParallelRestore.check(reader, archive);
                }
                monitor.phase(ProgressEvent.Phase.CONNECT);
                try (DatabaseTarget dt = new DatabaseTarget(d.source(), options.execution().exitOnError(), listener,
                        monitor::check)) {
                    Restorer leader = new Restorer(reader, extras, options, selection, dt, monitor, zone);
                    int workerErrors = 0;
                    if (parallel) {
                        workerErrors = new ParallelRestore(reader, Objects.requireNonNull(archive), options,
                                selection, d.source(), dt, leader, monitor).run();
                    } else {
                        leader.run();
                    }
                    errors = dt.errors() + workerErrors;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (errors > 0) {
            listener.warning("errors ignored on restore: " + errors);
        }
        return new RestoreResult(errors);
    }

    /**
     * {@code -l}: prints the listing of the entries the options select.
     *
     * @param formatName {@code CUSTOM}, {@code DIRECTORY} or {@code TAR}
     */
    public static void list(ArchiveReader reader, String formatName, RestoreOptions options, OutputStream out,
            ProgressListener listener) throws IOException {
        list(reader, formatName, options, out, listener, Timestamps.localZone(), StandardCharsets.UTF_8);
    }

    /** {@code -l} with an explicit zone for the creation time and the charset of the archive's strings. */
    public static void list(ArchiveReader reader, String formatName, RestoreOptions options, OutputStream out,
            ProgressListener listener, ZoneId zone, @Nullable Charset charset) throws IOException {
        if (!LISTING_NAMES.contains(formatName)) { // pg_restore prints them upper case: "custom" would be a bug
            throw new IllegalArgumentException("not a listing format name: \"" + formatName + "\"");
        }
        TocListing.print(reader.header(), formatName, reader.toc(), options, listener, zone,
                charset == null ? StandardCharsets.UTF_8 : charset, out);
    }
}
