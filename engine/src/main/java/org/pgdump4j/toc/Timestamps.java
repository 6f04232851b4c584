package org.pgdump4j.toc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;

/** The times the real tools print ("Archive created at", "Started on", "Completed on"): strftime's {@code %Y-%m-%d %H:%M:%S %Z}. */
public final class Timestamps {
    /** The zones whose strftime abbreviation is "UTC" (tzdata's names for it). */
    private static final Set<String> UTC_NAMES = Set.of("UTC", "Etc/UTC", "Etc/Universal", "Universal", "Etc/Zulu",
            "Zulu", "Z");

    private Timestamps() {
    }

    /**
     * The local zone as the C library has it: {@code TZ} read as it reads it ({@link #ofTz}), else the JVM's default
     * zone; UTC without {@code java.time}'s zone database, which would be loaded a second time (after
     * {@code TimeZone}'s) only for the zone's rules, 3 ms of every restore's start.
     */
    public static ZoneId localZone() {
        String tz = System.getenv("TZ");
        if (tz != null) {
            // the JDK reads a TZ that names a file as the offset it has today, ":/etc/localtime" as GMT
            ZoneId zone = ofTz(tz);
            if (zone != null) {
                return zone;
            }
        }
        TimeZone zone = TimeZone.getDefault();
        return UTC_NAMES.contains(zone.getID()) ? ZoneOffset.UTC : zone.toZoneId();
    }

    /**
     * The zone a {@code TZ} value names for the C library: a tzdata name, with or without a leading {@code :} or
     * {@code posix/}, empty for UTC, or a file (":/etc/localtime", "/usr/share/zoneinfo/Asia/Tokyo") read as the
     * zone its path or link names under a {@code zoneinfo} folder. Null when it is none of these (a POSIX rule
     * such as "JST-9", a copied file): the caller's default then.
     */
    public static @Nullable ZoneId ofTz(String tz) {
        String name = tz.startsWith(":") ? tz.substring(1) : tz;
        if (name.isEmpty()) {
            return ZoneOffset.UTC;
        }
        if (name.startsWith("/")) {
            try {
                String real = Path.of(name).toRealPath().toString();
                int at = real.lastIndexOf("/zoneinfo/");
                if (at < 0) {
                    return null;
                }
                name = real.substring(at + "/zoneinfo/".length());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        if (name.startsWith("posix/")) {
            name = name.substring("posix/".length());
        }
        try {
            return zone(name);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The zone named {@code id} ({@code ZoneId.of}), UTC by any of its names without the zone database. */
    public static ZoneId zone(String id) {
        return UTC_NAMES.contains(id) ? ZoneOffset.UTC : ZoneId.of(id);
    }

    /**
     * When an archive was made, as pg_restore prints it in {@code zone}: the header's wall clock read by mktime there
     * with the header's DST flag (made in UTC in July, listed in Berlin: 20:48 CEST for 19:48), then written as
     * {@link #format} writes a time.
     */
    public static String created(ArchiveInfo info, ZoneId zone) {
        Instant at = TzData.mktime(info.createdAt().toLocalDateTime(), info.createdIsDst(), zone);
        return format(at.atZone(zone), zone);
    }

    /**
     * {@code t} in {@code zone} as strftime's {@code %Y-%m-%d %H:%M:%S %Z} writes it from the system's tzdata (its
     * offset and abbreviation: see {@link TzData}), else with the JDK's rules and name; UTC (by any of its names)
     * is written "UTC".
     */
    public static String format(ZonedDateTime t, ZoneId zone) {
        if (UTC_NAMES.contains(zone.getId())) {
            // the usual zone of servers and containers: written by hand, since the formatter's zone name loads the
            // locale data (tens of milliseconds of a listing's start-up)
            return stamp(t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime(), "UTC");
        }
        TzData.Type type = TzData.at(zone, t.toInstant());
        if (type == null) {
            return Formatter.STAMP.format(t.withZoneSameInstant(zone));
        }
        return stamp(LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.ofTotalSeconds(type.offset())),
                type.abbreviation());
    }

    private static String stamp(LocalDateTime u, String zoneName) {
        StringBuilder sb = new StringBuilder(23 + zoneName.length());
        pad(sb, u.getYear(), 4).append('-');
        pad(sb, u.getMonthValue(), 2).append('-');
        pad(sb, u.getDayOfMonth(), 2).append(' ');
        pad(sb, u.getHour(), 2).append(':');
        pad(sb, u.getMinute(), 2).append(':');
        pad(sb, u.getSecond(), 2);
        return sb.append(' ').append(zoneName).toString();
    }

    /** The current time in {@code zone}. */
    public static String now(ZoneId zone) {
        return format(ZonedDateTime.now(zone), zone);
    }

    /** Made on first use: UTC, the common case, never needs it. */
    private static final class Formatter {
        static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
