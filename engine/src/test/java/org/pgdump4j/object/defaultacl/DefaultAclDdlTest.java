package org.pgdump4j.object.defaultacl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.defaultacl.DefaultAcl;

class DefaultAclDdlTest {
    private static DefaultAcl acl(String schema, char type, List<String> acl, List<String> baseline) {
        return new DefaultAcl(new ObjectId(826, 16600), "p4j_owner", schema, type, acl, baseline, Components.ALL);
    }

    @Test
    void globalEntriesAreDeltasFromTheBuiltInDefault() {
        DefaultAcl functions = acl(null, 'f', List.of("p4j_owner=X/p4j_owner", "p4j_reader=X/p4j_owner"),
                List.of("=X/p4j_owner", "p4j_owner=X/p4j_owner"));
        assertEquals("ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner REVOKE ALL ON FUNCTIONS FROM PUBLIC;\n"
                + "ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner GRANT ALL ON FUNCTIONS TO p4j_reader;\n",
                DefaultAclDdl.create(functions));
        assertEquals("DEFAULT PRIVILEGES FOR FUNCTIONS", DefaultAclDdl.tag(functions));
    }

    @Test
    void perSchemaEntriesOnlyAdd() {
        DefaultAcl seq = acl("Acl S", 'S', List.of("\"P4J Odd \"\"Role\"\"\"=U*/p4j_owner"), List.of());
        assertEquals("ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner IN SCHEMA \"Acl S\" GRANT USAGE ON SEQUENCES TO "
                + "\"P4J Odd \"\"Role\"\"\" WITH GRANT OPTION;\n", DefaultAclDdl.create(seq));
        DefaultAcl tables = acl("s", 'r', List.of("p4j_reader=ar/p4j_owner"), List.of());
        assertEquals("ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner IN SCHEMA s GRANT SELECT,INSERT ON TABLES TO "
                + "p4j_reader;\n", DefaultAclDdl.create(tables));
    }

    @Test
    void everyObjectType() {
        assertEquals(List.of("TABLES", "SEQUENCES", "FUNCTIONS", "TYPES", "SCHEMAS", "LARGE OBJECTS"),
                "rSfTnL".chars().mapToObj(c -> DefaultAclDdl.type(acl(null, (char) c, List.of(), List.of())))
                        .toList());
        assertThrows(IllegalStateException.class, () -> DefaultAclDdl.type(acl(null, 'x', List.of(), List.of())));
        assertEquals("ALTER DEFAULT PRIVILEGES FOR ROLE p4j_owner GRANT SELECT ON LARGE OBJECTS TO p4j_reader;\n",
                DefaultAclDdl.create(acl(null, 'L', List.of("p4j_owner=rw/p4j_owner", "p4j_reader=r/p4j_owner"),
                        List.of("p4j_owner=rw/p4j_owner"))));
    }
}
