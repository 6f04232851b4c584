package org.pgdump4j.object.collation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.collation.Collation;

class CollationDdlTest {
    private static Collation coll(String schema, String name, char provider, boolean deterministic, String collate,
            String ctype, String locale, String rules) {
        return new Collation(new ObjectId(3456, 1), schema, name, "o", -1, provider, deterministic, collate, ctype,
                locale, rules, null, Components.ALL);
    }

    @Test
    void libcWritesOneLocaleWhenCollateEqualsCtypeElseBoth() {
        assertEquals("CREATE COLLATION ts.c_coll (provider = libc, locale = 'C');\n",
                CollationDdl.create(coll("ts", "c_coll", 'c', true, "C", "C", null, null)));
        assertEquals("CREATE COLLATION ts.split (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');\n",
                CollationDdl.create(coll("ts", "split", 'c', true, "C", "POSIX", null, null)));
    }

    @Test
    void icuWritesDeterminismLocaleAndRulesQuoted() {
        assertEquals("CREATE COLLATION \"TS Odd \"\"Q\"\"\".\"Coll \"\"Q\"\" é\" (provider = icu, locale = 'de-DE');\n",
                CollationDdl.create(coll("TS Odd \"Q\"", "Coll \"Q\" é", 'i', true, null, null, "de-DE", null)));
        assertEquals("CREATE COLLATION ts.ci (provider = icu, deterministic = false, locale = 'und-u-ks-level2');\n",
                CollationDdl.create(coll("ts", "ci", 'i', false, null, null, "und-u-ks-level2", null)));
        assertEquals("CREATE COLLATION ts.ruled (provider = icu, locale = 'und', rules = '&a < g < ''x''');\n",
                CollationDdl.create(coll("ts", "ruled", 'i', true, null, null, "und", "&a < g < 'x'")));
    }

    @Test
    void builtinWritesItsLocale() {
        assertEquals("CREATE COLLATION ts.b (provider = builtin, locale = 'PG_UNICODE_FAST');\n",
                CollationDdl.create(coll("ts", "b", 'b', true, null, null, "PG_UNICODE_FAST", null)));
    }

    @Test
    void theDefaultProviderHasNoLocaleAndAnUnknownOneFails() {
        assertEquals("CREATE COLLATION pg_catalog.\"default\" (provider = default);\n",
                CollationDdl.create(coll("pg_catalog", "default", 'd', true, null, null, null, null)));
        var e = assertThrows(PgDumpException.class,
                () -> CollationDdl.create(coll("ts", "x", 'z', true, null, null, null, null)));
        assertEquals("unrecognized collation provider: z", e.getMessage());
    }

    @Test
    void dropIsQualified() {
        assertEquals("DROP COLLATION ts.und;\n", CollationDdl.drop(coll("ts", "und", 'i', true, null, null, "und", null)));
    }

    @Test
    void tiebreakOrdersBySignedEncodingUnderStrcmp() {
        String any = coll("ts", "x", 'i', true, null, null, "und", null).tiebreak();
        String sqlAscii = new Collation(new ObjectId(3456, 1), "ts", "x", "o", 0, 'c', true, "C", "C", null, null,
                null, Components.ALL).tiebreak();
        String utf8 = new Collation(new ObjectId(3456, 1), "ts", "x", "o", 6, 'c', true, "C", "C", null, null,
                null, Components.ALL).tiebreak();
        String win = new Collation(new ObjectId(3456, 1), "ts", "x", "o", 40, 'c', true, "C", "C", null, null,
                null, Components.ALL).tiebreak();
        assertTrue(any.compareTo(sqlAscii) < 0);
        assertTrue(sqlAscii.compareTo(utf8) < 0);
        assertTrue(utf8.compareTo(win) < 0);
    }
}
