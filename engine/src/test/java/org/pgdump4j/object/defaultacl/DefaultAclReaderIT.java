package org.pgdump4j.object.defaultacl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pgdump4j.model.defaultacl.DefaultAcl;
import org.pgdump4j.object.FamilyReading;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;

/**
 * Default privileges read to the same statements on every server 10..18: global entries against acldefault(),
 * per-schema ones against nothing; large objects on 18.
 */
class DefaultAclReaderIT {
    private static final String FIXTURE = """
            DO $$BEGIN CREATE ROLE p4j_owner; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            DO $$BEGIN CREATE ROLE p4j_reader; EXCEPTION WHEN duplicate_object THEN NULL; END$$;
            CREATE SCHEMA "Acl S";
            ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner IN SCHEMA "Acl S" GRANT SELECT, INSERT ON TABLES TO p4j_reader;
            ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner IN SCHEMA "Acl S"
                GRANT USAGE ON SEQUENCES TO p4j_reader WITH GRANT OPTION;
            ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
            ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner REVOKE USAGE ON TYPES FROM PUBLIC;
            ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner GRANT CREATE ON SCHEMAS TO p4j_reader;
            --@ 18+ ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner GRANT SELECT ON LARGE OBJECTS TO p4j_reader;
            """;

    static Stream<Integer> majors() {
        return PgServers.everyMajor().stream();
    }

    @ParameterizedTest(name = "server {0}")
    @MethodSource("majors")
    void readsDefaultPrivileges(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "defaclread"); Connection c = db.connect()) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            List<String> read = FamilyReading.read(c, new DefaultAclReader()).stream().map(o -> (DefaultAcl) o)
                    .map(d -> d.schema() + " " + DefaultAclDdl.tag(d) + " " + d.components().isEmpty() + ": "
                            + DefaultAclDdl.create(d))
                    .sorted().toList();
            String global = "ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner ";
            String inSchema = global + "IN SCHEMA \"Acl S\" ";
            List<String> expected = new ArrayList<>(List.of(
                    "Acl S DEFAULT PRIVILEGES FOR SEQUENCES false: " + inSchema
                            + "GRANT USAGE ON SEQUENCES TO p4j_reader WITH GRANT OPTION;\n",
                    "Acl S DEFAULT PRIVILEGES FOR TABLES false: " + inSchema
                            + "GRANT SELECT,INSERT ON TABLES TO p4j_reader;\n",
                    "null DEFAULT PRIVILEGES FOR FUNCTIONS false: " + global + "REVOKE ALL ON FUNCTIONS FROM PUBLIC;\n",
                    "null DEFAULT PRIVILEGES FOR SCHEMAS false: " + global + "GRANT CREATE ON SCHEMAS TO p4j_reader;\n",
                    "null DEFAULT PRIVILEGES FOR TYPES false: " + global + "REVOKE ALL ON TYPES FROM PUBLIC;\n"));
            if (major >= 18) {
                expected.add("null DEFAULT PRIVILEGES FOR LARGE OBJECTS false: " + global
                        + "GRANT SELECT ON LARGE OBJECTS TO p4j_reader;\n");
            }
            assertEquals(expected.stream().sorted().toList(), read);
        }
    }
}
