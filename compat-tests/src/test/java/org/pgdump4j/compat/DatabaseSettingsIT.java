package org.pgdump4j.compat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.TestDb;

/**
 * A database's settings and its roles' settings in it (fixtures/database-settings.sql), as real pg_dump 18 writes
 * them with -C: the DATABASE PROPERTIES entry, from every major, in the plain script and with -a too.
 */
class DatabaseSettingsIT {
    @ParameterizedTest(name = "server {0}")
    @MethodSource("org.pgdump4j.testing.PgServers#everyMajor")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "database-settings.sql")) {
            for (List<String> args : FamilyCompat.optionSets(major, List.of(List.of("-C"), List.of("-C", "-a"),
                    List.of("-C", "-s", "-c", "--if-exists")))) {
                FamilyCompat.assertSameEntries(db, args, "dbsettings " + major + " " + args, dir);
            }
        }
    }
}
