package org.pgdump4j.model.relstats;

/**
 * The pg_stats columns pg_dump 18 passes to {@code pg_restore_attribute_stats}, in its order, each with the type
 * its argument is cast to. The argument is named as the column.
 */
public enum StatColumn {
    NULL_FRAC("real"),
    AVG_WIDTH("integer"),
    N_DISTINCT("real"),
    MOST_COMMON_VALS("text"),
    MOST_COMMON_FREQS("real[]"),
    HISTOGRAM_BOUNDS("text"),
    CORRELATION("real"),
    MOST_COMMON_ELEMS("text"),
    MOST_COMMON_ELEM_FREQS("real[]"),
    ELEM_COUNT_HISTOGRAM("real[]"),
    /** 17+ sources: range types' statistics. */
    RANGE_LENGTH_HISTOGRAM("text"),
    RANGE_EMPTY_FRAC("real"),
    RANGE_BOUNDS_HISTOGRAM("text");

    private final String type;

    StatColumn(String type) {
        this.type = type;
    }

    /** The pg_stats column and the argument's name. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The SQL type the argument is cast to. */
    public String type() {
        return type;
    }
}
