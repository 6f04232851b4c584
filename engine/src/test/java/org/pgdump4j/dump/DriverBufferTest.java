package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.Driver;

/** In-place reading of PgJDBC's buffer: only on the tested driver versions, and off when switched off. */
class DriverBufferTest {
    @ParameterizedTest
    @CsvSource({
        "PostgreSQL JDBC Driver 42.7.8, true",
        "PostgreSQL JDBC Driver 42.7.14, true",
        "42.7.10, true",
        "PostgreSQL JDBC Driver 42.7.7, false",
        "PostgreSQL JDBC Driver 42.7.15, false",
        "PostgreSQL JDBC Driver 42.8.0, false",
        "PostgreSQL JDBC Driver 43.0.0, false",
        "PostgreSQL JDBC Driver 42.6.2, false",
        "PostgreSQL JDBC Driver, false",
    })
    void onlyTheTestedDriverVersions(String version, boolean tested) {
        assertEquals(tested, DriverBuffer.tested(version), version);
    }

    @Test
    void theSwitchTurnsItOffThePropertyFirst() {
        assertTrue(DriverBuffer.enabled(null, null));
        for (String off : new String[] {"false", "0", "off", "NO", " False "}) {
            assertFalse(DriverBuffer.enabled(off, null), off);
            assertFalse(DriverBuffer.enabled(null, off), off);
        }
        assertTrue(DriverBuffer.enabled("true", "0"));
        assertFalse(DriverBuffer.enabled("false", "1"));
        assertTrue(DriverBuffer.enabled(null, "1"));
    }

    /** The build's driver is in the range (CI also runs the newest 42.7.x), so the fast path is what runs. */
    @Test
    void theBuildsDriverIsTestedAndReachable() {
        assertTrue(DriverBuffer.tested(Driver.getVersion()), Driver.getVersion());
        boolean switchedOff = !DriverBuffer.enabled(System.getProperty(DriverBuffer.PROPERTY),
                System.getenv(DriverBuffer.ENV));
        assertEquals(!switchedOff, DriverBuffer.active());
    }
}
