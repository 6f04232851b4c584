package org.pgdump4j.compress;

import java.util.Locale;
import java.util.Objects;
import org.pgdump4j.UsageException;

/**
 * A compression method and level, as pg_dump's {@code -Z}/{@code --compress} spells it.
 *
 * <p>Accepted spellings ({@link #parse}), exactly as pg_dump 18 accepts them:
 * <ul>
 *   <li>an integer: {@code 0} = none, any other value = gzip at that level ({@code -1} = zlib's default,
 *       1–9 valid); the empty string is {@code 0};</li>
 *   <li>{@code METHOD} or {@code METHOD:DETAIL} with METHOD {@code none}, {@code gzip}, {@code lz4}, {@code zstd}
 *       (lower case); DETAIL is an integer level or a comma list of {@code level=N}, {@code long[=BOOL]} (zstd
 *       only) and {@code workers=N} (zstd only; accepted and ignored, pg_dump warns it is unsupported).</li>
 * </ul>
 * Level ranges: gzip 1–9 (default -1 = 6), lz4 1–12 (default 0 = fast), zstd -131072–22 (default 3), none only 0.
 * Errors are {@link UsageException}s worded as pg_dump's, e.g. {@code invalid compression specification:
 * compression algorithm "gzip" expects a compression level between 1 and 9 (default at -1)}.
 *
 * @param level    the method's level; {@link #DEFAULT_LEVEL} for the method's default
 * @param longMode zstd long-distance matching ({@code zstd:long})
 */
public record Compression(Method method, int level, boolean longMode) {
    public static final int DEFAULT_LEVEL = Integer.MIN_VALUE;
    public static final Compression NONE = new Compression(Method.NONE, 0);
    /** pg_dump's default for the custom and directory formats: gzip at zlib's default level. */
    public static final Compression GZIP_DEFAULT = new Compression(Method.GZIP, DEFAULT_LEVEL);

    /** The algorithm byte of archive 1.15+ headers. */
    public enum Method {
        NONE(0, "", "none", 0, 0, 0),
        GZIP(1, ".gz", "gzip", 1, 9, -1),
        LZ4(2, ".lz4", "lz4", 1, 12, 0),
        ZSTD(3, ".zst", "zstd", -131072, 22, 3);

        private final int code;
        private final String suffix;
        private final String word;
        private final int minLevel;
        private final int maxLevel;
        private final int defaultLevel;

        Method(int code, String suffix, String word, int minLevel, int maxLevel, int defaultLevel) {
            this.code = code;
            this.suffix = suffix;
            this.word = word;
            this.minLevel = minLevel;
            this.maxLevel = maxLevel;
            this.defaultLevel = defaultLevel;
        }

        public int code() {
            return code;
        }

        /** The directory format's data file suffix. */
        public String suffix() {
            return suffix;
        }

        /** pg_dump's name: none, gzip, lz4, zstd. */
        public String word() {
            return word;
        }

        /** The level PostgreSQL uses when none is given (gzip: -1, zlib's default). */
        public int defaultLevel() {
            return defaultLevel;
        }

        public static Method ofCode(int code) {
            for (Method m : values()) {
                if (m.code == code) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown compression algorithm code " + code);
        }
    }

    public Compression {
        Objects.requireNonNull(method, "method");
        if (longMode && method != Method.ZSTD) {
            throw new IllegalArgumentException("long mode is zstd only");
        }
    }

    public Compression(Method method, int level) {
        this(method, level, false);
    }

    /** The level to hand to the library: the method's default when {@link #DEFAULT_LEVEL}. */
    public int effectiveLevel() {
        return level == DEFAULT_LEVEL ? method.defaultLevel : level;
    }

    /**
     * The codec that compresses and decompresses data as pg_dump does for this method.
     *
     * @throws org.pgdump4j.PgDumpException zstd without zstd-jni (see {@link CodecLibrary})
     */
    public CompressionCodec codec() {
        return switch (method) {
            case NONE -> NoneCodec.INSTANCE;
            case GZIP -> new GzipCodec(effectiveLevel());
            case LZ4 -> new Lz4Codec(effectiveLevel());
            case ZSTD -> {
                CodecLibrary.ZSTD.require(); // before ZstdCodec's class, which names zstd-jni's, is loaded
                yield new ZstdCodec(effectiveLevel(), longMode);
            }
        };
    }

    /**
     * pg_dump 18's default compression per {@code -F} format name or letter: gzip for custom and directory, none
     * for tar and plain.
     */
    public static Compression defaultFor(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "c", "custom", "d", "directory" -> GZIP_DEFAULT;
            default -> NONE;
        };
    }

    /** As pg_dump prints it ({@code none}, {@code gzip}, {@code zstd:level=5,long}). */
    @Override
    public String toString() {
        if (method == Method.NONE) {
            return "none";
        }
        StringBuilder sb = new StringBuilder(method.word);
        if (level != DEFAULT_LEVEL) {
            sb.append(":level=").append(level);
        }
        if (longMode) {
            sb.append(level != DEFAULT_LEVEL ? ",long" : ":long");
        }
        return sb.toString();
    }

    /** Parses a {@code -Z} argument; see the class comment for what is accepted. */
    public static Compression parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        Long number = spec.isEmpty() ? Long.valueOf(0) : parseLong(spec);
        String algorithm;
        String detail;
        if (number != null) {
            algorithm = number == 0 ? "none" : "gzip";
            detail = number == 0 ? null : spec;
        } else {
            int colon = spec.indexOf(':');
            algorithm = colon < 0 ? spec : spec.substring(0, colon);
            detail = colon < 0 ? null : spec.substring(colon + 1);
        }
        Method method = null;
        for (Method m : Method.values()) {
            if (m.word.equals(algorithm)) {
                method = m;
            }
        }
        if (method == null) {
            throw new UsageException("unrecognized compression algorithm: \"" + algorithm + "\"");
        }
        Integer level = null;
        Integer workers = null;
        boolean longMode = false;
        boolean longGiven = false;
        if (detail != null) {
            Long n = parseLong(detail);
            if (n != null) {
                level = clampInt(n);
            } else {
                for (String item : detail.split(",", -1)) {
                    if (item.isEmpty()) {
                        throw invalid("found empty string where a compression option was expected");
                    }
                    int eq = item.indexOf('=');
                    String key = eq < 0 ? item : item.substring(0, eq);
                    String value = eq < 0 ? null : item.substring(eq + 1);
                    switch (key) {
                        case "level" -> level = intValue(key, value);
                        case "workers" -> workers = intValue(key, value);
                        case "long" -> {
                            longMode = value == null || boolValue(key, value);
                            longGiven = true;
                        }
                        default -> throw invalid("unrecognized compression option: \"" + key + "\"");
                    }
                }
            }
        }
        String name = "\"" + method.word + "\"";
        if (level != null) {
            if (method == Method.NONE) {
                if (level != 0) {
                    throw invalid("compression algorithm " + name + " does not accept a compression level");
                }
            } else if ((level < method.minLevel || level > method.maxLevel) && level != method.defaultLevel) {
                throw invalid("compression algorithm " + name + " expects a compression level between "
                        + method.minLevel + " and " + method.maxLevel + " (default at " + method.defaultLevel + ")");
            }
        }
        if (workers != null && method != Method.ZSTD) {
            throw invalid("compression algorithm " + name + " does not accept a worker count");
        }
        if (longGiven && method != Method.ZSTD) {
            throw invalid("compression algorithm " + name + " does not support long-distance mode");
        }
        if (method == Method.NONE) {
            return NONE;
        }
        int lv = level == null || level == method.defaultLevel ? DEFAULT_LEVEL : level;
        return new Compression(method, lv, longMode);
    }

    private static UsageException invalid(String detail) {
        return new UsageException("invalid compression specification: " + detail);
    }

    private static int intValue(String key, String value) {
        if (value == null) {
            throw invalid("compression option \"" + key + "\" requires a value");
        }
        Long n = parseLong(value);
        if (n == null) {
            throw invalid("value for compression option \"" + key + "\" must be an integer");
        }
        return clampInt(n);
    }

    private static boolean boolValue(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.isEmpty()) {
            if ("true".startsWith(v) || "yes".startsWith(v) || v.equals("1")
                    || (v.length() >= 2 && "on".startsWith(v))) {
                return true;
            }
            if ("false".startsWith(v) || "no".startsWith(v) || v.equals("0")
                    || (v.length() >= 2 && "off".startsWith(v))) {
                return false;
            }
        }
        throw invalid("value for compression option \"" + key + "\" must be a Boolean value");
    }

    /** strtol-like: optional leading whitespace and sign, digits, nothing after; null if not a number. */
    private static Long parseLong(String s) {
        String t = s.stripLeading();
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        if (i == t.length()) {
            return null;
        }
        for (int j = i; j < t.length(); j++) {
            if (t.charAt(j) < '0' || t.charAt(j) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(t.charAt(0) == '+' ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return t.charAt(0) == '-' ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static int clampInt(long n) {
        return (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE, n));
    }
}
