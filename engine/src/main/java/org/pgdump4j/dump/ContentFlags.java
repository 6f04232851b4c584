package org.pgdump4j.dump;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.pgdump4j.UsageException;
import org.pgdump4j.toc.Section;

/**
 * What parts a dump holds, from pg_dump 18's switches, with its conflict checks (in its order and words) and its
 * derived flags: dumpSchema, dumpData and dumpStatistics. Statistics are off unless asked for
 * ({@code --statistics} or {@code --statistics-only}), as in pg_dump 18. Also whether partitions' rows are loaded
 * through their partition root ({@code --load-via-partition-root}).
 *
 * @param schemaOnly           {@code -s}
 * @param dataOnly             {@code -a}
 * @param statisticsOnly       {@code --statistics-only}
 * @param noSchema             {@code --no-schema}
 * @param noData               {@code --no-data}
 * @param statistics           {@code --statistics}
 * @param noStatistics         {@code --no-statistics}
 * @param loadViaPartitionRoot {@code --load-via-partition-root}
 * @param sections             {@code --section}: the sections whose entries are dumped (all three unless given)
 * @param largeObjects         {@code -b} / {@code -B}
 * @param sequenceData         {@code --sequence-data}: sequences' values (SEQUENCE SET) even when data is not dumped
 */
public record ContentFlags(boolean schemaOnly, boolean dataOnly, boolean statisticsOnly, boolean noSchema,
        boolean noData, boolean statistics, boolean noStatistics, boolean loadViaPartitionRoot,
        Set<Section> sections, LargeObjects largeObjects, boolean sequenceData) {

    /** pg_dump's {@code -b} and {@code -B}. */
    public enum LargeObjects {
        /** Large objects come with a dump that nothing narrows (no -n, -t, -e...) and that has data. */
        DEFAULT,
        /** {@code -b} (also with {@code -B}: the last word is -b's): with any dump that has data. */
        INCLUDE,
        /** {@code -B}: never. */
        EXCLUDE
    }

    /** The three sections pg_dump writes unless {@code --section} narrows them. */
    public static final Set<Section> ALL_SECTIONS = Set.copyOf(EnumSet.of(Section.PRE_DATA, Section.DATA,
            Section.POST_DATA));

    public static final ContentFlags ALL = new ContentFlags(false, false);

    public ContentFlags {
        checkConflicts(schemaOnly, dataOnly, statisticsOnly, noSchema, noData, statistics, noStatistics);
        sections = Set.copyOf(sections);
        Objects.requireNonNull(largeObjects, "largeObjects");
        if (!ALL_SECTIONS.containsAll(sections)) {
            throw new IllegalArgumentException("not a dump section: " + sections);
        }
    }

    /** Every section. */
    public ContentFlags(boolean schemaOnly, boolean dataOnly, boolean statisticsOnly, boolean noSchema,
            boolean noData, boolean statistics, boolean noStatistics, boolean loadViaPartitionRoot) {
        this(schemaOnly, dataOnly, statisticsOnly, noSchema, noData, statistics, noStatistics, loadViaPartitionRoot,
                ALL_SECTIONS, LargeObjects.DEFAULT, false);
    }

    /** These flags, dumping only {@code s} ({@code --section}). */
    public ContentFlags withSections(Set<Section> s) {
        return new ContentFlags(schemaOnly, dataOnly, statisticsOnly, noSchema, noData, statistics, noStatistics,
                loadViaPartitionRoot, s, largeObjects, sequenceData);
    }

    /** These flags with {@code -b} / {@code -B}'s choice. */
    public ContentFlags withLargeObjects(LargeObjects l) {
        return new ContentFlags(schemaOnly, dataOnly, statisticsOnly, noSchema, noData, statistics, noStatistics,
                loadViaPartitionRoot, sections, l, sequenceData);
    }

    /** These flags with {@code --sequence-data} given or not. */
    public ContentFlags withSequenceData(boolean v) {
        return new ContentFlags(schemaOnly, dataOnly, statisticsOnly, noSchema, noData, statistics, noStatistics,
                loadViaPartitionRoot, sections, largeObjects, v);
    }

    /** Whether sequences' values are dumped: with the data, or alone with {@code --sequence-data}. */
    public boolean dumpSequenceData() {
        return dumpData() || sequenceData;
    }

    /**
     * Whether large objects are dumped, as pg_dump 18 decides: never without data (-s, --no-data,
     * --statistics-only, even with -b); with -b always else; by default only when nothing narrows the dump.
     *
     * @param includesEverything no -n, -t or -e narrows the dump
     */
    public boolean dumpLargeObjects(boolean includesEverything) {
        return dumpData() && switch (largeObjects) {
            case INCLUDE -> true;
            case EXCLUDE -> false;
            case DEFAULT -> includesEverything;
        };
    }

    /** Whether {@code --section} left a section out. */
    public boolean sectioned() {
        return !sections.equals(ALL_SECTIONS);
    }

    /**
     * pg_dump 18's checks of these switches, in its order and words (the CLI runs them among its other checks, at
     * their place in pg_dump's order).
     *
     * @throws UsageException for the first pair given together
     */
    public static void checkConflicts(boolean schemaOnly, boolean dataOnly, boolean statisticsOnly, boolean noSchema,
            boolean noData, boolean statistics, boolean noStatistics) {
        conflict(schemaOnly && dataOnly, "-s/--schema-only", "-a/--data-only");
        conflict(schemaOnly && statisticsOnly, "-s/--schema-only", "--statistics-only");
        conflict(dataOnly && statisticsOnly, "-a/--data-only", "--statistics-only");
        conflict(dataOnly && noData, "-a/--data-only", "--no-data");
        conflict(schemaOnly && noSchema, "-s/--schema-only", "--no-schema");
        conflict(statisticsOnly && noStatistics, "--statistics-only", "--no-statistics");
        conflict(statistics && noStatistics, "--statistics", "--no-statistics");
        conflict(dataOnly && statistics, "-a/--data-only", "--statistics");
        conflict(schemaOnly && statistics, "-s/--schema-only", "--statistics");
    }

    /** The content switches, without {@code --load-via-partition-root}. */
    public ContentFlags(boolean schemaOnly, boolean dataOnly, boolean statisticsOnly, boolean noSchema,
            boolean noData, boolean statistics, boolean noStatistics) {
        this(schemaOnly, dataOnly, statisticsOnly, noSchema, noData, statistics, noStatistics, false);
    }

    /** {@code -s}, {@code -a} and {@code --load-via-partition-root}. */
    public ContentFlags(boolean schemaOnly, boolean dataOnly, boolean loadViaPartitionRoot) {
        this(schemaOnly, dataOnly, false, false, false, false, false, loadViaPartitionRoot);
    }

    /** {@code -s} and {@code -a} alone. */
    public ContentFlags(boolean schemaOnly, boolean dataOnly) {
        this(schemaOnly, dataOnly, false);
    }

    /** {@code --statistics-only}. */
    public static final ContentFlags STATISTICS_ONLY = new ContentFlags(false, false, true, false, false, false,
            false);

    /** The schema, data and statistics: {@code --statistics}. */
    public static final ContentFlags WITH_STATISTICS = new ContentFlags(false, false, false, false, false, true,
            false);

    public boolean dumpSchema() {
        return schemaOnly || (!dataOnly && !statisticsOnly && !noSchema);
    }

    public boolean dumpData() {
        return dataOnly || (!schemaOnly && !statisticsOnly && !noData);
    }

    public boolean dumpStatistics() {
        return (statisticsOnly || statistics) && !noStatistics;
    }

    private static void conflict(boolean both, String first, String second) {
        if (both) {
            throw new UsageException("options " + first + " and " + second + " cannot be used together");
        }
    }
}
