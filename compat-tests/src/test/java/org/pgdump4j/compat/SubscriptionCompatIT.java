package org.pgdump4j.compat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * Subscriptions (fixtures/subscription.sql, all without a publisher) against real pg_dump 18 on every major,
 * with --no-subscriptions and -n leaving them out; psql 18 restores the dump (connect = false needs no
 * publisher). A database holding a subscription with a slot cannot be dropped: each is disabled, detached from
 * its slot and dropped first.
 */
class SubscriptionCompatIT {
    static final String DROP_SUBSCRIPTIONS = """
            DO $$DECLARE s record;
            BEGIN
                FOR s IN SELECT subname FROM pg_catalog.pg_subscription WHERE subdbid = (SELECT oid
                           FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()) LOOP
                    EXECUTE format('ALTER SUBSCRIPTION %I DISABLE', s.subname);
                    EXECUTE format('ALTER SUBSCRIPTION %I SET (slot_name = NONE)', s.subname);
                    EXECUTE format('DROP SUBSCRIPTION %I', s.subname);
                END LOOP;
            END$$""";

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    static Stream<Integer> roundTripMajors() {
        return FamilyCompat.roundTripMajors();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void sameEntriesAsPgDump(int major, @TempDir Path dir) throws Exception {
        try (TestDb db = FamilyCompat.load(major, "subscription.sql")) {
            try {
                List<List<String>> sets = List.of(List.<String>of(), List.of("-s"), List.of("-a"),
                        List.of("--no-comments"), List.of("--no-subscriptions"), List.of("-n", "sub_s"),
                        List.of("-c", "--if-exists"));
                for (List<String> args : FamilyCompat.optionSets(major, sets)) {
                    FamilyCompat.assertSameEntries(db, args, "subscription " + major + " " + args, dir);
                }
            } finally {
                db.execute(DROP_SUBSCRIPTIONS);
            }
        }
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("roundTripMajors")
    void psqlRestoresIt(int major, @TempDir Path dir) throws Exception {
        FamilyCompat.rolesOn18();
        try (TestDb db = FamilyCompat.load(major, "subscription.sql")) {
            try {
                FamilyCompat.assertRoundTrip(db, dir, DROP_SUBSCRIPTIONS);
            } finally {
                db.execute(DROP_SUBSCRIPTIONS);
            }
        }
    }
}
