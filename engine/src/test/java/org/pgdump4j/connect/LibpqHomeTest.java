package org.pgdump4j.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pqGetHomeDirectory: $HOME when set and not empty, else the password database's home. */
class LibpqHomeTest {
    @Test
    void homeComesFirst() {
        assertEquals(Path.of("/tmp/h"), LibpqHome.of(Map.of("HOME", "/tmp/h"), "/root"));
    }

    @Test
    void anUnsetOrEmptyHomeFallsBackToThePasswdHome() {
        assertEquals(Path.of("/root"), LibpqHome.of(Map.of(), "/root"));
        assertEquals(Path.of("/root"), LibpqHome.of(Map.of("HOME", ""), "/root"));
    }
}
