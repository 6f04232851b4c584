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

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "/usr/lib/postgresql/18/bin/postgres \"-D\" \"/var/lib/pg\"                            | NULL",
        "/opt/pg/bin/postgres \"-D\" \"/d\" \"-c\" \"timezone=Asia/Tokyo\" \"-p\" \"5433\"     | Asia/Tokyo",
        "/opt/pg/bin/postgres \"-cTimeZone=UTC\" \"--timezone=Europe/Paris\"                | Europe/Paris",
        "/opt/pg dir/bin/postgres \"-c\" \"timezone=Etc/GMT+1\"                             | Etc/GMT+1",
        "/opt/pg/bin/postgres \"-c\" \"log_timezone=UTC\"                                   | NULL",
        "/opt/pg/bin/postgres                                                            | NULL",
    })
    void commandLineZoneFromPostmasterOpts(String opts, String zone) {
        assertEquals(Optional.ofNullable(zone), SessionZone.fromCommandLine(opts + "\n"));
    }
}
