package org.pgdump4j.archive.codec;

/**
 * The custom format's per-entry data position (archive-format.md 2.4): a flag byte and an absolute file
 * position of the data block's type byte.
 *
 * @param flag     {@link #NOT_SET}, {@link #SET} or {@link #NO_DATA}
 * @param position the block position when {@code flag == SET}, else 0
 */
public record DataOffset(int flag, long position) {
    /** K_OFFSET_POS_NOT_SET: the entry has data but its position is unknown (written to a pipe). */
    public static final int NOT_SET = 1;
    /** K_OFFSET_POS_SET: the data block starts at {@link #position}. */
    public static final int SET = 2;
    /** K_OFFSET_NO_DATA: the entry has no data block. */
    public static final int NO_DATA = 3;

    public static final DataOffset UNKNOWN = new DataOffset(NOT_SET, 0);
    public static final DataOffset NONE = new DataOffset(NO_DATA, 0);

    public DataOffset {
        if (flag < NOT_SET || flag > NO_DATA) {
            throw new IllegalArgumentException("bad offset flag " + flag);
        }
        if (position < 0) {
            throw new IllegalArgumentException("negative offset " + position);
        }
    }

    public static DataOffset at(long position) {
        return new DataOffset(SET, position);
    }

    public boolean isSet() {
        return flag == SET;
    }

    public boolean hasData() {
        return flag != NO_DATA;
    }
}
