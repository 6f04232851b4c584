package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --help} stars exactly the options not implemented yet; {@code --version} has the real tools' form. */
class ToolTextTest {
    private static Map<String, SupportedOptions.Status> table(String program) {
        return program.equals("pg_dump") ? SupportedOptions.PG_DUMP : SupportedOptions.PG_RESTORE;
    }

    @ParameterizedTest
    @CsvSource({"pg_dump, dump", "pg_restore, restore"})
    void helpStarsTheOptionsNotSupportedYet(String program, String command) {
        String help = Cli.run(command, "--help").out();
        long notYet = table(program).values().stream().filter(s -> s == SupportedOptions.Status.NOT_YET).count();
        // the note only while something is starred (pg_restore's options are all implemented)
        assertEquals(notYet > 0, help.endsWith(ToolText.NOT_YET_NOTE), help);
        Pattern line = Pattern.compile("(?m)^(\\* |  )(?:-[^-], )?(--[a-z0-9-]+)");
        Matcher m = line.matcher(help);
        int starred = 0;
        while (m.find()) {
            SupportedOptions.Status status = table(program).get(m.group(2));
            if (status != null) {
                assertEquals(status == SupportedOptions.Status.NOT_YET, m.group(1).equals("* "), m.group());
                starred += m.group(1).equals("* ") ? 1 : 0;
            }
        }
        assertTrue(starred <= notYet && (starred > 0) == (notYet > 0), starred + " of " + notYet);
        if (program.equals("pg_dump")) {
            assertTrue(help.contains("\n  -j, --jobs=NUM               use this many parallel jobs to dump\n"), help);
            assertTrue(help.contains("\n  --blobs                      (same as --large-objects, deprecated)\n"), help);
            assertTrue(help.contains("\n* --binary-upgrade             for use by upgrade utilities only\n"), help);
            assertTrue(help.contains("\n  -f, --file=FILENAME          output file or directory name\n"), help);
        }
    }

    @ParameterizedTest
    @CsvSource({"dump, pg_dump", "restore, pg_restore", "dumpall, pg_dumpall"})
    void versionSaysThePostgresReleaseFirstSoScriptsParsingItSeeOne(String command, String program) {
        String out = Cli.run(command, "--version").out();
        assertTrue(out.matches(Pattern.quote(program) + " \\(PostgreSQL\\) 18\\.[0-9]+ \\(pgdump4j [0-9]+\\.[0-9]+\\.[0-9]+"
                + "(-SNAPSHOT)?\\)\n"), out);
        // what `pg_dump --version | grep -oE '[0-9]+\.[0-9]+'` sees first
        Matcher first = Pattern.compile("[0-9]+\\.[0-9]+").matcher(out);
        assertTrue(first.find());
        assertTrue(first.group().startsWith("18."), first.group());
        assertEquals(List.of(), Cli.run(command, "--version").errLines());
    }
}
