package org.pgdump4j.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.RestoreException;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.progress.ProgressEvent;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.monitor.RunMonitor;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.Timestamps;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * pg_restore 18's serial RestoreArchive / restore_toc_entry / _printTocEntry over a {@link SqlTarget}: banner,
 * fixed session settings, --clean drops in reverse order, then the selected entries in three passes (main, ACL,
 * post-ACL), with --transaction-size's COMMIT every n objects. The same walk serves the script and the database, so
 * both see the same statements in the same order. Single-threaded; one instance per run, or per connection in a
 * parallel restore ({@link ParallelRestore}: the leader's and one per worker, see {@link #worker}).
 */
final class Restorer {
    private static final Set<EntryKind> QUALIFIED_OWNER = EnumSet.of(EntryKind.COLLATION, EntryKind.CONVERSION,
            EntryKind.DOMAIN, EntryKind.FOREIGN_TABLE, EntryKind.MATERIALIZED_VIEW, EntryKind.SEQUENCE,
            EntryKind.STATISTICS, EntryKind.TABLE, EntryKind.TEXT_SEARCH_DICTIONARY, EntryKind.TEXT_SEARCH_CONFIGURATION,
            EntryKind.TYPE, EntryKind.VIEW, EntryKind.DATABASE, EntryKind.PROCEDURAL_LANGUAGE, EntryKind.SCHEMA,
            EntryKind.EVENT_TRIGGER, EntryKind.FOREIGN_DATA_WRAPPER, EntryKind.SERVER, EntryKind.PUBLICATION,
            EntryKind.SUBSCRIPTION);
    private static final Set<EntryKind> DROP_DESCRIBED = EnumSet.of(EntryKind.AGGREGATE, EntryKind.FUNCTION,
            EntryKind.OPERATOR, EntryKind.OPERATOR_CLASS, EntryKind.OPERATOR_FAMILY, EntryKind.PROCEDURE);
    private static final Set<EntryKind> NO_OWNER = EnumSet.of(EntryKind.CAST, EntryKind.CHECK_CONSTRAINT,
            EntryKind.CONSTRAINT, EntryKind.DATABASE_PROPERTIES, EntryKind.DEFAULT, EntryKind.FK_CONSTRAINT,
            EntryKind.INDEX, EntryKind.RULE, EntryKind.TRIGGER, EntryKind.ROW_SECURITY, EntryKind.POLICY,
            EntryKind.USER_MAPPING);
    private static final ArchiveVersion V1_12 = ArchiveVersion.V1_12;

    /** RestorePass: the main pass, then ACLs, then what must follow the ACLs. */
    enum Pass { MAIN, ACL, POST_ACL }

    private final Toc toc;
    private final ArchiveVersion version;
    private final RestoreOptions opts;
    private final RestoreSelection selection;
    private final SqlTarget target;
    private final ArchiveReader reader;
    private final @Nullable ReaderExtras extras;
    private final ProgressListener progress;
    private final RunMonitor monitor;
    private final ZoneId zone;
    /**
     * BLOB METADATA entries by dump id, the parents whose OIDs a large-object ACL is repeated for; collected at the
     * first such ACL (a pass over the TOC that archives without one never pay).
     */
    private @Nullable Map<Integer, TocEntry> blobGroups;
    private final String encoding;
    private final boolean stdStrings;
    private final @Nullable String searchPath;
    private @Nullable String currSchema;
    private @Nullable String currTablespace;
    private @Nullable String currTableAm;
    /** --transaction-size; 0 in a parallel worker, which commits every command for the others to see. */
    private final int txnSize;
    /** Objects since the last COMMIT in --transaction-size mode. */
    private int txnCount;
    /** Tables created in this run (parallel restore only): their data is loaded after a TRUNCATE. */
    private @Nullable CreatedTables created;
    /** restore_toc_entry's is_parallel: a worker of a parallel restore. */
    private boolean inWorker;
    /** --disable-triggers around each table's data. */
    private final DataTriggers triggers;
    /** --use-set-session-authorization's (and -S's) current session user. */
    private final SessionUser user;

    Restorer(ArchiveReader reader, @Nullable ReaderExtras extras, RestoreOptions opts, RestoreSelection selection,
             SqlTarget target, RunMonitor monitor, ZoneId zone) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.toc = reader.toc();
        this.version = reader.header().version();
        this.extras = extras;
        this.opts = opts;
        this.selection = selection;
        this.target = target;
        this.monitor = monitor;
        this.progress = monitor.listener();
        this.zone = zone;
        this.encoding = toc.first(EntryKind.ENCODING).map(Restorer::encodingName).orElse("SQL_ASCII");
        this.stdStrings = toc.first(EntryKind.STDSTRINGS).map(Restorer::stdStrings).orElse(false);
        this.searchPath = toc.first(EntryKind.SEARCHPATH).map(TocEntry::definition).orElse(null);
        this.txnSize = opts.execution().transactionSize();
        this.user = new SessionUser(target);
        this.triggers = new DataTriggers(opts, target, progress, user);
    }

    /**
     * A parallel worker's restorer (CloneArchive): its own connection's session state, no --transaction-size, and
     * table data of tables created in this run loaded after a TRUNCATE in one transaction. Call {@link #newSession}
     * once its connection is open.
     */
    static Restorer worker(ArchiveReader reader, @Nullable ReaderExtras extras, RestoreOptions opts,
                           RestoreSelection selection, SqlTarget target, RunMonitor monitor,
                           CreatedTables created) {
        RestoreOptions.Execution x = opts.execution();
        RestoreOptions serial = new RestoreOptions(opts.content(), opts.selection(), opts.output(),
                new RestoreOptions.Execution(x.exitOnError(), false, x.role(), x.enableRowSecurity(), 1, 0));
        Restorer r = new Restorer(reader, extras, serial, selection, target, monitor, ZoneId.of("UTC"));
        r.created = created;
        r.inWorker = true;
        return r;
    }

    /** The leader of a parallel restore records the tables it creates (mark_create_done). */
    /** The run's table bookkeeping, made on first use by a serial restore. */
    private CreatedTables failedTables() {
        if (created == null) {
            created = new CreatedTables(toc.entries());
        }
        return created;
    }

    void recordCreatedTables(CreatedTables tables) {
        this.created = tables;
    }

    /** The archive's encoding as pg_restore names it in {@code SET client_encoding}. */
    static String encodingName(TocEntry e) {
        String defn = e.definition();
        int a = defn.indexOf('\'');
        int b = a < 0 ? -1 : defn.indexOf('\'', a + 1);
        if (b < 0) {
            throw new ArchiveFormatException("invalid ENCODING item: " + defn);
        }
        return canonicalEncoding(defn.substring(a + 1, b));
    }

    static String canonicalEncoding(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return switch (key) {
            case "utf8", "unicode" -> "UTF8";
            case "sqlascii" -> "SQL_ASCII";
            case "iso88591" -> "LATIN1";
            case "iso88592" -> "LATIN2";
            case "iso88599" -> "LATIN5";
            case "iso885915" -> "LATIN9";
            case "eucjp" -> "EUC_JP";
            case "euckr" -> "EUC_KR";
            case "euccn" -> "EUC_CN";
            case "euctw" -> "EUC_TW";
            case "eucjis2004" -> "EUC_JIS_2004";
            case "sjis", "shiftjis" -> "SJIS";
            case "koi8r", "koi8" -> "KOI8R";
            case "koi8u" -> "KOI8U";
            default -> name.toUpperCase(Locale.ROOT);
        };
    }

    static boolean stdStrings(TocEntry e) {
        String defn = e.definition();
        int a = defn.indexOf('\'');
        if (a >= 0 && defn.startsWith("'on'", a)) {
            return true;
        }
        if (a >= 0 && defn.startsWith("'off'", a)) {
            return false;
        }
        throw new ArchiveFormatException("invalid STDSTRINGS item: " + defn);
    }

    void run() throws IOException {
        start();
        serialPasses();
        finish();
    }

    /**
     * RestoreArchive up to the entries: banner, BEGIN of -1, fixed session settings, --clean's drops. The totals go
     * out first (the stored data lengths, unknown where the format has none).
     */
    void start() throws IOException {
        monitor.totals(selection.ordered().stream().filter(te -> selection.restores(te) && te.hasData()
                && te.is(EntryKind.TABLE_DATA) && (selection.reqs(te) & RestoreSelection.DATA) != 0).toList(),
                te -> {
                    long n = extras == null ? 0 : extras.dataLength(te);
                    return n > 0 ? n : -1;
                });
        ArchiveInfo info = toc.info();
        boolean verbose = opts.output().verbose();
        target.comment("--\n-- PostgreSQL database dump\n--\n\n");
        target.restrict(true);
        if (info.serverVersion() != null) {
            target.comment("-- Dumped from database version " + info.serverVersion() + "\n");
        }
        if (info.dumpVersion() != null) {
            target.comment("-- Dumped by pg_dump version " + info.dumpVersion() + "\n");
        }
        target.comment("\n");
        if (verbose) {
            target.comment("-- Started on " + Timestamps.created(info, zone) + "\n\n");
        }
        if (opts.execution().singleTransaction()) {
            target.begin();
        }
        fixedOutputState();
        target.stage(SqlTarget.Stage.PROCESSING);
        if (opts.output().clean()) {
            drops();
        }
    }

    /** The serial restore's three passes over the selected entries. */
    private void serialPasses() throws IOException {
        boolean haveAcl = false;
        boolean havePostAcl = false;
        for (TocEntry te : selection.ordered()) {
            if (!selection.restores(te)) {
                continue;
            }
            switch (passOf(te)) {
                case MAIN -> restoreEntry(te);
                case ACL -> haveAcl = true;
                case POST_ACL -> havePostAcl = true;
            }
        }
        for (Pass pass : List.of(Pass.ACL, Pass.POST_ACL)) {
            if (pass == Pass.ACL ? !haveAcl : !havePostAcl) {
                continue;
            }
            for (TocEntry te : selection.ordered()) {
                if (selection.restores(te) && passOf(te) == pass) {
                    restoreEntry(te);
                }
            }
        }
    }

    /** RestoreArchive after the entries: the COMMIT of -1 or --transaction-size, the trailer. */
    void finish() throws IOException {
        if (opts.execution().singleTransaction() || txnSize > 0) {
            target.commit();
        }
        if (opts.output().verbose()) {
            target.comment("-- Completed on " + Timestamps.now(zone) + "\n\n");
        }
        target.comment("--\n-- PostgreSQL database dump complete\n--\n\n");
        target.restrict(false);
        target.stage(SqlTarget.Stage.FINALIZING);
    }

    /** _doSetFixedOutputState. */
    private void fixedOutputState() throws IOException {
        target.sql(null, "SET statement_timeout = 0;\n");
        target.sql(null, "SET lock_timeout = 0;\n");
        target.sql(null, "SET idle_in_transaction_session_timeout = 0;\n");
        target.sql(null, "SET transaction_timeout = 0;\n");
        target.clientEncoding(encoding);
        target.sql(null, "SET standard_conforming_strings = " + (stdStrings ? "on" : "off") + ";\n");
        if (opts.execution().role() != null) {
            target.sql(null, "SET ROLE " + Sql.ident(opts.execution().role()) + ";\n");
        }
        if (searchPath != null) {
            target.sql(null, searchPath);
        }
        target.sql(null, "SET check_function_bodies = false;\n");
        target.sql(null, "SET xmloption = content;\n");
        target.sql(null, "SET client_min_messages = warning;\n");
        if (!stdStrings) {
            target.sql(null, "SET escape_string_warning = off;\n");
        }
        target.sql(null, "SET row_security = " + (opts.execution().enableRowSecurity() ? "on" : "off") + ";\n");
        if (txnSize > 0) {
            // --transaction-size: always inside a transaction when objects are restored
            if (target.direct()) {
                target.begin();
            } else {
                target.sql(null, "\nBEGIN;\n");
            }
            txnCount = 0;
        }
        target.comment("\n");
    }

    /**
     * A fresh session on a new connection (a parallel worker's, or the leader's again after the workers): nothing
     * is known about its schema, tablespace or access method; the fixed settings are sent.
     */
    void newSession() throws IOException {
        forgetSession();
        fixedOutputState();
    }

    /** The leader's state of a connection it closed (restore_toc_entries_prefork). */
    void forgetSession() {
        triggers.forgetSession();
        currSchema = null;
        currTableAm = null;
        currTablespace = null;
    }

    /**
     * Ends the open --transaction-size transaction (before the leader's connection is closed for the workers, and so
     * that they see what it created).
     */
    void commitBatch() throws IOException {
        if (txnSize > 0) {
            target.commit();
        }
    }

    /** CommitTransaction, StartTransaction or both on a database; {@code script} in a script. */
    private void transaction(boolean commit, boolean begin, String script) throws IOException {
        if (!target.direct()) {
            target.sql(null, script);
            return;
        }
        if (commit) {
            target.commit();
        }
        if (begin) {
            target.begin();
        }
    }

    /** One more object in --transaction-size mode: COMMIT and BEGIN when the batch is full. */
    private void countAction(String script) throws IOException {
        if (txnSize > 0 && ++txnCount >= txnSize) {
            transaction(true, true, script);
            txnCount = 0;
        }
    }

    /** --clean: drop statements of the selected entries in reverse order (with --create, only the database). */
    private void drops() throws IOException {
        List<TocEntry> order = selection.ordered();
        for (int i = order.size() - 1; i >= 0; i--) {
            TocEntry te = order.get(i);
            boolean isDb = te.is(EntryKind.DATABASE) || te.is(EntryKind.DATABASE_PROPERTIES);
            if (opts.output().create() && !isDb) {
                continue;
            }
            if ((selection.reqs(te) & (RestoreSelection.SCHEMA | RestoreSelection.DATA)) == 0
                    || !te.hasDropStatement()) {
                continue;
            }
            monitor.check();
            progress.info("dropping " + te.desc() + " " + te.tag());
            // --transaction-size: a database cannot be dropped inside a transaction block
            boolean outsideTxn = txnSize > 0 && isDb;
            if (outsideTxn) {
                transaction(true, false, "COMMIT;\n");
            }
            becomeOwner(te);
            selectOutputSchema(te.namespace());
            if (te.dropStatement().isEmpty()) {
                // an empty drop statement: named and counted, nothing to run
            } else if (te.is(EntryKind.BLOB_METADATA)) {
                if (opts.output().ifExists()) {
                    commandPerBlob(te, "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata "
                            + "WHERE oid = '", "'");
                } else {
                    commandPerBlob(te, "SELECT pg_catalog.lo_unlink('", "')");
                }
            } else if (!opts.output().ifExists() || te.dropStatement().startsWith("--")) {
                target.sql(te, te.dropStatement());
            } else if (te.is(EntryKind.BLOB)) {
                target.sql(te, dropLoIfExists(te.catalogId().oid()));
            } else {
                target.sql(te, withIfExists(te));
            }
            if (outsideTxn) {
                transaction(false, true, "BEGIN;\n");
                txnCount = 0;
            } else {
                countAction("COMMIT;\nBEGIN;\n");
            }
        }
        currSchema = null;
    }

    /** pg_restore's --if-exists rewrite of a drop statement. */
    String withIfExists(TocEntry te) {
        String drop = te.dropStatement();
        StringBuilder sb = new StringBuilder();
        if (drop.startsWith("ALTER TABLE")) {
            sb.append("ALTER TABLE IF EXISTS");
            drop = drop.substring("ALTER TABLE".length());
        }
        if (te.is(EntryKind.DEFAULT) || te.is(EntryKind.DATABASE_PROPERTIES)
                || drop.startsWith("CREATE OR REPLACE VIEW")) {
            return sb.append(drop).toString();
        }
        String marker = te.is(EntryKind.CONSTRAINT) || te.is(EntryKind.CHECK_CONSTRAINT)
                || te.is(EntryKind.FK_CONSTRAINT) ? "DROP CONSTRAINT" : "DROP " + te.desc();
        int at = drop.indexOf(marker);
        if (at < 0) {
            progress.warning("could not find where to insert IF EXISTS in statement \"" + te.dropStatement() + "\"");
            return sb.append(drop).toString();
        }
        return sb.append(drop, 0, at).append(marker).append(" IF EXISTS").append(drop.substring(at + marker.length()))
                .toString();
    }

    private static String dropLoIfExists(long oid) {
        return "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = '"
                + Long.toUnsignedString(oid) + "';\n";
    }

    /** restore_toc_entry. */
    void restoreEntry(TocEntry te) throws IOException {
        switch (te.section()) {
            case PRE_DATA -> monitor.phase(ProgressEvent.Phase.PRE_DATA);
            case DATA -> monitor.phase(ProgressEvent.Phase.DATA);
            case POST_DATA -> monitor.phase(ProgressEvent.Phase.POST_DATA);
            default -> {
            }
        }
        monitor.started(te);
        restoreParts(te);
        monitor.finished(te);
    }

    private void restoreParts(TocEntry te) throws IOException {
        int reqs = selection.reqs(te);
        if (created != null && te.is(EntryKind.TABLE_DATA) && created.isInhibited(te)) {
            reqs = 0; // --no-data-for-failed-tables: its table could not be created
        }
        if (te.is(EntryKind.WARNING)) {
            if (selection.schemaRestored() && !te.definition().isEmpty()) {
                progress.warning("warning from original dump file: " + te.definition());
            } else if (te.copyStatement() != null && !te.copyStatement().isEmpty()) {
                progress.warning("warning from original dump file: " + te.copyStatement());
            }
        }
        boolean defnDumped = false;
        if ((reqs & RestoreSelection.SCHEMA) != 0) {
            boolean isDb = te.is(EntryKind.DATABASE) || te.is(EntryKind.DATABASE_PROPERTIES);
            if (isDb && txnSize > 0) {
                transaction(true, false, "COMMIT;\n\n"); // CREATE DATABASE cannot run in a transaction block
            }
            progress.info(te.namespace() != null ? "creating " + te.desc() + " \"" + te.namespace() + "." + te.tag()
                    + "\"" : "creating " + te.desc() + " \"" + te.tag() + "\"");
            printTocEntry(te, "");
            defnDumped = true;
            if (created != null && !inWorker && te.is(EntryKind.TABLE) && target.lastErrorEntry() != te) {
                created.markCreated(te);
            }
            if (opts.execution().noDataForFailedTables() && te.is(EntryKind.TABLE) && target.lastErrorEntry() == te) {
                progress.info("table \"" + te.tag() + "\" could not be created, will not restore its data");
                failedTables().inhibitData(te);
            }
            if (isDb) {
                progress.info("connecting to new database \"" + te.tag() + "\"");
                reconnect(te.tag());
            }
        }
        if ((reqs & RestoreSelection.DATA) != 0) {
            if (te.hasData()) {
                printTocEntry(te, "Data for ");
                if (te.is(EntryKind.BLOBS)) {
                    progress.info("processing " + te.desc());
                    selectOutputSchema("pg_catalog");
                    largeObjects(te);
                } else if (te.is(EntryKind.BLOB_COMMENTS)) {
                    selectOutputSchema("pg_catalog");
                    try (InputStream in = reader.openData(te)) {
                        target.insertData(te, in);
                    }
                } else {
                    triggers.disable(te);
                    becomeOwner(te); // again: disabling triggers may have made the session the superuser
                    selectOutputSchema(te.namespace());
                    progress.info("processing data for table \"" + te.namespace() + "." + te.tag() + "\"");
                    // a worker loading a table created in this run: TRUNCATE first, in the same transaction, so
                    // that with wal_level minimal the COPY is not WAL-logged (not for load via partition root,
                    // whose rows may go to other partitions)
                    boolean truncate = inWorker && created != null && created.isCreated(te)
                            && !loadViaPartitionRoot(te);
                    if (truncate) {
                        target.begin();
                        target.sql(te, "TRUNCATE TABLE ONLY " + qualified(te) + ";\n\n");
                    }
                    try (InputStream data = reader.openData(te)) {
                        InputStream in = te.is(EntryKind.TABLE_DATA) ? monitor.tableData(te, data) : data;
                        String copy = te.copyStatement();
                        if (copy != null && !copy.isEmpty()) {
                            target.copy(te, copy, in);
                        } else {
                            target.insertData(te, in);
                        }
                    }
                    if (truncate) {
                        target.commit();
                    }
                    triggers.enable(te);
                }
            } else if (!defnDumped) {
                progress.info("executing " + te.desc() + " " + te.tag());
                printTocEntry(te, "");
            }
        }
        if ((reqs & RestoreSelection.STATS) != 0) {
            printTocEntry(te, "Statistics for ");
        }
        if ((reqs & (RestoreSelection.SCHEMA | RestoreSelection.DATA | RestoreSelection.STATS)) != 0) {
            countAction("COMMIT;\nBEGIN;\n\n");
        }
    }

    /**
     * is_load_via_partition_root: the TABLE DATA goes through a partitioned ancestor (the marker comment of newer
     * archives, or a COPY naming another table).
     */
    static boolean loadViaPartitionRoot(TocEntry te) {
        if (te.definition().startsWith("-- load via partition root ")) {
            return true;
        }
        String copy = te.copyStatement();
        return copy != null && !copy.isEmpty() && !copy.startsWith("COPY " + qualified(te) + " ");
    }

    private void largeObjects(TocEntry te) throws IOException {
        if (extras == null) {
            throw new ArchiveFormatException("this archive reader cannot read large objects (TOC entry "
                    + te.dumpId() + " \"" + te.tag() + "\")");
        }
        boolean single = opts.execution().singleTransaction() || txnSize > 0;
        if (!single) {
            target.begin();
        }
        int[] count = {0};
        boolean oldStyle = !version.atLeast(V1_12);
        extras.readLargeObjects(te, (oid, data) -> {
            monitor.check();
            count[0]++;
            progress.info("restoring large object with OID " + oid);
            if (oldStyle && opts.output().clean()) {
                target.sql(te, dropLoIfExists(oid));
            }
            target.largeObject(te, oid, oldStyle, data, stdStrings);
        });
        if (!single) {
            target.commit();
        }
        progress.info(count[0] == 1 ? "restored 1 large object" : "restored " + count[0] + " large objects");
    }

    private void reconnect(String dbname) throws IOException {
        target.reconnect(dbname);
        triggers.forgetSession();
        currSchema = null;
        currTableAm = null;
        currTablespace = null;
        fixedOutputState();
    }

    /** _printTocEntry: session state, comment block, definition, owner. */
    private void printTocEntry(TocEntry te, String prefix) throws IOException {
        RestoreOptions.Output out = opts.output();
        becomeOwner(te);
        selectOutputSchema(te.namespace());
        selectTablespace(te.names().tablespace());
        if (te.relkind() != 'p') {
            selectTableAm(te.names().tableAm());
        }
        if (!target.direct()) {
            StringBuilder h = new StringBuilder("--\n");
            if (out.verbose()) {
                h.append("-- TOC entry ").append(te.dumpId()).append(" (class ")
                        .append(Long.toUnsignedString(te.catalogId().tableOid())).append(" OID ")
                        .append(Long.toUnsignedString(te.catalogId().oid())).append(")\n");
                if (!te.dependencies().isEmpty()) {
                    h.append("-- Dependencies:");
                    for (int d : te.dependencies()) {
                        h.append(' ').append(d);
                    }
                    h.append('\n');
                }
            }
            h.append("-- ").append(prefix).append("Name: ").append(TocListing.sanitize(te.tag(), false))
                    .append("; Type: ").append(te.desc())
                    .append("; Schema: ").append(TocListing.sanitize(te.namespace(), true))
                    .append("; Owner: ").append(TocListing.sanitize(out.noOwner() ? null : te.owner(), true));
            String ts = te.names().tablespace();
            if (ts != null && !ts.isEmpty() && !out.noTablespaces()) {
                h.append("; Tablespace: ").append(TocListing.sanitize(ts, false));
            }
            h.append('\n');
            if (out.verbose() && extras != null) {
                extras.verboseTocLine(te).ifPresent(l -> h.append(l).append('\n'));
            }
            h.append("--\n\n");
            target.comment(h.toString());
        }
        String defn = te.definition();
        if (out.noOwner() && te.is(EntryKind.SCHEMA) && !defn.startsWith("--")) {
            target.sql(te, "CREATE SCHEMA " + Sql.ident(te.tag()) + ";\n\n\n");
        } else if (te.is(EntryKind.BLOB_METADATA)) {
            commandPerBlob(te, "SELECT pg_catalog.lo_create('", "')");
        } else if (te.is(EntryKind.ACL) && te.tag().startsWith("LARGE OBJECTS")) {
            aclPerBlob(te);
        } else if (!defn.isEmpty()) {
            target.sql(te, defn + "\n\n");
            if (txnSize > 0 && !te.is(EntryKind.FUNCTION) && !te.is(EntryKind.PROCEDURE)) {
                // several commands count as several objects (semicolons approximate them, as pg_restore does)
                long semicolons = defn.chars().filter(c -> c == ';').count();
                if (semicolons > 1) {
                    txnCount += (int) (semicolons - 1);
                }
            }
        }
        String owner = te.owner();
        // with SET SESSION AUTHORIZATION the entry was made by its owner; a public schema written as a comment
        // still gets its ALTER OWNER
        boolean alterOwner = !out.useSetSessionAuthorization()
                || (te.is(EntryKind.SCHEMA) && te.definition().startsWith("--"));
        if (!out.noOwner() && alterOwner && owner != null && !owner.isEmpty() && !te.dropStatement().isEmpty()) {
            if (te.is(EntryKind.BLOB_METADATA)) {
                commandPerBlob(te, "ALTER LARGE OBJECT ", " OWNER TO " + Sql.ident(owner));
            } else {
                String what = objectDescription(te);
                if (!what.isEmpty()) {
                    target.sql(te, "ALTER " + what + " OWNER TO " + Sql.ident(owner) + ";\n\n");
                }
            }
        }
        if (te.relkind() == 'p' && te.names().tableAm() != null && !out.noTableAccessMethod()) {
            target.sql(te, "ALTER TABLE " + qualified(te) + " SET ACCESS METHOD " + Sql.ident(te.names().tableAm())
                    + ";\n\n");
        }
        if (te.is(EntryKind.ACL) || te.is(EntryKind.DEFAULT_ACL) || te.desc().equals("ACL LANGUAGE")) {
            user.forget(); // an ACL entry may hold SET SESSION AUTHORIZATION commands of its own
        }
    }

    /** _becomeOwner: with --use-set-session-authorization (and not -O), the session becomes the entry's owner. */
    private void becomeOwner(TocEntry te) throws IOException {
        RestoreOptions.Output out = opts.output();
        if (out.useSetSessionAuthorization() && !out.noOwner()) {
            user.become(te.owner());
        }
    }

    static String qualified(TocEntry te) {
        return te.namespace() == null || te.namespace().isEmpty() ? Sql.ident(te.tag())
                : Sql.ident(te.namespace()) + "." + Sql.ident(te.tag());
    }

    /** _getObjectDescription: what follows ALTER in the owner statement, "" for kinds without owner. */
    private static String objectDescription(TocEntry te) {
        String d = te.desc();
        EntryKind kind = EntryKind.of(d);
        if (QUALIFIED_OWNER.contains(kind)) {
            return d + " " + qualified(te);
        }
        if (kind == EntryKind.BLOB) {
            return "LARGE OBJECT " + te.tag();
        }
        if (DROP_DESCRIBED.contains(kind)) {
            String s = te.dropStatement().length() >= 5 ? te.dropStatement().substring(5) : "";
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == ';')) {
                end--;
            }
            return s.substring(0, end);
        }
        if (NO_OWNER.contains(kind)) {
            return "";
        }
        throw new RestoreException("don't know how to set owner for object type \"" + d + "\"");
    }

    /** IssueCommandPerBlob: one command per OID line of a BLOB METADATA definition, then an empty line. */
    private void commandPerBlob(TocEntry te, String begin, String end) throws IOException {
        String defn = te.definition();
        int st = 0;
        for (int en = defn.indexOf('\n'); en >= 0; en = defn.indexOf('\n', st)) {
            target.sql(te, begin + defn.substring(st, en) + end + ";\n");
            countAction("COMMIT;\nBEGIN;\n\n"); // every large object is one object
            st = en + 1;
        }
        target.sql(te, "\n");
    }

    /** IssueACLPerBlob: the group's GRANT/REVOKE commands repeated for every OID of its BLOB METADATA entry. */
    private void aclPerBlob(TocEntry te) throws IOException {
        int parentId = te.dependencies().isEmpty() ? 0 : te.dependencies().get(0);
        if (blobGroups == null) {
            blobGroups = new HashMap<>();
            for (TocEntry e : toc.entries()) {
                if (e.is(EntryKind.BLOB_METADATA)) {
                    blobGroups.put(e.dumpId(), e);
                }
            }
        }
        TocEntry blobs = blobGroups.get(parentId);
        if (blobs == null) {
            throw new ArchiveFormatException("could not find entry for ID " + parentId);
        }
        String buf = te.definition();
        boolean inQuotes = false;
        int st = 0;
        String first = null;
        int secondStart = -1;
        int en = 0;
        while (en < buf.length()) {
            char c = buf.charAt(en);
            if (c == '"') {
                inQuotes = !inQuotes;
            }
            if (inQuotes) {
                en++;
                continue;
            }
            if (buf.startsWith("LARGE OBJECT ", en)) {
                en += 13;
                first = buf.substring(st, en);
                while (en < buf.length() && Character.isDigit(buf.charAt(en))) {
                    en++;
                }
                secondStart = en;
            } else if (c == ';') {
                if (first == null) {
                    throw new ArchiveFormatException("unexpected large object ACL in TOC entry " + te.dumpId()
                            + ": " + buf);
                }
                String second = buf.substring(secondStart, en);
                en++;
                commandPerBlob(blobs, first, second);
                while (en < buf.length() && Character.isWhitespace(buf.charAt(en))) {
                    en++;
                }
                st = en;
                first = null;
            } else {
                en++;
            }
        }
    }

    /** _selectOutputSchema: only for archives without a SEARCHPATH entry. */
    private void selectOutputSchema(@Nullable String schema) throws IOException {
        if (searchPath != null || schema == null || schema.isEmpty() || schema.equals(currSchema)) {
            return;
        }
        String q = "SET search_path = " + Sql.ident(schema) + (schema.equals("pg_catalog") ? "" : ", pg_catalog");
        target.sql(null, q + ";\n\n");
        currSchema = schema;
    }

    private void selectTablespace(@Nullable String ts) throws IOException {
        if (opts.output().noTablespaces() || ts == null || ts.equals(currTablespace)) {
            return;
        }
        target.sql(null, ts.isEmpty() ? "SET default_tablespace = '';\n\n"
                : "SET default_tablespace = " + Sql.ident(ts) + ";\n\n");
        currTablespace = ts;
    }

    private void selectTableAm(@Nullable String am) throws IOException {
        if (opts.output().noTableAccessMethod() || am == null || am.equals(currTableAm)) {
            return;
        }
        target.sql(null, "SET default_table_access_method = " + Sql.ident(am) + ";\n\n");
        currTableAm = am;
    }

    /** _tocEntryRestorePass. */
    static Pass passOf(TocEntry te) {
        if (RestoreSelection.isAcl(te)) {
            return Pass.ACL;
        }
        if (te.is(EntryKind.EVENT_TRIGGER) || te.is(EntryKind.MATERIALIZED_VIEW_DATA)) {
            return Pass.POST_ACL;
        }
        if ((te.is(EntryKind.COMMENT) || te.is(EntryKind.SECURITY_LABEL)) && te.tag().startsWith("EVENT TRIGGER ")) {
            return Pass.POST_ACL;
        }
        if (te.is(EntryKind.STATISTICS_DATA) && te.section() == Section.POST_DATA) {
            return Pass.POST_ACL;
        }
        return Pass.MAIN;
    }
}
