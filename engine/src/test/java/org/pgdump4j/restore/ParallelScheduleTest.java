package org.pgdump4j.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pgdump4j.restore.RestoreSelectionTest.e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.TocEntry;

/**
 * pg_restore's parallel bookkeeping on a hand-built TOC: what the leader restores first, readiness by dependencies and
 * data size, repointed post-data dependencies, lock conflicts, passes, and what a dependency loop leaves over.
 */
class ParallelScheduleTest {
    static final TocEntry SCHEMA = e(1, "SCHEMA", Section.PRE_DATA, null, "s", "CREATE SCHEMA s;\n", false);
    static final TocEntry T1 = e(2, "TABLE", Section.PRE_DATA, "s", "t1", "CREATE TABLE s.t1 ();\n", false, 1);
    static final TocEntry T2 = e(3, "TABLE", Section.PRE_DATA, "s", "t2", "CREATE TABLE s.t2 ();\n", false, 1);
    static final TocEntry T1_COMMENT = e(11, "COMMENT", Section.NONE, "s", "TABLE t1", "COMMENT ON ...;\n", false, 2);
    static final TocEntry T1_DATA = e(4, "TABLE DATA", Section.DATA, "s", "t1", "", true, 2);
    static final TocEntry T2_DATA = e(5, "TABLE DATA", Section.DATA, "s", "t2", "", true, 3);
    static final TocEntry INDEX = e(6, "INDEX", Section.POST_DATA, "s", "i1", "CREATE INDEX i1 ...;\n", false, 2);
    static final TocEntry PK = e(7, "CONSTRAINT", Section.POST_DATA, "s", "t1 pk", "ALTER TABLE ...;\n", false, 2);
    static final TocEntry FK = e(8, "FK CONSTRAINT", Section.POST_DATA, "s", "t2 fk", "ALTER TABLE ...;\n", false,
            3, 7, 2);
    static final TocEntry INDEX_COMMENT = e(12, "COMMENT", Section.NONE, "s", "INDEX i1", "COMMENT ...;\n", false, 6);
    static final TocEntry ACL = e(9, "ACL", Section.NONE, "s", "TABLE t1", "GRANT ...;\n", false, 2);
    static final TocEntry MV_DATA = e(10, "MATERIALIZED VIEW DATA", Section.POST_DATA, "s", "mv",
            "REFRESH MATERIALIZED VIEW s.mv;\n", false, 2);
    static final TocEntry LOOP_A = e(20, "TRIGGER", Section.POST_DATA, "s", "a", "CREATE TRIGGER a ...;\n", false, 21);
    static final TocEntry LOOP_B = e(21, "TRIGGER", Section.POST_DATA, "s", "b", "CREATE TRIGGER b ...;\n", false, 20);

    static final List<TocEntry> ENTRIES = List.of(SCHEMA, T1, T2, T1_COMMENT, T1_DATA, T2_DATA, INDEX, PK, FK,
            INDEX_COMMENT, ACL, MV_DATA, LOOP_A, LOOP_B);
    static final Map<Integer, Long> SIZES = Map.of(4, 100L, 5, 500L);

    static ParallelSchedule schedule() {
        return new ParallelSchedule(ENTRIES, te -> SIZES.getOrDefault(te.dumpId(), 0L), false);
    }

    static ParallelSchedule afterPrefork() {
        ParallelSchedule s = schedule();
        for (TocEntry te : s.prefork()) {
            s.preforkDone(te);
        }
        s.startParallel();
        return s;
    }

    @Test
    void theLeaderRestoresPreDataAndCommentsMetBeforeAnyData() {
        assertEquals(List.of(SCHEMA, T1, T2, T1_COMMENT), schedule().prefork());
    }

    @Test
    void readyEntriesGoByDataSizeAndPostDataWaitsForTheTablesData() {
        ParallelSchedule s = afterPrefork();
        assertEquals(T2_DATA, s.next(List.of()));
        assertEquals(T1_DATA, s.next(List.of(T2_DATA)));
        assertNull(s.next(List.of(T2_DATA, T1_DATA)), "the index and the key wait for t1's data, not its table");
        s.done(T1_DATA);
        assertTrue(s.isReady(INDEX) && s.isReady(PK));
        assertFalse(s.isReady(FK), "the foreign key also waits for t2's data and the key");
    }

    @Test
    void anEntryWantingAnExclusiveLockNeverRunsBesideOneUsingTheSameTable() {
        ParallelSchedule s = afterPrefork();
        s.next(List.of());
        s.next(List.of(T2_DATA));
        s.done(T1_DATA);
        assertEquals(INDEX, s.next(List.of(T2_DATA)), "CREATE INDEX takes no exclusive lock");
        assertNull(s.next(List.of(T2_DATA, INDEX)), "ALTER TABLE ... ADD CONSTRAINT on t1 waits for the index");
        s.done(INDEX);
        assertEquals(PK, s.next(List.of(T2_DATA)));
        s.done(PK);
        s.done(T2_DATA);
        assertEquals(FK, s.next(List.of(INDEX_COMMENT)), "the largest first: it inherits t2's data size");
        assertEquals(INDEX_COMMENT, s.next(List.of(FK)), "a comment locks nothing");
    }

    @Test
    void passesFollowEachOtherAndALoopIsLeftToTheLeader() {
        ParallelSchedule s = afterPrefork();
        List<TocEntry> run = new ArrayList<>();
        do {
            for (TocEntry next = s.next(List.of()); next != null; next = s.next(List.of())) {
                run.add(next);
                s.done(next);
            }
        } while (s.advancePass());
        assertEquals(List.of(T2_DATA, T1_DATA, INDEX, PK, FK, INDEX_COMMENT, ACL, MV_DATA), run);
        assertEquals(List.of(LOOP_A, LOOP_B), s.leftovers());
    }
}
