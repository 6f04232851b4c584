package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgdump4j.cli.OptionBinder.Declared;
import org.pgdump4j.cli.OptionBinder.Kind;

/** The hand-copied tables (getopt's, and which options are implemented) agree with the declared options. */
class OptionTablesTest {
    private static Cli.Spec spec(String command) {
        return Cli.spec(command);
    }

    @ParameterizedTest
    @CsvSource({"dump, 74", "restore, 53", "dumpall, 55"}) // dump: pg_dump's 73 and our --archive-version
    void everyOptionOfTheRealProgramIsDeclared(String command, int count) {
        assertEquals(count, spec(command).options().size());
    }

    @ParameterizedTest
    @CsvSource({"dump", "restore", "dumpall"})
    void getoptTableMatchesTheDeclaredOptions(String command) {
        Cli.Spec spec = spec(command);
        GetoptTable table = spec.tool().getoptTable();
        Set<String> tableLongNames = new TreeSet<>();
        for (String name : table.longOptions()) {
            assertTrue(tableLongNames.add("--" + name), "duplicate " + name);
            if (!table.hintOnly().contains("--" + name)) {
                assertTrue(spec.findOption("--" + name) != null, name);
            }
        }
        Set<String> declaredNames = new TreeSet<>();
        for (Declared option : spec.options()) {
            boolean firstArgumentOnly = option.kind() == Kind.FIRST_ARGUMENT;
            for (String name : option.names()) {
                assertTrue(declaredNames.add(name), "declared twice: " + name);
                if (name.startsWith("--")) {
                    if (!firstArgumentOnly || table.hintOnly().contains(name)) {
                        assertTrue(tableLongNames.contains(name), name + " missing from the getopt table");
                    }
                } else if (!firstArgumentOnly) {
                    assertEquals(2, name.length(), name);
                    char c = name.charAt(1);
                    int at = table.optstring().indexOf(c);
                    assertTrue(at >= 0, name + " missing from the optstring");
                    boolean colon = at + 1 < table.optstring().length() && table.optstring().charAt(at + 1) == ':';
                    assertEquals(option.kind().takesArgument(), colon, name);
                }
            }
        }
        for (char c : table.optstring().replace(":", "").toCharArray()) {
            assertTrue(spec.findOption("-" + c) != null || table.hintOnly().contains("-" + c), "-" + c);
        }
        // the glibc view built from it has the same rows, in the same order
        Getopt.Table getopt = ToolRunner.getoptTable(table, spec.options());
        assertEquals(table.longOptions(), getopt.longOptions().stream().map(Getopt.LongOption::name).toList());
    }

    @ParameterizedTest
    @CsvSource({"dump", "restore", "dumpall"})
    void supportTableHasOneRowPerOption(String command) {
        Map<String, SupportedOptions.Status> table = command.equals("dump") ? SupportedOptions.PG_DUMP
                : command.equals("restore") ? SupportedOptions.PG_RESTORE : SupportedOptions.PG_DUMPALL;
        Set<String> declared = spec(command).options().stream().map(Declared::primary)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, new TreeSet<>(table.keySet()));
    }

    @ParameterizedTest
    @CsvSource({"dump, --attribute-inserts, --column-inserts", "dump, --no-acl, --no-privileges",
            "dump, --blobs, --large-objects", "restore, -1, --single-transaction"})
    void primaryNameIsTheFirstLongName(String command, String alias, String primary) {
        assertEquals(primary, spec(command).findOption(alias).declared().primary());
    }

    /** The options method runs twice: a second pass that declares differently is a bug, found at once. */
    @Test
    void aSecondPassMustDeclareTheSameOptions() {
        PgTool changing = new PgTool() {
            private int passes;

            @Override
            public String programName() {
                return "test";
            }

            @Override
            public GetoptTable getoptTable() {
                return new GetoptTable("a", List.of(), Set.of());
            }

            @Override
            public void options(OptionBinder o) {
                o.flag(passes++ == 0 ? "-a --all" : "-a --any");
            }

            @Override
            public int run(java.io.PrintWriter out, java.io.PrintWriter err) {
                return 0;
            }
        };
        assertThrows(IllegalStateException.class, () -> ToolRunner.parse(changing, List.of("-a")));
    }

    /** Each kind of binding, on a small command. */
    @Test
    void kindsBindAsGetoptWouldLeaveThem() {
        Sample s = new Sample();
        ToolRunner.parse(s, List.of("-vv", "x", "-f", "a", "--file=b", "-n", "p", "--name", "q", "-w", "-W", "-a",
                "y"));
        assertEquals(2, s.verbose);
        assertEquals("b", s.file);
        assertEquals(List.of("p", "q"), s.names);
        assertTrue(s.all);
        assertTrue(s.prompt > s.never, s.prompt + " " + s.never);
        assertEquals(List.of("x", "y"), s.operands);
        assertEquals(List.of("--verbose", "--verbose", "--file", "--file", "--name", "--name", "--never", "--prompt",
                "--all"), s.given);
        Sample none = new Sample();
        ToolRunner.parse(none, List.of());
        assertEquals(-1, none.never);
        assertEquals(null, none.file);
        assertEquals(new ArrayList<>(), none.names);
    }

    @Test
    void helpAndVersionCountOnlyAsTheFirstArgument() {
        Sample s = new Sample();
        ToolRunner.parse(s, List.of("-V", "--no-such-option"));
        assertTrue(s.version);
        assertEquals(List.of("--version"), s.given);
        GetoptException e = assertThrows(GetoptException.class, () -> ToolRunner.parse(new Sample(), List.of("-a", "-V")));
        assertEquals("invalid option -- 'V'", e.getMessage());
    }

    private static final class Sample implements PgTool {
        boolean all;
        boolean version;
        int verbose;
        int never;
        int prompt;
        String file;
        List<String> names;
        List<String> operands;
        List<String> given;

        @Override
        public String programName() {
            return "sample";
        }

        @Override
        public GetoptTable getoptTable() {
            return new GetoptTable("af:n:vwW", List.of("all", "file", "name", "verbose", "never", "prompt"), Set.of());
        }

        @Override
        public void options(OptionBinder o) {
            all = o.flag("-a --all");
            version = o.firstArgument("-V --version");
            verbose = o.count("-v --verbose");
            never = o.last("-w --never");
            prompt = o.last("-W --prompt");
            file = o.string("-f --file");
            names = o.list("-n --name");
            operands = o.operands();
            given = o.given();
        }

        @Override
        public int run(java.io.PrintWriter out, java.io.PrintWriter err) {
            return 0;
        }
    }
}
