package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The encoding a dump is asked for: -E first, then libpq's client_encoding of the connection. */
class EncodingsTest {
    @Test
    void dashEThenTheConnectionsClientEncoding() {
        assertEquals("LATIN1", Encodings.requested("LATIN1", "WIN1252"));
        assertEquals("WIN1252", Encodings.requested(null, "WIN1252"));
        assertEquals("latin1", Encodings.requested(null, "latin1")); // the server spells it (Encodings.canonical)
        assertNull(Encodings.requested(null, null));
    }

    @Test
    void autoIsTheLocalesAsLibpqDerivesIt() {
        assertEquals("UTF8", Encodings.requested(null, "auto", Map.of("LANG", "C.UTF-8")::get));
        assertEquals("UTF8", Encodings.requested(null, "AUTO", Map.of("LC_ALL", "de_DE.utf8@euro", "LANG", "C")::get));
        assertEquals("SQL_ASCII", Encodings.requested(null, "auto", Map.of("LC_CTYPE", "C", "LANG", "en_US.UTF-8")::get));
        assertEquals("SQL_ASCII", Encodings.requested(null, "auto", Map.<String, String>of()::get));
        assertEquals("SQL_ASCII", Encodings.requested(null, "auto", Map.of("LC_ALL", "", "LANG", "POSIX")::get));
        assertEquals("LATIN1", Encodings.requested(null, "auto", Map.of("LANG", "de_DE.ISO-8859-1")::get));
        assertEquals("LATIN9", Encodings.requested(null, "auto", Map.of("LANG", "fr_FR.iso885915@euro")::get));
        assertNull(Encodings.requested(null, "auto", Map.of("LANG", "xx_XX.TIS-620")::get)); // the server's then
    }
}
