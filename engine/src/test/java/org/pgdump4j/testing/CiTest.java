package org.pgdump4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class CiTest {
    @Test
    void ciIsAnyNonBlankValue() {
        assertTrue(Ci.on(Map.of("PGDUMP4J_CI", "1")::get));
        assertTrue(Ci.on(Map.of("PGDUMP4J_CI", "true")::get));
        assertFalse(Ci.on(Map.of("PGDUMP4J_CI", " ")::get));
        assertFalse(Ci.on(Map.<String, String>of()::get));
    }

    @Test
    void missingFailsInCi() {
        AssertionError e = Ci.missing("tool missing", "skipping", Map.of("PGDUMP4J_CI", "1")::get);
        assertEquals("tool missing", e.getMessage());
    }

    @Test
    void missingSkipsOutsideCi() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> Ci.missing("tool missing", "skipping: tool missing", Map.<String, String>of()::get));
        assertEquals("skipping: tool missing", e.getMessage());
    }
}
