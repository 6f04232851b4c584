package org.pgdump4j.compress;

import java.util.Objects;

/**
 * A compression method and level, as pg_dump's {@code -Z} spells it ({@code 9}, {@code gzip:5}, {@code zstd},
 * {@code lz4:level=3}, {@code none}).
 *
 * @param level the method's level; {@link #DEFAULT_LEVEL} for the method's default
 */
public record Compression(Method method, int level) {
    public static final int DEFAULT_LEVEL = Integer.MIN_VALUE;
    public static final Compression NONE = new Compression(Method.NONE, 0);

    /** The algorithm byte of archive 1.15+ headers. */
    public enum Method {
        NONE(0, ""), GZIP(1, ".gz"), LZ4(2, ".lz4"), ZSTD(3, ".zst");

        private final int code;
        private final String suffix;

        Method(int code, String suffix) {
            this.code = code;
            this.suffix = suffix;
        }

        public int code() {
            return code;
        }

        /** The directory format's data file suffix. */
        public String suffix() {
            return suffix;
        }
    }

    public Compression {
        Objects.requireNonNull(method, "method");
    }
}
