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

    @Test
    void otherZonesByTheirShortName() {
        assertEquals("2026-03-04 05:06:07 CET", Timestamps.format(T, ZoneId.of("Europe/Berlin")));
        assertEquals("2026-03-03 23:06:07 EST", Timestamps.format(T, ZoneId.of("America/New_York")));
    }
}
