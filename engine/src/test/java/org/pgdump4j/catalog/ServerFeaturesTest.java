package org.pgdump4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pgdump4j.UnsupportedServerException;

/** The server versions we dump: 10 to 18 (pg_dump 18 reads 9.2 on; we refuse 9.x rather than guess its catalogs). */
class ServerFeaturesTest {
    @Test
    void dumpsTenToEighteen() {
        assertEquals(100000, new ServerFeatures(100000).versionNum());
        assertTrue(new ServerFeatures(180001).hasTableAccessMethods());
    }

    @Test
    void refusesOlderAndNewerServers() {
        assertEquals("server version 90624 is older than 10, which is not supported",
                assertThrows(UnsupportedServerException.class, () -> new ServerFeatures(90624)).getMessage());
        assertEquals("aborting because of server version mismatch: server version 19 is newer than 18",
                assertThrows(UnsupportedServerException.class, () -> new ServerFeatures(190000)).getMessage());
    }
}
