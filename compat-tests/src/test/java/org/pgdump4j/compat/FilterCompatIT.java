package org.pgdump4j.compat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * pg_dump --filter (fixtures/table-data.sql) against real pg_dump 18 on the matrix majors: table, table-and-children,
 * schema and table-data rules, comments, odd spacing and quoting, two files, and rules added to switches given on
 * the command line.
 */
class FilterCompatIT {
    static Stream<Integer> matrixMajors() {
        return PgServers.matrixMajors().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("matrixMajors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        Path tables = write(dir, "tables", """
                # the plain table and a partition tree
                include table   td . plain
                INCLUDE table_and_children "td"."par"
                """);
        Path excludes = write(dir, "excludes", """
                exclude table td.refs   # not this one
                exclude table_data td.plain
                exclude table_data_and_children td.inh

                exclude schema nosuch
                """);
        Path schema = write(dir, "schema", "include schema td\nexclude table_and_children td.par\n");
        try (TestDb db = FamilyCompat.load(major, "table-data.sql")) {
            for (List<String> args : List.of(List.of("--filter", tables.toString()),
                    List.of("--filter=" + schema, "--filter=" + excludes),
                    List.of("-t", "td.serial_owner", "--filter", tables.toString(), "--filter", excludes.toString()),
                    List.of("-s", "--filter=" + schema))) {
                FamilyCompat.assertSameEntries(db, args, "filter " + major + " " + args, dir);
            }
        }
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
