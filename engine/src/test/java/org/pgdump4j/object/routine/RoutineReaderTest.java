package org.pgdump4j.object.routine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Catalog lists are read at their actual length (inventory 7.8, CVE-2026-19385's class of bug). */
class RoutineReaderTest {
    @Test
    void anOidVectorOfAnyLength() {
        // a server built with a larger FUNC_MAX_ARGS than the default 100 sends longer vectors
        long[] oids = LongStream.rangeClosed(1, 300).map(i -> 16_383 + i).toArray();
        String text = LongStream.of(oids).mapToObj(Long::toString).collect(Collectors.joining(" "));
        assertArrayEquals(oids, RoutineReader.oidVector(text));
        assertArrayEquals(new long[] {23, 25}, RoutineReader.oidVector(" 23  25 "));
        assertEquals(0, RoutineReader.oidVector("").length);
        assertEquals(0, RoutineReader.oidVector(null).length);
        assertArrayEquals(new long[] {4294967295L}, RoutineReader.oidVector("4294967295"));
    }
}
