package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pgdump4j.UsageException;

/** option_parse_int as pg_restore 18 applies it to -j and --transaction-size (messages checked against it). */
class OptionIntTest {
    static String error(String value) {
        return assertThrows(UsageException.class,
                () -> OptionInt.parse(value, "-j/--jobs", 1, Integer.MAX_VALUE)).getMessage();
    }

    @Test
    void readsWhatStrtolReads() {
        assertEquals(4, OptionInt.parse("4", "-j/--jobs", 1, Integer.MAX_VALUE));
        assertEquals(3, OptionInt.parse(" 3 ", "-j/--jobs", 1, Integer.MAX_VALUE));
        assertEquals(7, OptionInt.parse("+7\t", "-j/--jobs", 1, Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, OptionInt.parse("2147483647", "-j/--jobs", 1, Integer.MAX_VALUE));
    }

    @Test
    void refusesWithPgRestoresWords() {
        assertEquals("invalid value \"abc\" for option -j/--jobs", error("abc"));
        assertEquals("invalid value \"2x\" for option -j/--jobs", error("2x"));
        assertEquals("invalid value \"0x10\" for option -j/--jobs", error("0x10"));
        assertEquals("-j/--jobs must be in range 1..2147483647", error("0"));
        assertEquals("-j/--jobs must be in range 1..2147483647", error("-1"));
        assertEquals("-j/--jobs must be in range 1..2147483647", error(""));
        assertEquals("-j/--jobs must be in range 1..2147483647", error("2147483648"));
        assertEquals("-j/--jobs must be in range 1..2147483647", error("99999999999999999999999"));
        assertEquals("--transaction-size must be in range 1..2147483647", assertThrows(UsageException.class,
                () -> OptionInt.parse("0", "--transaction-size", 1, Integer.MAX_VALUE)).getMessage());
    }
}
