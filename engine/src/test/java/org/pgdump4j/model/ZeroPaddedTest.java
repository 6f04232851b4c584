package org.pgdump4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZeroPaddedTest {
    @ParameterizedTest
    @CsvSource({"0, 3", "7, 3", "123, 3", "12345, 3", "5, 5", "-3, 5", "2147483648, 11", "4294967295, 11", "-1, 1"})
    void asStringFormat(long v, int width) {
        assertEquals(String.format("%0" + width + "d", v), ZeroPadded.of(v, width));
    }
}
