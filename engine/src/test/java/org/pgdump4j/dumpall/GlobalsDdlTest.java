package org.pgdump4j.dumpall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.seclabel.SecurityLabel;

/** The globals' text from records, as pg_dumpall 18.6 writes it (texts taken from its output). */
class GlobalsDdlTest {
    private static final GlobalsStyle ALL = GlobalsStyle.DEFAULT;

    private static Role role(String name, boolean login, int limit, String password, String validUntil,
            String comment, List<String> settings, List<SecurityLabel> labels) {
        return new Role(16384, name, false, true, false, false, login, false, false, limit, password, validUntil,
                comment, settings, labels);
    }

    @Test
    void roleWithEveryAttribute() {
        Role r = role("r_a", true, 5, "SCRAM-SHA-256$x", "2030-01-01 00:00:00+00", "role a's", List.of(),
                List.of(new SecurityLabel(0, "dummy", "classified")));
        assertEquals("""
                CREATE ROLE r_a;
                ALTER ROLE r_a WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS \
                CONNECTION LIMIT 5 PASSWORD 'SCRAM-SHA-256$x' VALID UNTIL '2030-01-01 00:00:00+00';
                COMMENT ON ROLE r_a IS 'role a''s';
                SECURITY LABEL FOR dummy ON ROLE r_a IS 'classified';
                """, RoleDdl.create(r, ALL));
        GlobalsStyle none = new GlobalsStyle(false, false, false, true, false, true);
        assertEquals("""
                CREATE ROLE r_a;
                ALTER ROLE r_a WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS \
                CONNECTION LIMIT 5 VALID UNTIL '2030-01-01 00:00:00+00';
                """, RoleDdl.create(r, none));
        Role superuser = new Role(10, "R b", true, false, true, true, false, true, true, -1, null, null, null,
                List.of(), List.of());
        assertEquals("""
                CREATE ROLE "R b";
                ALTER ROLE "R b" WITH SUPERUSER NOINHERIT CREATEROLE CREATEDB NOLOGIN REPLICATION BYPASSRLS;
                """, RoleDdl.create(superuser, ALL));
    }

    @Test
    void settingsAfterAllRoles() {
        List<Role> roles = List.of(role("a", false, -1, null, null, null, List.of(), List.of()),
                role("x\ny", false, -1, null, null, null, List.of("work_mem=8MB", "search_path=a, \"B c\""),
                        List.of()));
        assertEquals("""

                --
                -- User Configurations
                --

                --
                -- User Config "x y"
                --

                ALTER ROLE "x
                y" SET work_mem TO '8MB';
                ALTER ROLE "x
                y" SET search_path TO 'a', 'B c';
                """, RoleDdl.settings(roles));
        assertEquals("", RoleDdl.settings(List.of()));
    }

    @Test
    void drops() {
        GlobalsStyle ifExists = new GlobalsStyle(true, true, true, true, true, true);
        assertEquals("DROP ROLE IF EXISTS \"R b\";\n", RoleDdl.drop("R b", ifExists));
        assertEquals("DROP ROLE r;\n", RoleDdl.drop("r", ALL));
        assertEquals("DROP TABLESPACE IF EXISTS ts1;\n", TablespaceDdl.drop("ts1", ifExists));
    }

    private static Membership grant(String role, String member, String grantor, long grantorId, boolean admin,
            boolean inherit, boolean set) {
        return new Membership(role, member, grantor, 1, 2, grantorId, admin, inherit, set);
    }

    @Test
    void membershipsWaitForTheirGrantorsAdminOption() {
        // sorted by role, member, grantor: "b" comes first but its grantor "a" gets ADMIN OPTION later
        List<Membership> rows = List.of(
                grant("r", "b", "a", 20, false, false, true),
                grant("r", "a", "postgres", 10, true, true, true),
                grant("s", "a", "postgres", 10, false, false, false));
        assertEquals("""
                GRANT r TO a WITH ADMIN OPTION, INHERIT TRUE GRANTED BY postgres;
                GRANT r TO b WITH INHERIT FALSE GRANTED BY a;
                GRANT s TO a WITH INHERIT FALSE, SET FALSE GRANTED BY postgres;
                """, MembershipDdl.grants(rows, true, w -> { }));
        // before 16: the rows' order, no grantors, no options but ADMIN
        assertEquals("""
                GRANT r TO b;
                GRANT r TO a WITH ADMIN OPTION;
                GRANT s TO a;
                """, MembershipDdl.grants(List.of(
                        new Membership("r", "b", "a", 1, 2, 20, false, null, true),
                        new Membership("r", "a", "postgres", 1, 3, 10, true, null, true),
                        new Membership("s", "a", "postgres", 4, 3, 10, false, null, true)), false, w -> { }));
    }

    @Test
    void orphanedMembershipsAreSkippedWithAWarningAndADroppedGrantorLeftOut() {
        List<String> warnings = new ArrayList<>();
        List<Membership> rows = List.of(
                new Membership("r", null, "postgres", 1, 99, 10, false, true, true),
                new Membership("r", "a", null, 1, 2, 77, false, true, true),
                new Membership(null, "a", "postgres", 98, 2, 10, false, true, true));
        assertEquals("GRANT r TO a WITH INHERIT TRUE;\n", MembershipDdl.grants(rows, true, warnings::add));
        assertEquals(List.of("found orphaned pg_auth_members entry for role 99",
                "found orphaned pg_auth_members entry for role 98"), warnings);
    }

    @Test
    void membershipLoopIsAnError() {
        List<Membership> rows = List.of(grant("r", "a", "b", 20, true, true, true),
                grant("r", "b", "a", 21, true, true, true));
        PgDumpException e = assertThrows(PgDumpException.class, () -> MembershipDdl.grants(rows, true, w -> { }));
        assertEquals("could not find a legal dump ordering for memberships in role \"r\"", e.getMessage());
    }

    @Test
    void parameterPrivileges() {
        assertEquals("GRANT ALTER SYSTEM ON PARAMETER log_min_messages TO r_c WITH GRANT OPTION;\n",
                ParameterAclDdl.grants(new ParameterAcl("log_min_messages", "postgres",
                        List.of("r_c=A*/postgres"), List.of())));
        assertEquals("GRANT ALL ON PARAMETER \"plpgsql.extra_warnings\" TO r_a;\n",
                ParameterAclDdl.grants(new ParameterAcl("plpgsql.extra_warnings", "postgres",
                        List.of("r_a=sA/postgres"), List.of())));
        assertEquals("", ParameterAclDdl.grants(new ParameterAcl("work_mem", "postgres", null, List.of())));
    }

    @Test
    void tablespaces() {
        Ownership own = new Ownership("r_a", List.of("r_a=C/r_a", "r_c=C/r_a"), List.of("r_a=C/r_a"));
        Tablespace inPlace = new Tablespace(16392, "ts1", own, "pg_tblspc/16392", "seq_page_cost=2", "ts",
                List.of(new SecurityLabel(0, "dummy", "x")));
        assertEquals("""
                CREATE TABLESPACE ts1 OWNER r_a LOCATION '';
                ALTER TABLESPACE ts1 SET (seq_page_cost=2);
                GRANT ALL ON TABLESPACE ts1 TO r_c;
                COMMENT ON TABLESPACE ts1 IS 'ts';
                SECURITY LABEL FOR dummy ON TABLESPACE ts1 IS 'x';
                """, TablespaceDdl.create(inPlace, ALL));
        Tablespace plain = new Tablespace(16393, "Big One", new Ownership("postgres", null, List.of()),
                "/srv/it's", "", "", List.of());
        GlobalsStyle oldStrings = new GlobalsStyle(true, true, true, true, false, false);
        assertEquals("CREATE TABLESPACE \"Big One\" OWNER postgres LOCATION '/srv/it''s';\n",
                TablespaceDdl.create(plain, oldStrings));
        GlobalsStyle noAclsNoComments = new GlobalsStyle(true, false, false, false, false, true);
        assertEquals("CREATE TABLESPACE ts1 OWNER r_a LOCATION '';\nALTER TABLESPACE ts1 SET (seq_page_cost=2);\n",
                TablespaceDdl.create(inPlace, noAclsNoComments));
    }
}
