package org.pgdump4j.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final ZonedDateTime T = ZonedDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneId.of("Europe/Berlin"));

    @Test
    void utcIsWrittenByHandAsTheFormatterWritesIt() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);
        String expected = f.format(T.withZoneSameInstant(ZoneId.of("UTC")));
        assertEquals("2026-03-04 04:06:07 UTC", expected);
        assertEquals(expected, Timestamps.format(T, ZoneOffset.UTC));
        assertEquals(expected, Timestamps.format(T, ZoneId.of("UTC")));
        assertEquals(expected, Timestamps.format(T, ZoneId.of("Etc/UTC")));
        assertEquals(f.format(T.withZoneSameInstant(ZoneId.of("Etc/UTC"))), expected);
        assertEquals("0987-12-31 23:59:59 UTC",
                Timestamps.format(ZonedDateTime.of(987, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC), ZoneOffset.UTC));
    }

    /**
     * Zones tzdata names by their offset since 2017 (the JDK still says NPT, BRT, GST), a negative-DST zone (Dublin:
     * tzdata's winter GMT is its "daylight" type), a half-hour DST (Lord Howe), summer and winter; the system's tzdata
     * is what the C library and so pg_restore read; the expected texts are glibc's (`TZ=zone date -d ... +"%F %T %Z"`).
     */
    @Test
    void abbreviationsAsTheSystemsTzdataHasThem() {
        assertEquals("2026-03-04 09:51:07 +0545", Timestamps.format(T, ZoneId.of("Asia/Kathmandu")));
        assertEquals("2026-03-04 01:06:07 -03", Timestamps.format(T, ZoneId.of("America/Sao_Paulo")));
        assertEquals("2026-03-04 08:06:07 +04", Timestamps.format(T, ZoneId.of("Asia/Dubai")));
        assertEquals("2026-03-04 04:06:07 GMT", Timestamps.format(T, ZoneId.of("Europe/Dublin")));
        ZonedDateTime july = T.withMonth(7);
        assertEquals("2026-07-04 04:06:07 IST", Timestamps.format(july, ZoneId.of("Europe/Dublin")));
        assertEquals("2026-07-04 05:06:07 CEST", Timestamps.format(july, ZoneId.of("Europe/Berlin")));
        assertEquals("2026-03-04 15:06:07 +11", Timestamps.format(T, ZoneId.of("Australia/Lord_Howe")));
        assertEquals("2026-07-04 13:36:07 +1030", Timestamps.format(july, ZoneId.of("Australia/Lord_Howe")));
        assertEquals("1950-03-04 05:06:07 CET",
                Timestamps.format(T.withYear(1950), ZoneId.of("Europe/Berlin")));
    }

    @Test
    void otherZonesByTheirShortName() {
        assertEquals("2026-03-04 05:06:07 CET", Timestamps.format(T, ZoneId.of("Europe/Berlin")));
        assertEquals("2026-03-03 23:06:07 EST", Timestamps.format(T, ZoneId.of("America/New_York")));
    }
}
