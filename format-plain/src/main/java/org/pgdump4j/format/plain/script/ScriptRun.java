package org.pgdump4j.format.plain.script;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.RestoreException;
import org.pgdump4j.connect.ConnectionSource;
import org.pgdump4j.format.plain.script.MetaArguments.Arg;
import org.pgdump4j.format.plain.script.MetaArguments.MalformedException;
import org.pgdump4j.progress.ProgressListener;
import org.postgresql.copy.CopyIn;

/**
 * One run of a script: the state psql keeps while reading a file (connection, restricted mode, ON_ERROR_STOP,
 * counters). Single-threaded and used once.
 */
final class ScriptRun {
    private static final int COPY_CHUNK = 64 * 1024;
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "\\s*(?:BEGIN|START\\s+TRANSACTION|COMMIT|END)(?:\\s+(?:WORK|TRANSACTION))?\\s*", Pattern.CASE_INSENSITIVE);
    private static final String ON_ERROR_STOP = "ON_ERROR_STOP";

    private final ScriptSplitter splitter;
    private final ConnectionSource source;
    private final ProgressListener listener;
    private final boolean singleTransaction;
    private final Map<String, String> variables = new HashMap<>();
    private final byte[] copyBuffer = new byte[COPY_CHUNK];

    private boolean onErrorStop;
    /** The key of \restrict while restricted, else null. */
    private @Nullable String restrictKey;
    private @Nullable ScriptSession session;
    private boolean quit;
    private long statements;
    private long copyRows;
    private int errors;

    ScriptRun(ScriptSplitter splitter, ConnectionSource source, RunnerOptions options, ProgressListener listener) {
        this.splitter = splitter;
        this.source = source;
        this.listener = listener;
        this.singleTransaction = options.singleTransaction();
        this.onErrorStop = options.exitOnError();
    }

    RunResult run() {
        session = ScriptSession.open(source, null, singleTransaction);
        try {
            runItems();
            if (singleTransaction) {
                try {
                    session().commit();
                } catch (SQLException e) {
                    throw new RestoreException("could not commit the transaction: " + ScriptSession.describe(e), e);
                }
            }
        } catch (RuntimeException | Error e) {
            abandonSession(e);
            throw e;
        }
        closeSession();
        return new RunResult(statements, copyRows, errors);
    }

    private void runItems() {
        while (!quit) {
            Optional<ScriptItem> next = splitter.next();
            if (next.isEmpty()) {
                return;
            }
            ScriptItem item = next.get();
            checkInterrupted(item.line());
            if (item instanceof ScriptItem.SqlStatement s) {
                if (s.copyFromStdin()) {
                    copy(s);
                } else {
                    statement(s);
                }
            } else if (item instanceof ScriptItem.MetaCommand m) {
                metaCommand(m);
            } else {
                throw new IllegalStateException("COPY data outside a COPY block at line " + item.line());
            }
        }
    }

    /** Stops between statements and between COPY chunks; the interrupt flag stays set for the caller. */
    private static void checkInterrupted(long line) {
        if (Thread.currentThread().isInterrupted()) {
            throw new RestoreException("interrupted at line " + line + " of script");
        }
    }

    private ScriptSession session() {
        if (session == null) {
            throw new IllegalStateException("no connection");
        }
        return session;
    }

    // -------------------------------------------------------------------------------------------------------------
    // SQL

    private void statement(ScriptItem.SqlStatement s) {
        String sql = s.sql();
        Optional<String> encoding = ClientEncodings.requestedBy(sql);
        if (encoding.isPresent()) {
            // not sent: PgJDBC keeps the session in UTF8 and converts; the script is decoded with the new charset
            if (switchEncoding(encoding.get(), s.line())) {
                statements++;
            }
            return;
        }
        if (singleTransaction && TRANSACTION_CONTROL.matcher(sql).matches()) {
            // pg_dump wraps large objects in BEGIN/COMMIT; inside --single-transaction that would end the transaction
            return;
        }
        SQLException failure = null;
        try {
            session().execute(sql);
            statements++;
        } catch (SQLException e) {
            failure = e;
        } catch (OutOfMemoryError e) {
            // the driver encodes the statement before it sends anything: the connection is still in step
            throw new RestoreException("error at line " + s.line() + " of script: out of memory for a statement of "
                    + sql.length() + " characters: give the JVM a larger heap (-Xmx)", e);
        }
        afterStatement(s.line());
        if (failure != null) {
            fail(s.line(), failure);
        }
    }

    private void afterStatement(long line) {
        ScriptSession current = session();
        try {
            for (ScriptSession.Notice notice : current.drainNotices()) {
                String text = "line " + line + " of script: " + notice.text();
                if (notice.warning()) {
                    listener.warning(text);
                } else {
                    listener.info(text);
                }
            }
        } catch (SQLException e) {
            fail(line, "could not read server notices: " + ScriptSession.describe(e), e);
        }
        current.standardConformingStrings().ifPresent(splitter::setStandardConformingStrings);
    }

    private boolean switchEncoding(String name, long line) {
        Optional<Charset> charset = ClientEncodings.charset(name);
        if (charset.isEmpty()) {
            fail(line, "unsupported client encoding \"" + name + "\": the script cannot be decoded in it", null);
            return false;
        }
        splitter.switchEncoding(charset.get());
        return true;
    }

    // -------------------------------------------------------------------------------------------------------------
    // COPY ... FROM stdin

    private void copy(ScriptItem.SqlStatement s) {
        CopyIn copy;
        try {
            copy = session().copyIn(s.sql());
        } catch (SQLException e) {
            afterStatement(s.line());
            fail(s.line(), e);
            skipCopyData();
            return;
        }
        long firstDataLine = 0;
        int buffered = 0;
        boolean ended = false;
        try {
            while (true) {
                ScriptItem item = nextCopyItem();
                if (item instanceof ScriptItem.CopyLine l) {
                    if (firstDataLine == 0) {
                        firstDataLine = l.line();
                    }
                    byte[] bytes = l.text().getBytes(StandardCharsets.UTF_8);
                    if (buffered + bytes.length > copyBuffer.length) {
                        checkInterrupted(l.line());
                        copy.writeToCopy(copyBuffer, 0, buffered);
                        buffered = 0;
                    }
                    if (bytes.length >= copyBuffer.length) {
                        copy.writeToCopy(bytes, 0, bytes.length);
                    } else {
                        System.arraycopy(bytes, 0, copyBuffer, buffered, bytes.length);
                        buffered += bytes.length;
                    }
                } else {
                    ended = true;
                    if (buffered > 0) {
                        copy.writeToCopy(copyBuffer, 0, buffered);
                    }
                    copyRows += copy.endCopy();
                    statements++;
                    afterStatement(s.line());
                    return;
                }
            }
        } catch (SQLException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            long dataLine = ScriptSession.copyDataLine(e);
            long line = dataLine > 0 && firstDataLine > 0 ? firstDataLine + dataLine - 1 : s.line();
            afterStatement(s.line());
            fail(line, e);
            if (!ended) {
                skipCopyData();
            }
        }
    }

    private ScriptItem nextCopyItem() {
        Optional<ScriptItem> next = splitter.next();
        if (next.isEmpty() || next.get() instanceof ScriptItem.SqlStatement
                || next.get() instanceof ScriptItem.MetaCommand) {
            throw new IllegalStateException("COPY data ended without a CopyEnd: " + next);
        }
        return next.get();
    }

    /** The data of a failed COPY is skipped, never run as SQL (psql would try to). */
    private void skipCopyData() {
        ScriptItem item = nextCopyItem();
        while (!(item instanceof ScriptItem.CopyEnd)) {
            item = nextCopyItem();
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // meta-commands

    private void metaCommand(ScriptItem.MetaCommand m) {
        String name = m.name();
        if (restrictKey != null && !name.equals("unrestrict")) {
            fail(m.line(), "backslash commands are restricted; only \\unrestrict is allowed", null);
            return;
        }
        try {
            switch (name) {
                case "restrict":
                    restrictKey = requiredArgument(m);
                    break;
                case "unrestrict":
                    unrestrict(m);
                    break;
                case "c":
                case "connect":
                    connect(m);
                    break;
                case "set":
                    set(m);
                    break;
                case "unset":
                    unset(m);
                    break;
                case "encoding":
                    switchEncoding(requiredArgument(m), m.line());
                    break;
                case "echo":
                    listener.info(String.join(" ", values(MetaArguments.parse(m.arguments(), false))));
                    break;
                case "q":
                case "quit":
                    quit = true;
                    break;
                default:
                    fail(m.line(), "unsupported meta-command \\" + name + " (pgdump4j runs SQL, \\connect, "
                            + "\\restrict/\\unrestrict, \\set, \\encoding, \\echo and \\q)", null);
                    break;
            }
        } catch (MalformedException e) {
            fail(m.line(), "\\" + name + ": " + e.getMessage(), null);
        }
    }

    private void unrestrict(ScriptItem.MetaCommand m) throws MalformedException {
        if (restrictKey == null) {
            throw new MalformedException("not currently in restricted mode");
        }
        if (!requiredArgument(m).equals(restrictKey)) {
            throw new MalformedException("wrong key");
        }
        restrictKey = null;
    }

    private static String requiredArgument(ScriptItem.MetaCommand m) throws MalformedException {
        List<Arg> args = MetaArguments.parse(m.arguments(), false);
        if (args.isEmpty()) {
            throw new MalformedException("missing required argument");
        }
        return args.get(0).value();
    }

    private void connect(ScriptItem.MetaCommand m) throws MalformedException {
        Optional<String> requested = ConnectCommand.database(m.arguments());
        if (singleTransaction) {
            throw new MalformedException("cannot connect to another database in single-transaction mode");
        }
        String database = requested.orElse(session().database());
        ScriptSession next;
        try {
            next = ScriptSession.open(source, database, false);
        } catch (PgDumpException e) {
            // never go on in the wrong database: a failed \connect ends the run even when errors are ignored
            throw new RestoreException("error at line " + m.line() + " of script: \\" + m.name()
                    + ": could not connect to database \"" + database + "\": " + e.getMessage(), e);
        }
        ScriptSession previous = session;
        session = next;
        if (previous != null) {
            try {
                previous.close();
            } catch (SQLException e) {
                listener.warning("could not close the connection to database \"" + previous.database() + "\": "
                        + ScriptSession.describe(e));
            }
        }
        listener.info("connected to database \"" + database + "\"");
    }

    private void set(ScriptItem.MetaCommand m) throws MalformedException {
        List<Arg> args = MetaArguments.parse(m.arguments(), false);
        if (args.isEmpty()) {
            return;   // psql lists the variables
        }
        String name = args.get(0).value();
        String value = String.join("", values(args.subList(1, args.size())));
        if (name.equals(ON_ERROR_STOP)) {
            onErrorStop = parseBoolean(value).orElseThrow(() -> new MalformedException(
                    "unrecognized value \"" + value + "\" for \"" + ON_ERROR_STOP + "\": Boolean expected"));
        }
        variables.put(name, value);
    }

    private void unset(ScriptItem.MetaCommand m) throws MalformedException {
        String name = requiredArgument(m);
        if (name.equals(ON_ERROR_STOP)) {
            onErrorStop = false;
        }
        variables.remove(name);
    }

    private static List<String> values(List<Arg> args) {
        return args.stream().map(Arg::value).toList();
    }

    /** psql's ParseVariableBool: on/off, true/false, yes/no (unique prefixes), 1/0. */
    static Optional<Boolean> parseBoolean(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if ("true".startsWith(v) || "yes".startsWith(v) || v.equals("1") || (v.length() >= 2 && "on".startsWith(v))) {
            return Optional.of(true);
        }
        if ("false".startsWith(v) || "no".startsWith(v) || v.equals("0")
                || (v.length() >= 2 && "off".startsWith(v))) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    // -------------------------------------------------------------------------------------------------------------
    // errors and cleanup

    /** A failed statement: fatal when the connection is gone (as in psql), else like {@link #fail(long, String, Throwable)}. */
    private void fail(long line, SQLException e) {
        if (session().isBroken()) {
            throw new RestoreException("error at line " + line + " of script: connection to server lost: "
                    + ScriptSession.describe(e), e);
        }
        fail(line, ScriptSession.describe(e), e);
    }

    /** Throws with ON_ERROR_STOP (or in a single transaction), else reports and counts. */
    private void fail(long line, String message, @Nullable Throwable cause) {
        String text = "error at line " + line + " of script: " + message;
        if (onErrorStop || singleTransaction) {
            throw cause == null ? new RestoreException(text) : new RestoreException(text, cause);
        }
        errors++;
        listener.warning(text);
    }

    private void closeSession() {
        ScriptSession current = session;
        session = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                throw new RestoreException("could not close the connection to database \"" + current.database()
                        + "\": " + ScriptSession.describe(e), e);
            }
        }
    }

    /** After a failure: roll back a single transaction and close, keeping any trouble as suppressed exceptions. */
    private void abandonSession(Throwable failure) {
        ScriptSession current = session;
        session = null;
        if (current == null) {
            return;
        }
        try {
            if (singleTransaction && !current.isBroken()) {
                current.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            current.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
