package org.pgdump4j.format.plain.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientEncodingsTest {

    @Test
    void recognisesTheStatementsThatSetTheClientEncoding() {
        assertEquals(Optional.of("LATIN1"), ClientEncodings.requestedBy("SET client_encoding = 'LATIN1'"));
        assertEquals(Optional.of("win1252"), ClientEncodings.requestedBy("set client_encoding to win1252"));
        assertEquals(Optional.of("UTF8"), ClientEncodings.requestedBy("SET NAMES \"UTF8\""));
        assertEquals(Optional.of("DEFAULT"), ClientEncodings.requestedBy("RESET client_encoding"));
        assertEquals(Optional.empty(), ClientEncodings.requestedBy("SET client_min_messages = warning"));
        assertEquals(Optional.empty(), ClientEncodings.requestedBy("SELECT 'SET client_encoding = x'"));
    }

    @Test
    void mapsPostgresqlNamesAndAliasesToCharsets() {
        assertEquals("ISO-8859-1", ClientEncodings.charset("LATIN1").orElseThrow().name());
        assertEquals("ISO-8859-1", ClientEncodings.charset("iso-8859-1").orElseThrow().name());
        assertEquals("windows-1252", ClientEncodings.charset("Windows-1252").orElseThrow().name());
        assertEquals("windows-1251", ClientEncodings.charset("WIN").orElseThrow().name());
        assertEquals("UTF-8", ClientEncodings.charset("unicode").orElseThrow().name());
        assertEquals("UTF-8", ClientEncodings.charset("SQL_ASCII").orElseThrow().name());
        assertEquals("UTF-8", ClientEncodings.charset("DEFAULT").orElseThrow().name());
        assertEquals("windows-31j", ClientEncodings.charset("SJIS").orElseThrow().name());
        assertEquals("EUC-JP", ClientEncodings.charset("euc_jp").orElseThrow().name());
        assertEquals(Optional.empty(), ClientEncodings.charset("MULE_INTERNAL"));
        assertEquals(Optional.empty(), ClientEncodings.charset("klingon"));
    }
}
