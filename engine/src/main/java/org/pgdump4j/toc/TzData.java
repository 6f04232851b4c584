package org.pgdump4j.toc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A zone as the C library sees it, from the system's tzdata file (TZif, RFC 8536), for the times pg_dump writes and
 * pg_restore prints: strftime's {@code %Z} ("+0545" for Asia/Kathmandu, "-03" for America/Sao_Paulo, where the JDK
 * still says "NPT" and "BRT": tzdata gave up invented abbreviations in 2017), localtime's {@code tm_isdst} (Dublin's
 * winter is tzdata's "daylight" type, the JDK's standard time) and mktime's reading of wall-clock fields with a
 * {@code tm_isdst} that does not hold at that time (an archive made in UTC in July, listed in Berlin: an hour later).
 * A zone without a readable file falls back to the JDK's rules and names.
 */
final class TzData {
    /** One local time type: UTC offset in seconds, the DST flag, the abbreviation. */
    record Type(int offset, boolean dst, String abbreviation) {
    }

    /** A zone's transitions (seconds, ascending) and the type each starts. */
    private record Zone(long[] times, Type[] typeFrom, Type[] types) {
        /** The type at {@code second}; past the last transition, the latest type with the JDK's offset then. */
        Type at(long second, int jdkOffset) {
            int i = Arrays.binarySearch(times, second);
            int last = i >= 0 ? i : -i - 2;
            if (last < 0) {
                return types[0];
            }
            if (last < times.length - 1 || typeFrom[last].offset() == jdkOffset) {
                return typeFrom[last];
            }
            for (int k = times.length - 1; k >= 0; k--) {
                if (typeFrom[k].offset() == jdkOffset) {
                    return typeFrom[k];
                }
            }
            return typeFrom[last];
        }
    }

    private static final Zone NONE = new Zone(new long[0], new Type[0], new Type[0]);
    private static final Map<String, Zone> ZONES = new ConcurrentHashMap<>();
    /** glibc's mktime looks a week at a time, up to about 17 years away, for a time with the asked-for DST flag. */
    private static final long STRIDE = 601_200;
    private static final long BOUND = 536_454_000;

    private TzData() {
    }

    /** The type in force at {@code at}, or null when the system has no file for the zone. */
    static @Nullable Type at(ZoneId zone, Instant at) {
        Zone z = zone(zone);
        return z == NONE ? null : at(z, zone, at);
    }

    /** localtime's {@code tm_isdst} at {@code at}: 1 or 0. */
    static int isDst(ZoneId zone, Instant at) {
        Type t = at(zone, at);
        boolean dst = t == null ? zone.getRules().isDaylightSavings(at) : t.dst();
        return dst ? 1 : 0;
    }

    /**
     * mktime: the instant of {@code wall} in {@code zone}; when {@code isDst} (0 or 1; negative: unknown) is not what
     * holds then, the wall clock is read with the offset of the nearest time where it does, as glibc does, or, with
     * none within 17 years, an hour off.
     */
    static Instant mktime(LocalDateTime wall, int isDst, ZoneId zone) {
        Instant t = wall.atZone(zone).toInstant();
        Zone z = zone(zone);
        boolean actual = z == NONE ? zone.getRules().isDaylightSavings(t) : at(z, zone, t).dst();
        if (isDst < 0 || actual == (isDst != 0)) {
            return t;
        }
        for (long delta = STRIDE; z != NONE && delta < BOUND; delta += STRIDE) {
            for (int direction = -1; direction <= 1; direction += 2) {
                Type probe = at(z, zone, t.plusSeconds(direction * delta));
                if (probe.dst() == (isDst != 0)) {
                    return wall.toInstant(ZoneOffset.ofTotalSeconds(probe.offset()));
                }
            }
        }
        // no such time near (UTC, a zone without DST): POSIX's reading, DST an hour ahead of standard time
        return t.plusSeconds(isDst != 0 ? -3600 : 3600);
    }

    private static Type at(Zone z, ZoneId zone, Instant at) {
        return z.at(at.getEpochSecond(), zone.getRules().getOffset(at).getTotalSeconds());
    }

    private static Zone zone(ZoneId zone) {
        return ZONES.computeIfAbsent(zone.getId(), TzData::load);
    }

    private static Zone load(String id) {
        String dir = System.getenv("TZDIR");
        try {
            Path path = Path.of(dir == null || dir.isEmpty() ? "/usr/share/zoneinfo" : dir).resolve(id);
            if (id.contains("..") || !Files.isRegularFile(path)) {
                return NONE;
            }
            Zone z = parse(ByteBuffer.wrap(Files.readAllBytes(path)));
            return z == null ? NONE : z;
        } catch (IOException | RuntimeException e) {
            return NONE; // a damaged or foreign file: the JDK's rules and names
        }
    }

    /** A version 1 header and block (32-bit times), then, from version 2, the same again with 64-bit times. */
    private static @Nullable Zone parse(ByteBuffer b) {
        if (b.remaining() < 44 || b.get(0) != 'T' || b.get(1) != 'Z' || b.get(2) != 'i' || b.get(3) != 'f') {
            return null;
        }
        int[] counts = counts(b, 0);
        if (b.get(4) < '2') {
            return block(b, 44, counts, 4);
        }
        int second = 44 + counts[3] * 5 + counts[4] * 6 + counts[5] + counts[2] * 8 + counts[1] + counts[0];
        return block(b, second + 44, counts(b, second), 8);
    }

    /** isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt of the header at {@code at}. */
    private static int[] counts(ByteBuffer b, int at) {
        int[] c = new int[6];
        for (int i = 0; i < 6; i++) {
            c[i] = b.getInt(at + 20 + 4 * i);
            if (c[i] < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
        return c;
    }

    private static @Nullable Zone block(ByteBuffer b, int at, int[] c, int timeSize) {
        int timecnt = c[3];
        int typecnt = c[4];
        if (typecnt == 0) {
            return null;
        }
        int p = at + timecnt * timeSize + timecnt;
        int chars = p + typecnt * 6;
        Type[] types = new Type[typecnt];
        for (int t = 0; t < typecnt; t++) {
            int start = chars + (b.get(p + 6 * t + 5) & 0xff);
            int end = start;
            while (b.get(end) != 0) {
                end++;
            }
            byte[] name = new byte[end - start];
            b.get(start, name);
            types[t] = new Type(b.getInt(p + 6 * t), b.get(p + 6 * t + 4) != 0,
                    new String(name, StandardCharsets.US_ASCII));
        }
        long[] times = new long[timecnt];
        Type[] typeFrom = new Type[timecnt];
        for (int i = 0; i < timecnt; i++) {
            times[i] = timeSize == 8 ? b.getLong(at + 8 * i) : b.getInt(at + 4 * i);
            typeFrom[i] = types[b.get(at + timecnt * timeSize + i) & 0xff];
        }
        return new Zone(times, typeFrom, types);
    }
}
