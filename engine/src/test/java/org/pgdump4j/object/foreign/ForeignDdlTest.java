package org.pgdump4j.object.foreign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.foreign.ForeignDataWrapper;
import org.pgdump4j.model.foreign.ForeignServer;
import org.pgdump4j.model.foreign.ForeignServer.UserMapping;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

class ForeignDdlTest {
    private static final Ownership OWNER = new Ownership("o", null, List.of());

    private static ForeignDataWrapper wrapper(String name, String handler, String validator, List<String> options) {
        return new ForeignDataWrapper(new ObjectId(2328, 16400), name, handler, validator, options, OWNER, null,
                Components.ALL);
    }

    private static ForeignServer server(String name, String type, String version, List<String> options,
            List<UserMapping> mappings) {
        return new ForeignServer(new ObjectId(1417, 16401), name, "My Fdw", type, version, options, mappings, OWNER,
                "c", Components.ALL);
    }

    @Test
    void wrapperWithoutFunctionsOrOptionsIsBare() {
        ForeignDataWrapper w = wrapper("Odd \"W\"", null, null, List.of());
        assertEquals("CREATE FOREIGN DATA WRAPPER \"Odd \"\"W\"\"\";\n", ForeignDdl.create(w));
        assertEquals("DROP FOREIGN DATA WRAPPER \"Odd \"\"W\"\"\";\n", ForeignDdl.drop(w));
    }

    @Test
    void wrapperWritesHandlerValidatorAndOneOptionALine() {
        // the functions as regproc prints them, the options as the server quoted them
        assertEquals("CREATE FOREIGN DATA WRAPPER w HANDLER public.h VALIDATOR \"S\".v OPTIONS (\n"
                + "    a 'x',\n    \"user\" E'b\\\\c'\n);\n",
                ForeignDdl.create(wrapper("w", "public.h", "\"S\".v", List.of("a 'x'", "\"user\" E'b\\\\c'"))));
        assertEquals("CREATE FOREIGN DATA WRAPPER w VALIDATOR v;\n",
                ForeignDdl.create(wrapper("w", null, "v", List.of())));
    }

    @Test
    void serverWritesTypeAndVersionOnlyWhenNotEmpty() {
        assertEquals("CREATE SERVER s FOREIGN DATA WRAPPER \"My Fdw\";\n",
                ForeignDdl.create(server("s", null, "", List.of(), List.of())));
        assertEquals("CREATE SERVER \"S 1\" TYPE 'it''s' VERSION '1.0' FOREIGN DATA WRAPPER \"My Fdw\" OPTIONS (\n"
                + "    host 'h'\n);\n",
                ForeignDdl.create(server("S 1", "it's", "1.0", List.of("host 'h'"), List.of())));
        assertEquals("DROP SERVER \"S 1\";\n", ForeignDdl.drop(server("S 1", null, null, List.of(), List.of())));
    }

    @Test
    void userMappingsQuoteInTheStatementsButNotInTheTag() {
        ForeignServer s = server("S 1", null, null, List.of(), List.of());
        UserMapping odd = new UserMapping("Odd \"R\"", List.of("\"user\" 'u'", "password 'p'"));
        assertEquals("USER MAPPING Odd \"R\" SERVER S 1", ForeignDdl.tag(s, odd));
        assertEquals("CREATE USER MAPPING FOR \"Odd \"\"R\"\"\" SERVER \"S 1\" OPTIONS (\n    \"user\" 'u',\n"
                + "    password 'p'\n);\n", ForeignDdl.create(s, odd));
        assertEquals("DROP USER MAPPING FOR \"Odd \"\"R\"\"\" SERVER \"S 1\";\n", ForeignDdl.drop(s, odd));
        UserMapping pub = new UserMapping("public", List.of());
        assertEquals("CREATE USER MAPPING FOR public SERVER \"S 1\";\n", ForeignDdl.create(s, pub));
    }

    @Test
    void serverEmitsDefinitionCommentAclThenItsUserMappings() {
        ForeignServer s = server("s", null, null, List.of(), List.of(new UserMapping("a", List.of()),
                new UserMapping("public", List.of())));
        List<String> calls = new ArrayList<>();
        ForeignEmitter.server(s, new EntrySink() {
            @Override
            public void definition(EntryKind kind, String tag, String namespace, String owner, String create,
                    String drop) {
                calls.add(kind.desc() + " " + tag + " " + owner);
            }

            @Override
            public void comment(String type, String name, String namespace, String owner, String text) {
                calls.add("COMMENT " + type + " " + name + " " + text);
            }

            @Override
            public void acl(String type, String name, String namespace, Ownership ownership) {
                calls.add("ACL " + type + " " + name);
            }

            @Override
            public void securityLabels(String type, String name, String namespace, String owner) {
                calls.add("SECURITY LABEL " + type + " " + name); // pg_dump writes none for servers
            }

            @Override
            public void privilegesDefinition(EntryKind kind, String tag, String namespace, String owner,
                    String create) {
                calls.add("privileges " + tag);
            }

            @Override
            public void warning(String message) {
                calls.add("warning " + message);
            }

            @Override
            public void userMapping(String tag, String owner, String create, String drop) {
                calls.add(tag + " " + owner);
            }

            @Override
            public boolean inline(ObjectId part) {
                return false;
            }
        });
        assertEquals(List.of("SERVER s o", "COMMENT SERVER s c", "ACL FOREIGN SERVER s", "USER MAPPING a SERVER s o",
                "USER MAPPING public SERVER s o"), calls);
    }
}
