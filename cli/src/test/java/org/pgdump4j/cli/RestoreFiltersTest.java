package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgdump4j.restore.RestoreOptions;

/** pg_restore --filter: which rules it takes (checked against pg_restore 18) and the switches they become. */
class RestoreFiltersTest {
    @TempDir
    Path dir;

    @Test
    void rulesBecomeTheSwitchesNames() throws Exception {
        Path f = dir.resolve("rules");
        Files.writeString(f, """
                include function f( integer , text )
                include index i
                include schema s
                exclude schema n
                include table t
                include trigger tg
                """, StandardCharsets.UTF_8);
        RestoreOptions.Selection sel = Cli.parse(RestoreCommand.class, "restore", "-t", "t0", "--filter", f.toString(),
                "-f", "-", "x.dump").request().options().selection();
        assertEquals(List.of("f(integer, text)"), sel.functions());
        assertEquals(List.of("i"), sel.indexes());
        assertEquals(List.of("s"), sel.schemas());
        assertEquals(List.of("n"), sel.excludeSchemas());
        assertEquals(List.of("t0", "t"), sel.tables());
        assertEquals(List.of("tg"), sel.triggers());
    }

    @ParameterizedTest
    @CsvSource({"exclude, function, function", "exclude, table, table", "include, database, database",
            "include, table_and_children, table and children", "exclude, foreign_data, foreign data",
            "include, table_data, table data"})
    void otherRulesFailAsPgRestore(String command, String type, String label) throws Exception {
        Path f = dir.resolve("r");
        Files.writeString(f, "\n" + command + " " + type + " x\n", StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("restore", "--filter=" + f, "-l", "x.dump");
        assertEquals(1, run.exitCode());
        assertEquals("pg_restore: error: invalid format in filter read from file \"" + f + "\" on line 2: " + command
                + " filter for \"" + label + "\" is not allowed\n", run.err());
    }
}
