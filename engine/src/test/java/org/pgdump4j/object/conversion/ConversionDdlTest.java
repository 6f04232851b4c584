package org.pgdump4j.object.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.conversion.Conversion;

class ConversionDdlTest {
    @Test
    void plainAndDefaultConversions() {
        Conversion plain = new Conversion(new ObjectId(2607, 1), "ts", "latin1_utf8", "o", "LATIN1", "UTF8",
                "iso8859_1_to_utf8", false, null, Components.ALL);
        assertEquals("CREATE CONVERSION ts.latin1_utf8 FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;\n",
                ConversionDdl.create(plain));
        Conversion odd = new Conversion(new ObjectId(2607, 1), "TS Odd \"Q\"", "Conv \"Q\" ß", "o", "KOI8R",
                "WIN1251", "s.\"My Fn\"", true, null, Components.ALL);
        assertEquals("CREATE DEFAULT CONVERSION \"TS Odd \"\"Q\"\"\".\"Conv \"\"Q\"\" ß\" FOR 'KOI8R' TO 'WIN1251' "
                + "FROM s.\"My Fn\";\n", ConversionDdl.create(odd));
        assertEquals("DROP CONVERSION \"TS Odd \"\"Q\"\"\".\"Conv \"\"Q\"\" ß\";\n", ConversionDdl.drop(odd));
    }
}
