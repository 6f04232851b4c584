package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionZoneTest {
    @ParameterizedTest
    @ValueSource(strings = {"default", "DEFAULT", "DeFault"})
    void pgtzDefaultLeavesTheServersChoice(String value) {
        assertNull(SessionZone.pgtz(Map.of("PGTZ", value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Tokyo", "", " utc", "+05"})
    void pgtzIsSentAsItIs(String value) {
        assertEquals(value, SessionZone.pgtz(Map.of("PGTZ", value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "''                                          | NULL",
        "-c timezone=Asia/Tokyo                      | Asia/Tokyo",
        "-cTimeZone=Asia/Tokyo                       | Asia/Tokyo",
        "--timezone=UTC -c work_mem=1MB              | UTC",
        "--TimeZone=UTC --timezone=Europe/Paris      | Europe/Paris",
        "-c timezone=America/New\\_York                | America/New_York",
        "-c timezone=Etc/GMT\\ +1                     | Etc/GMT +1",
        "-c geqo=off                                 | NULL",
        "-B timezone=UTC                             | NULL",
        "-Ec timezone=UTC                            | UTC",
        "-c                                          | NULL",
        "-c search_path=timezone=UTC                 | NULL",
        "   -c   timezone=UTC   -c   time-zone=x     | UTC",
    })
    void optionsZoneIsTheLastTimezoneSwitch(String options, String zone) {
        assertEquals(Optional.ofNullable(zone), SessionZone.fromOptions(options));
    }
}
