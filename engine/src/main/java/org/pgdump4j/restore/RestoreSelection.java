package org.pgdump4j.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.pgdump4j.UsageException;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Which entries a restore (or a {@code -l} listing) takes, which parts of them, and in which order: pg_restore 18's
 * SortTocFromFile ({@code -L}) followed by _tocEntryRequired for every entry (archive-format.md 10.1). Immutable.
 */
public final class RestoreSelection {
    /** The entry's schema part (definition) is restored. */
    public static final int SCHEMA = 0x01;
    /** The entry's data part is restored (or, for data entries without data, its definition). */
    public static final int DATA = 0x02;
    /** ENCODING, STDSTRINGS, SEARCHPATH: kept, never printed. */
    public static final int SPECIAL = 0x04;
    /** STATISTICS DATA (18+). */
    public static final int STATS = 0x08;

    /** Kept beside an entry's reqs: the entry is an ACL (which never counts as a marked parent). */
    private static final int ACL_ENTRY = 0x100;
    /** Kept beside an entry's reqs: in a selective restore, the entry's name passes -n/-N/-t/-I/-P/-T. */
    private static final int NAMED = 0x200;
    private static final int REQ_BITS = 0xff;

    private final List<TocEntry> ordered;
    private final DumpIdInts reqs;
    private final boolean schemaRestored;

    /** @param ordered not copied: the TOC's own list (possibly {@link org.pgdump4j.toc.StoredEntries}) or a new one */
    private RestoreSelection(List<TocEntry> ordered, DumpIdInts reqs, boolean schemaRestored) {
        this.ordered = Collections.unmodifiableList(ordered);
        this.reqs = reqs;
        this.schemaRestored = schemaRestored;
    }

    /**
     * Applies the options to a TOC.
     *
     * @param progress receives pg_restore's {@code line ignored: ...} warnings for unusable use-list lines
     * @throws UsageException for a use-list id without an entry, or a --strict-names name that matched nothing
     */
    public static RestoreSelection of(Toc toc, RestoreOptions options, ProgressListener progress) {
        Objects.requireNonNull(options, "options");
        List<TocEntry> order = processingOrder(toc, options, progress);
        Decider decider = new Decider(options, order.size());
        for (TocEntry e : order) {
            decider.decide(e);
        }
        decider.strictNamesCheck();
        return new RestoreSelection(order, decider.reqs, options.content().schema() && decider.schemaFound);
    }

    /** Receives each entry with its {@link #reqs} as {@link #walk} decides it. */
    public interface EntryVisitor {
        void visit(TocEntry entry, int reqs) throws IOException;
    }

    /**
     * {@link #of} in one pass, as pg_restore's PrintTOCSummary selects while it prints: each entry in processing
     * order goes to {@code visitor} with its reqs as soon as they are decided (they depend on earlier entries only),
     * so a listing reads a stored TOC once and holds no entry. The --strict-names check follows the walk, as in
     * pg_restore: the listing is printed before the error.
     *
     * @throws UsageException as {@link #of}
     */
    public static void walk(Toc toc, RestoreOptions options, ProgressListener progress, EntryVisitor visitor)
            throws IOException {
        Objects.requireNonNull(options, "options");
        List<TocEntry> order = processingOrder(toc, options, progress);
        Decider decider = new Decider(options, order.size());
        for (TocEntry e : order) {
            visitor.visit(e, decider.decide(e) & REQ_BITS);
        }
        decider.strictNamesCheck();
    }

    /** True when {@code reqs} restore something of the entry (schema, data or statistics). */
    public static boolean restores(int reqs) {
        return (reqs & (SCHEMA | DATA | STATS)) != 0;
    }

    private static List<TocEntry> processingOrder(Toc toc, RestoreOptions options, ProgressListener progress) {
        return options.selection().useList() == null ? toc.entries()
                : sortByUseList(toc, options.selection().useList(), progress);
    }

    /** _tocEntryRequired applied in processing order; a comment's parent is looked up among decided entries. */
    private static final class Decider {
        private final DumpIdInts reqs;
        private final Rules rules;
        private final boolean selective;
        private Section cur = Section.PRE_DATA;
        private boolean schemaFound;

        Decider(RestoreOptions options, int entries) {
            Set<Integer> wanted = null;
            if (options.selection().useList() != null) {
                wanted = new HashSet<>();
                for (UseList.Line line : options.selection().useList().lines()) {
                    wanted.add((int) line.dumpId());
                }
            }
            this.reqs = new DumpIdInts(entries);
            this.rules = new Rules(options, wanted);
            this.selective = options.selection().selective();
        }

        int decide(TocEntry e) {
            if (e.section() != Section.NONE) {
                cur = e.section();
            }
            int r = rules.required(e, cur, reqs);
            boolean named = selective && rules.named(e);
            reqs.put(e.dumpId(), r | (e.is(EntryKind.ACL) ? ACL_ENTRY : 0) | (named ? NAMED : 0));
            schemaFound |= (r & SCHEMA) != 0;
            return r;
        }

        void strictNamesCheck() {
            if (rules.sel.strictNames()) {
                rules.strictNamesCheck();
            }
        }
    }

    /** pg_restore's SortTocFromFile: listed entries move to the end in file order; unlisted ones stay in front. */
    private static List<TocEntry> sortByUseList(Toc toc, UseList list, ProgressListener progress) {
        // the entries in archive order, each read once (a stored TOC is read again by every iteration)
        Map<Integer, TocEntry> byId = new LinkedHashMap<>();
        int maxId = 0;
        for (TocEntry e : toc.entries()) {
            byId.put(e.dumpId(), e);
            maxId = Math.max(maxId, e.dumpId());
        }
        Set<Integer> listedIds = new HashSet<>();
        List<TocEntry> listed = new ArrayList<>();
        for (UseList.Line line : list.lines()) {
            long id = line.dumpId();
            if (id <= 0 || id > Integer.MAX_VALUE || listedIds.contains((int) id)) {
                progress.warning("line ignored: " + line.text());
                continue;
            }
            TocEntry e = byId.get((int) id);
            if (e == null) {
                // pg_restore only warns for ids above the largest dumpId; we refuse every unknown id.
                throw new UsageException("could not find entry for ID " + id + " (line " + line.number() + " of \""
                        + list.source() + "\", largest dump ID in the archive is " + maxId + ")");
            }
            listedIds.add((int) id);
            listed.add(e);
        }
        List<TocEntry> order = new ArrayList<>(byId.size());
        for (TocEntry e : byId.values()) {
            if (!listedIds.contains(e.dumpId())) {
                order.add(e);
            }
        }
        order.addAll(listed);
        return order;
    }

    /** Every entry of the archive, in processing order (after -L reordering): selected or not. */
    public List<TocEntry> ordered() {
        return ordered;
    }

    /** The selected parts of an entry: {@link #SCHEMA}, {@link #DATA}, {@link #STATS}, {@link #SPECIAL} bits. */
    public int reqs(TocEntry e) {
        return reqs.get(e.dumpId(), 0) & REQ_BITS;
    }

    /** True when something of the entry is restored (schema, data or statistics). */
    public boolean restores(TocEntry e) {
        return restores(reqs(e));
    }

    /** The entries that are restored, in processing order. */
    public List<TocEntry> selected() {
        return ordered.stream().filter(this::restores).toList();
    }

    /**
     * False when the schema is not restored: -a, or pg_restore's "implied data-only restore" where no selected entry
     * has a schema part.
     */
    public boolean schemaRestored() {
        return schemaRestored;
    }

    /** _tocEntryRequired with its option state; single-threaded, lives for one {@link #of} call. */
    private static final class Rules {
        private final RestoreOptions.Content content;
        private final RestoreOptions.Selection sel;
        private final boolean create;
        private final Set<Integer> wanted;
        private final Set<String> touched = new HashSet<>();

        Rules(RestoreOptions options, Set<Integer> wanted) {
            this.content = options.content();
            this.sel = options.selection();
            this.create = options.output().create();
            this.wanted = wanted;
        }

        int required(TocEntry te, Section curSection, DumpIdInts marked) {
            EntryKind kind = EntryKind.of(te.desc());
            String tag = te.tag();
            int res = SCHEMA | DATA;
            if (kind == EntryKind.ENCODING || kind == EntryKind.STDSTRINGS || kind == EntryKind.SEARCHPATH) {
                return SPECIAL;
            }
            if (kind == EntryKind.STATISTICS_DATA) {
                if (!content.statistics()) {
                    return 0;
                }
                res = STATS;
            }
            if (kind == EntryKind.DATABASE || kind == EntryKind.DATABASE_PROPERTIES) {
                return create ? SCHEMA : 0;
            }
            RestoreOptions.Skips skips = content.skips();
            if (skips.privileges() && isAcl(te)) {
                return 0;
            }
            if (skips.comments() && kind == EntryKind.COMMENT) {
                return 0;
            }
            if (skips.policies() && (kind == EntryKind.POLICY || kind == EntryKind.ROW_SECURITY)) {
                return 0;
            }
            if (kind == EntryKind.COMMENT) {
                if (skips.policies() && tag.startsWith("POLICY")
                        || skips.publications() && tag.startsWith("PUBLICATION")
                        || skips.subscriptions() && tag.startsWith("SUBSCRIPTION")) {
                    return 0;
                }
            }
            if (skips.publications() && (kind == EntryKind.PUBLICATION || kind == EntryKind.PUBLICATION_TABLE
                    || kind == EntryKind.PUBLICATION_TABLES_IN_SCHEMA)) {
                return 0;
            }
            if (skips.securityLabels() && kind == EntryKind.SECURITY_LABEL) {
                return 0;
            }
            if (kind == EntryKind.SECURITY_LABEL) {
                if (skips.publications() && tag.startsWith("PUBLICATION")
                        || skips.subscriptions() && tag.startsWith("SUBSCRIPTION")) {
                    return 0;
                }
            }
            if (skips.subscriptions() && kind == EntryKind.SUBSCRIPTION) {
                return 0;
            }
            if (curSection == Section.NONE || !content.sections().contains(curSection)) {
                return 0;
            }
            if (wanted != null && !wanted.contains(te.dumpId())) {
                return 0;
            }
            if (kind == EntryKind.ACL || kind == EntryKind.COMMENT || kind == EntryKind.STATISTICS_DATA
                    || kind == EntryKind.SECURITY_LABEL) {
                if (tag.startsWith("DATABASE ")) {
                    if (!create) {
                        return 0;
                    }
                } else if (sel.selective() && !(kind == EntryKind.STATISTICS_DATA ? parentNamed(te, marked)
                        : parentMarked(te, marked))) {
                    return 0;
                }
            } else if (!standaloneSelected(te)) {
                return 0;
            }
            if (!te.hasData()) {
                if (kind == EntryKind.SEQUENCE_SET || kind == EntryKind.BLOB || kind == EntryKind.BLOB_METADATA
                        || isLargeObjectDependent(te)) {
                    res &= DATA;
                } else {
                    res &= ~DATA;
                }
            }
            String defn = te.definition();
            if (defn.isEmpty() || defn.startsWith("-- load via partition root ")) {
                res &= ~SCHEMA;
            }
            if (te.desc().equals("<Init>") && tag.equals("Max OID")) { // pg_dump 7.x
                return 0;
            }
            if (!content.data()) {
                res &= SCHEMA | STATS;
            }
            if (!content.schema()) {
                res &= DATA | STATS;
            }
            return res;
        }

        /** Comments, ACLs, labels and statistics in a selective restore follow their parent. */
        private boolean parentMarked(TocEntry te, DumpIdInts marked) {
            for (int dep : te.dependencies()) {
                int parent = marked.get(dep, 0);
                if ((parent & ACL_ENTRY) == 0 && (parent & REQ_BITS) != 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * pg_restore 18.6: a relation's statistics follow the relation's selection by name (-n, -t, -I...), whatever
         * parts of it the sections and content options restore (--statistics-only -t x restores x's statistics).
         */
        private static boolean parentNamed(TocEntry te, DumpIdInts marked) {
            for (int dep : te.dependencies()) {
                if ((marked.get(dep, 0) & NAMED) != 0) {
                    return true;
                }
            }
            return false;
        }

        /** The selection by name alone, without remembering matches for --strict-names. */
        boolean named(TocEntry te) {
            return selectedByName(te, false);
        }

        private boolean standaloneSelected(TocEntry te) {
            return selectedByName(te, true);
        }

        private boolean selectedByName(TocEntry te, boolean remember) {
            String ns = te.namespace();
            if (!sel.schemas().isEmpty()) {
                if (ns == null || !member(sel.schemas(), ns, "schema", remember)) {
                    return false;
                }
            }
            if (!sel.excludeSchemas().isEmpty() && ns != null && sel.excludeSchemas().contains(ns)) {
                return false;
            }
            if (!sel.selectsTypes()) {
                return true;
            }
            EntryKind kind = EntryKind.of(te.desc());
            if (kind == null) {
                return false;
            }
            switch (kind) {
                case TABLE, TABLE_DATA, VIEW, FOREIGN_TABLE, MATERIALIZED_VIEW, MATERIALIZED_VIEW_DATA, SEQUENCE,
                        SEQUENCE_SET -> {
                    return !sel.tables().isEmpty() && member(sel.tables(), te.tag(), "table", remember);
                }
                case INDEX -> {
                    return !sel.indexes().isEmpty() && member(sel.indexes(), te.tag(), "index", remember);
                }
                case FUNCTION, AGGREGATE, PROCEDURE -> {
                    return !sel.functions().isEmpty() && member(sel.functions(), te.tag(), "function", remember);
                }
                case TRIGGER -> {
                    return !sel.triggers().isEmpty() && member(sel.triggers(), te.tag(), "trigger", remember);
                }
                default -> {
                    return false;
                }
            }
        }

        /** simple_string_list_member: also remembers the match for --strict-names. */
        private boolean member(List<String> names, String value, String kind, boolean remember) {
            if (names.contains(value)) {
                if (remember) {
                    touched.add(kind + "\0" + value);
                }
                return true;
            }
            return false;
        }

        void strictNamesCheck() {
            check(sel.schemas(), "schema");
            check(sel.tables(), "table");
            check(sel.indexes(), "index");
            check(sel.functions(), "function");
            check(sel.triggers(), "trigger");
        }

        private void check(List<String> names, String kind) {
            for (String n : names) {
                if (!touched.contains(kind + "\0" + n)) {
                    throw new UsageException(kind + " \"" + n + "\" not found");
                }
            }
        }
    }

    static boolean isAcl(TocEntry te) {
        return te.is(EntryKind.ACL) || te.is(EntryKind.ACL_LANGUAGE) || te.is(EntryKind.DEFAULT_ACL);
    }

    private static boolean isLargeObjectDependent(TocEntry te) {
        return (te.is(EntryKind.ACL) || te.is(EntryKind.COMMENT) || te.is(EntryKind.SECURITY_LABEL))
                && te.tag().startsWith("LARGE OBJECT");
    }
}
