package org.pgdump4j.restore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.TocEntry;

/**
 * The order of a parallel restore, as pg_restore 18 decides it (fix_dependencies, restore_toc_entries_prefork and
 * _parallel's bookkeeping), without running anything: which entries the leader restores first, which are ready
 * next, which may not run beside the running ones (lock conflicts), and what a finished entry unblocks.
 *
 * <p>Entries wait in a pending list until none of their dependencies is left and their pass ({@link Restorer.Pass})
 * has come; ready ones are taken by decreasing data size (then dump id), skipping any that would want an exclusive
 * lock on a table a running entry uses, or the reverse. (pg_restore scans its binary heap's array, whose order
 * beyond the first item differs a little; the choice only affects speed.) Single-threaded: the leader owns it.
 */
final class ParallelSchedule {
    /** One TOC entry's scheduling state (pg_restore's depCount, revDeps, lockDeps, dataLength). */
    private static final class Item {
        final TocEntry te;
        final Restorer.Pass pass;
        /** Dependencies, POST_DATA ones on a table repointed to its data. */
        int[] deps;
        int[] lockDeps = new int[0];
        final List<Integer> revDeps = new ArrayList<>();
        int depCount;
        long dataLength;
        boolean pending;

        Item(TocEntry te, long dataLength) {
            this.te = te;
            this.pass = Restorer.passOf(te);
            this.deps = te.dependencies().stream().mapToInt(Integer::intValue).toArray();
            this.dataLength = dataLength;
        }
    }

    private static final Comparator<Item> PRIORITY = Comparator.<Item>comparingLong(i -> -i.dataLength)
            .thenComparingInt(i -> i.te.dumpId());

    private final List<Item> order = new ArrayList<>();
    private final Map<Integer, Item> byId = new HashMap<>();
    private final LinkedHashMap<Integer, Item> pendingList = new LinkedHashMap<>();
    private final TreeSet<Item> ready = new TreeSet<>(PRIORITY);
    private Restorer.Pass pass = Restorer.Pass.MAIN;

    /**
     * fix_dependencies.
     *
     * @param entries         every entry of the archive in processing order (after -L), selected or not
     * @param dataLength      an entry's data size, the priority of its job (0 when unknown)
     * @param blobCommentsFix archives before 1.11: a BLOB COMMENTS entry without dependencies follows BLOBS
     */
    ParallelSchedule(List<TocEntry> entries, ToLongFunction<TocEntry> dataLength, boolean blobCommentsFix) {
        for (TocEntry te : entries) {
            Item it = new Item(te, dataLength.applyAsLong(te));
            order.add(it);
            byId.put(te.dumpId(), it);
        }
        repointTableDependencies();
        if (blobCommentsFix) {
            linkBlobComments();
        }
        for (Item it : order) {
            it.depCount = it.deps.length;
            for (int dep : it.deps) {
                Item other = byId.get(dep);
                if (other != null) {
                    other.revDeps.add(it.te.dumpId());
                } else {
                    it.depCount--; // not in the archive: nothing to wait for
                }
            }
        }
        for (Item it : order) {
            it.lockDeps = lockingDependencies(it);
        }
    }

    /**
     * repoint_table_dependencies: POST_DATA entries wait for a table's data rather than the table, and inherit the
     * largest data size they wait for.
     */
    private void repointTableDependencies() {
        Map<Integer, Integer> dataOf = new HashMap<>();
        for (Item it : order) {
            if (it.te.is(EntryKind.TABLE_DATA) && it.deps.length > 0) {
                dataOf.put(it.deps[0], it.te.dumpId());
            }
        }
        for (Item it : order) {
            if (it.te.section() != Section.POST_DATA) {
                continue;
            }
            for (int i = 0; i < it.deps.length; i++) {
                Integer data = dataOf.get(it.deps[i]);
                if (data != null) {
                    it.deps[i] = data;
                    it.dataLength = Math.max(it.dataLength, byId.get(data).dataLength);
                }
            }
        }
    }

    private void linkBlobComments() {
        Item comments = order.stream().filter(i -> i.te.is(EntryKind.BLOB_COMMENTS)).findFirst().orElse(null);
        Item blobs = order.stream().filter(i -> i.te.is(EntryKind.BLOBS)).findFirst().orElse(null);
        if (comments != null && blobs != null && comments.deps.length == 0) {
            comments.deps = new int[] {blobs.te.dumpId()};
        }
    }

    /**
     * identify_locking_dependencies: a POST_DATA entry other than an index wants an exclusive lock on every table (or
     * table data) it depends on.
     */
    private int[] lockingDependencies(Item it) {
        if (it.te.section() != Section.POST_DATA || it.te.is(EntryKind.INDEX)) {
            return new int[0];
        }
        return Arrays.stream(it.deps).filter(d -> {
            Item other = byId.get(d);
            return other != null && (other.te.is(EntryKind.TABLE_DATA) || other.te.is(EntryKind.TABLE));
        }).toArray();
    }

    /**
     * restore_toc_entries_prefork's walk: the leader restores PRE_DATA entries (and section-less ones met before
     * any data) of the main pass in processing order; everything else becomes pending.
     *
     * @return the entries the leader restores now, in order; call {@link #preforkDone} after each
     */
    List<TocEntry> prefork() {
        List<TocEntry> now = new ArrayList<>();
        boolean skippedSome = false;
        for (Item it : order) {
            boolean doNow = true;
            if (it.te.section() == Section.DATA || it.te.section() == Section.POST_DATA) {
                doNow = false;
                skippedSome = true;
            } else if (it.te.section() == Section.NONE && skippedSome) {
                doNow = false; // a comment after data: its dependencies decide
            }
            if (it.pass != Restorer.Pass.MAIN) {
                doNow = false;
            }
            if (doNow) {
                now.add(it.te);
            } else {
                it.pending = true;
                pendingList.put(it.te.dumpId(), it);
            }
        }
        return now;
    }

    /** The leader restored a prefork entry: its dependents wait for one thing less (none becomes ready yet). */
    void preforkDone(TocEntry te) {
        reduce(item(te), false);
    }

    /** Start of the parallel phase: the main pass's entries without dependencies left become ready. */
    void startParallel() {
        pass = Restorer.Pass.MAIN;
        moveToReady();
    }

    /**
     * pop_next_work_item: the ready entry with the highest priority that has no lock conflict with a running one;
     * null if none.
     */
    @Nullable TocEntry next(Collection<TocEntry> running) {
        for (Iterator<Item> i = ready.iterator(); i.hasNext(); ) {
            Item it = i.next();
            boolean conflicts = false;
            for (TocEntry r : running) {
                Item other = item(r);
                if (lockConflict(it, other) || lockConflict(other, it)) {
                    conflicts = true;
                    break;
                }
            }
            if (!conflicts) {
                i.remove();
                return it.te;
            }
        }
        return null;
    }

    /** reduce_dependencies after an entry finished (or was skipped): its dependents may become ready. */
    void done(TocEntry te) {
        reduce(item(te), true);
    }

    /**
     * Nothing ready and nothing running: the next pass (ACL, then post-ACL) begins.
     *
     * @return false after the last pass
     */
    boolean advancePass() {
        if (pass == Restorer.Pass.POST_ACL) {
            return false;
        }
        pass = Restorer.Pass.values()[pass.ordinal() + 1];
        moveToReady();
        return true;
    }

    /** Whether an entry is ready now (for tests). */
    boolean isReady(TocEntry te) {
        return ready.contains(item(te));
    }

    /** restore_toc_entries_postfork: what is still pending (circular dependencies...), in processing order. */
    List<TocEntry> leftovers() {
        List<TocEntry> left = new ArrayList<>();
        for (Item it : pendingList.values()) {
            left.add(it.te);
        }
        return left;
    }

    private Item item(TocEntry te) {
        Item it = byId.get(te.dumpId());
        if (it == null) {
            throw new IllegalArgumentException("TOC entry " + te.dumpId() + " is not scheduled");
        }
        return it;
    }

    /** has_lock_conflicts: {@code a} wants an exclusive lock on something {@code b} depends on. */
    private static boolean lockConflict(Item a, Item b) {
        for (int lock : a.lockDeps) {
            for (int dep : b.deps) {
                if (lock == dep) {
                    return true;
                }
            }
        }
        return false;
    }

    private void moveToReady() {
        for (Iterator<Item> i = pendingList.values().iterator(); i.hasNext(); ) {
            Item it = i.next();
            if (it.depCount == 0 && it.pass == pass) {
                i.remove();
                it.pending = false;
                ready.add(it);
            }
        }
    }

    private void reduce(Item done, boolean toReady) {
        for (int id : done.revDeps) {
            Item other = byId.get(id);
            other.depCount--;
            // only a pending entry moves: a use-list can make the leader restore one out of order
            if (toReady && other.depCount == 0 && other.pass == pass && other.pending) {
                pendingList.remove(id);
                other.pending = false;
                ready.add(other);
            }
        }
    }
}
