package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The hand-copied tables (getopt's, and which options are implemented) agree with the declared options. */
class OptionTablesTest {
    private static CommandSpec spec(String command) {
        return Cli.spec(command);
    }

    private static boolean firstArgumentOnly(OptionSpec option) {
        return Arrays.asList(option.names()).contains("--help") || Arrays.asList(option.names()).contains("--version");
    }

    @ParameterizedTest
    @CsvSource({"dump, 74", "restore, 53", "dumpall, 55"}) // dump: pg_dump's 73 and our --archive-version
    void everyOptionOfTheRealProgramIsDeclared(String command, int count) {
        assertEquals(count, spec(command).options().size());
    }

    @ParameterizedTest
    @CsvSource({"dump", "restore", "dumpall"})
    void getoptTableMatchesTheDeclaredOptions(String command) {
        CommandSpec spec = spec(command);
        GetoptTable table = ((PgTool) spec.userObject()).getoptTable();
        Set<String> tableLongNames = new TreeSet<>();
        for (String name : table.longOptions()) {
            assertTrue(tableLongNames.add("--" + name), "duplicate " + name);
            if (!table.hintOnly().contains("--" + name)) {
                assertNotNull(spec.findOption("--" + name), name);
            }
        }
        for (OptionSpec option : spec.options()) {
            boolean takesArgument = option.arity().max() > 0;
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    if (!firstArgumentOnly(option) || table.hintOnly().contains(name)) {
                        assertTrue(tableLongNames.contains(name), name + " missing from the getopt table");
                    }
                } else if (!firstArgumentOnly(option)) {
                    char c = name.charAt(1);
                    int at = table.optstring().indexOf(c);
                    assertTrue(at >= 0, name + " missing from the optstring");
                    boolean colon = at + 1 < table.optstring().length() && table.optstring().charAt(at + 1) == ':';
                    assertEquals(takesArgument, colon, name);
                }
            }
        }
        for (char c : table.optstring().replace(":", "").toCharArray()) {
            OptionSpec option = spec.findOption("-" + c);
            assertTrue(option != null || table.hintOnly().contains("-" + c), "-" + c);
        }
        // the glibc view built from it has the same rows
        assertEquals(table.longOptions().size(), GetoptPreprocessor.getoptTable(table, spec).longOptions().size());
    }

    @ParameterizedTest
    @CsvSource({"dump", "restore", "dumpall"})
    void supportTableHasOneRowPerOption(String command) {
        CommandSpec spec = spec(command);
        Map<String, SupportedOptions.Status> table = command.equals("dump") ? SupportedOptions.PG_DUMP
                : command.equals("restore") ? SupportedOptions.PG_RESTORE : SupportedOptions.PG_DUMPALL;
        Set<String> declared = spec.options().stream().map(SupportedOptions::primaryName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, new TreeSet<>(table.keySet()));
    }

    @ParameterizedTest
    @CsvSource({"dump, --attribute-inserts, --column-inserts", "dump, --no-acl, --no-privileges",
            "dump, --blobs, --large-objects", "restore, -1, --single-transaction"})
    void primaryNameIsTheFirstLongName(String command, String alias, String primary) {
        assertEquals(primary, SupportedOptions.primaryName(spec(command).findOption(alias)));
    }
}
