package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgdump4j.dump.DumpOptions;

/** pg_dump's --role, --extra-float-digits and --enable-row-security: parsed into the dump's session settings. */
class DumpSessionOptionsTest {
    private static DumpOptions.Session session(String... args) {
        List<String> all = new ArrayList<>(List.of("dump"));
        all.addAll(List.of(args));
        return Cli.parse(DumpCommand.class, all.toArray(String[]::new)).request().options().session();
    }

    @Test
    void defaultsAreTheDumpsOwn() {
        DumpOptions.Session s = session();
        assertNull(s.role());
        assertNull(s.extraFloatDigits());
        assertFalse(s.enableRowSecurity());
    }

    @Test
    void givenValuesReachTheSession() {
        DumpOptions.Session s = session("--role", "Mixed Case", "--extra-float-digits= -15 ", "--enable-row-security");
        assertEquals("Mixed Case", s.role());
        assertEquals(-15, s.extraFloatDigits());
        assertTrue(s.enableRowSecurity());
        assertEquals(3, session("--extra-float-digits=3").extraFloatDigits());
    }

    /** pg_dump 18's words and exit status 1, before the operands and the conflicts are looked at. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--extra-float-digits=4|--extra-float-digits must be in range -15..3",
        "--extra-float-digits=-16|--extra-float-digits must be in range -15..3",
        "--extra-float-digits=99999999999|--extra-float-digits must be in range -15..3",
        "--extra-float-digits=x|invalid value \"x\" for option --extra-float-digits",
        "--extra-float-digits=1x|invalid value \"1x\" for option --extra-float-digits"})
    void badFloatDigitsFailAsPgDump(String arg, String message) {
        Cli.Run run = Cli.run("dump", arg, "-s", "-a", "db", "extra");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("pg_dump: error: " + message + "\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void anEmptyValueIsZeroAsStrtolReadsIt() {
        assertEquals(0, session("--extra-float-digits=").extraFloatDigits());
    }
}
