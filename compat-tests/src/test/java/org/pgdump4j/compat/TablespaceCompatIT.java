package org.pgdump4j.compat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * --no-tablespaces and --no-table-access-method against real pg_dump 18, on a database that lives in a tablespace
 * and holds a table and an index in it (fixtures/table-data.sql plus one table). In a script they drop the SET
 * default_tablespace / default_table_access_method lines; under -C --no-tablespaces CREATE DATABASE loses its
 * TABLESPACE clause. The tablespace is an in-place one (allow_in_place_tablespaces, a developer setting the servers
 * have from 15 on), so no directory owned by the server's user is needed.
 */
class TablespaceCompatIT {
    private static final List<List<String>> SETS = List.of(List.of("-C"), List.of("-C", "--no-tablespaces"),
            List.of("--no-table-access-method"), List.of("--no-tablespaces", "--no-table-access-method", "-s"));

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream().filter(m -> m >= 15);
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        String ts = "p4j_inplace_" + ProcessHandle.current().pid();
        try (TestDb admin = PgServers.freshDb(major, "tsadmin")) {
            try (Connection c = admin.connect(); Statement st = c.createStatement()) {
                st.execute("SET allow_in_place_tablespaces = on");
                st.execute("CREATE TABLESPACE " + ts + " LOCATION ''");
            }
            try {
                try (TestDb db = PgServers.freshDb(major, "tablespace")) {
                    admin.execute("ALTER DATABASE " + db.name() + " SET TABLESPACE " + ts);
                    db.execute(Fixtures.text("roles.sql"));
                    db.execute(CompletenessGuardIT.forServer(Fixtures.text("table-data.sql"), major));
                    db.execute("CREATE TABLE td.in_default (id integer) TABLESPACE pg_default;"
                            + "CREATE INDEX in_default_id ON td.in_default (id) TABLESPACE " + ts);
                    for (List<String> args : FamilyCompat.optionSets(major, SETS)) {
                        FamilyCompat.assertSameEntries(db, args, "tablespace " + major + " " + args, dir);
                    }
                }
            } finally {
                admin.execute("DROP TABLESPACE " + ts);
            }
        }
    }
}
