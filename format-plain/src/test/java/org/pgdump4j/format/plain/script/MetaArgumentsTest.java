package org.pgdump4j.format.plain.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pgdump4j.format.plain.script.MetaArguments.Arg;
import org.pgdump4j.format.plain.script.MetaArguments.MalformedException;

class MetaArgumentsTest {

    @Test
    void splitsOnWhitespaceAndUnquotesSingleQuotesWithPsqlEscapes() throws MalformedException {
        assertEquals(List.of(new Arg("a", false), new Arg("b c", true), new Arg("it's\n\t\u0001A", true),
                        new Arg("x'y'z", true)),
                MetaArguments.parse("  a 'b c'\t'it''s\\n\\t\\001\\x41'  x'''y'''z ", false));
    }

    @Test
    void doubleQuotesStayUnlessReadAsIdentifier() throws MalformedException {
        assertEquals(List.of(new Arg("\"My DB\"", true)), MetaArguments.parse("\"My DB\"", false));
        assertEquals(List.of(new Arg("My \"DB\"", true), new Arg("Plain", false)),
                MetaArguments.parse("\"My \"\"DB\"\"\" Plain", true));
    }

    @Test
    void doubleBackslashEndsTheArguments() throws MalformedException {
        assertEquals(List.of(new Arg("a", false)), MetaArguments.parse("a \\\\ \\echo b", false));
    }

    @Test
    void refusesBackquotesAndUnterminatedQuotes() {
        assertEquals("backquoted shell commands are not supported",
                assertThrows(MalformedException.class, () -> MetaArguments.parse("`rm -rf /`", false)).getMessage());
        assertThrows(MalformedException.class, () -> MetaArguments.parse("'open", false));
        assertThrows(MalformedException.class, () -> MetaArguments.parse("\"open", true));
    }

    @Test
    void connectTakesADatabaseOrAConnectionStringWithOnlyDbname() throws MalformedException {
        assertEquals(Optional.of("db1"), ConnectCommand.database("db1"));
        assertEquals(Optional.of("My DB"), ConnectCommand.database("\"My DB\""));
        assertEquals(Optional.empty(), ConnectCommand.database(""));
        assertEquals(Optional.empty(), ConnectCommand.database("- - - -"));
        assertEquals(Optional.of("-"), ConnectCommand.database("'-'"));
        // what pg_dump writes for names other than [A-Za-z0-9_.]
        assertEquals(Optional.of("odd 'name' \\ x"),
                ConnectCommand.database("-reuse-previous=on \"dbname='odd \\'name\\' \\\\ x'\""));
        assertEquals(Optional.of("plain"), ConnectCommand.database("-reuse-previous=off \"dbname = plain\""));
    }

    @Test
    void connectRefusesOtherUsersHostsPortsAndKeywords() {
        assertEquals("only a database name is supported; user, host and port stay those of the restore connection",
                assertThrows(MalformedException.class, () -> ConnectCommand.database("db alice")).getMessage());
        assertEquals("connection option \"host\" is not supported; only dbname can change",
                assertThrows(MalformedException.class,
                        () -> ConnectCommand.database("\"dbname=x host=evil.example\"")).getMessage());
        assertThrows(MalformedException.class, () -> ConnectCommand.database("postgresql://evil/db"));
        assertThrows(MalformedException.class, () -> ConnectCommand.database("-reuse-previous=maybe db"));
    }

    @Test
    void psqlBooleans() {
        assertEquals(Optional.of(true), ScriptRun.parseBoolean("on"));
        assertEquals(Optional.of(true), ScriptRun.parseBoolean("TRUE"));
        assertEquals(Optional.of(true), ScriptRun.parseBoolean("y"));
        assertEquals(Optional.of(true), ScriptRun.parseBoolean("1"));
        assertEquals(Optional.of(false), ScriptRun.parseBoolean("of"));
        assertEquals(Optional.of(false), ScriptRun.parseBoolean("f"));
        assertEquals(Optional.of(false), ScriptRun.parseBoolean("0"));
        assertEquals(Optional.empty(), ScriptRun.parseBoolean("o"));
        assertEquals(Optional.empty(), ScriptRun.parseBoolean(""));
        assertEquals(Optional.empty(), ScriptRun.parseBoolean("maybe"));
    }
}
