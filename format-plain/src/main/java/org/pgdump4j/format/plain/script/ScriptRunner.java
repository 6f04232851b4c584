package org.pgdump4j.format.plain.script;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.progress.ProgressListener;

/**
 * Runs a plain SQL script against a database the way {@code psql -f} does, without psql: what
 * {@code pgdump4j restore -d DB dump.sql} uses.
 *
 * <ul>
 *   <li>Each statement is executed over JDBC with autocommit on (like psql), or in one transaction with
 *       {@link RunnerOptions#singleTransaction()}; there, the script's own {@code BEGIN}/{@code COMMIT} (pg_dump puts
 *       them around large objects) are skipped so they do not end the transaction early.</li>
 *   <li>Statements go with the simple query protocol, as psql sends them; each is held once in memory (a
 *       statement longer than a third of the heap is refused with an error rather than running out of it).</li>
 *   <li>{@code COPY ... FROM stdin} data is streamed to the server in 64 kB chunks through PgJDBC's
 *       {@code CopyManager}, never buffered whole, not even a row. The data of a failed COPY is skipped up to its
 *       {@code \.}. Text after {@code FROM stdin;} on the same line runs after the data, as in psql.</li>
 *   <li>A UTF-8 byte-order mark at the start of a UTF-8 script is skipped, as psql skips it.</li>
 *   <li>Meta-commands: {@code \connect}/{@code \c} (a new connection from the source, to another database only),
 *       {@code \restrict KEY}/<code>&#92;unrestrict KEY</code> (psql's restricted mode, CVE-2025-8714: in it every other
 *       meta-command is an error), {@code \set}/<code>&#92;unset</code> (only {@code ON_ERROR_STOP} has an effect),
 *       {@code \encoding}, {@code \echo}, {@code \q}. Any other meta-command is an error. psql variables are not
 *       interpolated into SQL or arguments.</li>
 *   <li>Encoding: the script is read as UTF-8 (or the charset given) until a {@code SET client_encoding} (or
 *       {@code \encoding}) names another one; from the next line on it is decoded with that charset. Those
 *       statements are not sent: the JDBC session always talks UTF8 and the driver converts.</li>
 *   <li>Errors: a failing statement or meta-command ends the run with a {@link org.pgdump4j.RestoreException}
 *       {@code error at line N of script: ERROR:  ...} under {@link RunnerOptions#exitOnError()}; otherwise the same
 *       text goes to {@link ProgressListener#warning} and is counted in {@link RunResult#errors()}. A lost
 *       connection, a failed {@code \connect} and an unreadable script (an
 *       {@link org.pgdump4j.ArchiveFormatException}) always end the run. N is the line where the
 *       statement starts, or for bad COPY data the line of the rejected row. Server warnings go to
 *       {@link ProgressListener#warning}, notices to {@link ProgressListener#info}.</li>
 * </ul>
 *
 * A runner may be used for several runs, one at a time; each run opens and closes its own connections. The caller
 * owns and closes the script stream.
 */
public final class ScriptRunner {
    private final ConnectionSource source;
    private final RunnerOptions options;
    private final ProgressListener listener;

    public ScriptRunner(ConnectionSource source, RunnerOptions options, ProgressListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * A third of the heap: a statement is held once while it is collected into blocks, once as the String sent and
     * once as the driver's encoded bytes, of which two at a time.
     */
    static int maxStatementLength() {
        return (int) Math.max(1 << 16, Math.min(ScriptSplitter.DEFAULT_MAX_LENGTH,
                Runtime.getRuntime().maxMemory() / 3));
    }

    /** Runs a script whose bytes are UTF-8 (until it sets another client encoding). */
    public RunResult run(InputStream script) {
        return run(script, StandardCharsets.UTF_8);
    }

    /** Runs a script whose bytes are in {@code encoding} (until it sets another client encoding). */
    public RunResult run(InputStream script, Charset encoding) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(encoding, "encoding");
        ScriptSplitter splitter = new ScriptSplitter(script, encoding, maxStatementLength());
        return new ScriptRun(splitter, source, options, listener).run();
    }
}
