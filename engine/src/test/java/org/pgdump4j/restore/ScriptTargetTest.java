package org.pgdump4j.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pgdump4j.sql.Sql;

class ScriptTargetTest {

    /** pg_dump's appendPsqlMetaConnect: a plain ASCII name as an identifier, anything else as a conninfo. */
    @Test
    void psqlConnectArgument() {
        assertEquals("shop", ScriptTarget.psqlConnectArgument("shop"));
        assertEquals("\"MyDb\"", ScriptTarget.psqlConnectArgument("MyDb"));
        assertEquals("\"select\"", ScriptTarget.psqlConnectArgument("select"));
        assertEquals("\"a.b\"", ScriptTarget.psqlConnectArgument("a.b"));
        assertEquals("-reuse-previous=on \"dbname='my db'\"", ScriptTarget.psqlConnectArgument("my db"));
        try (Sql.Scope quoteAll = Sql.scope(true)) {
            assertEquals("\"shop\"", ScriptTarget.psqlConnectArgument("shop"));
        }
    }
}
