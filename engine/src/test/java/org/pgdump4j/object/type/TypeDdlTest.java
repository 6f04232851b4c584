package org.pgdump4j.object.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.type.DomainConstraint;
import org.pgdump4j.model.type.TypeBody;
import org.pgdump4j.model.type.UserType;

/** Records to the exact text pg_dump 18 writes (texts taken from its output on the same objects). */
class TypeDdlTest {
    private static final Ownership OWN = new Ownership("postgres", null, List.of());

    private static UserType type(String schema, String name, TypeBody body) {
        return new UserType(new ObjectId(UserType.PG_TYPE, 16500), schema, name, OWN, null, Components.ALL, body);
    }

    @Test
    void enumLabelsAreLiteralsInOrder() {
        UserType t = type("Odd Schema", "Mood \"q\"", new TypeBody.Enumerated(List.of("a", "b'q", "", "😀")));
        assertEquals("CREATE TYPE \"Odd Schema\".\"Mood \"\"q\"\"\" AS ENUM (\n    'a',\n    'b''q',\n    '',\n"
                + "    '😀'\n);\n", TypeDdl.createEnum(t, (TypeBody.Enumerated) t.body()));
        assertEquals("CREATE TYPE s.e AS ENUM (\n);\n", TypeDdl.createEnum(type("s", "e",
                new TypeBody.Enumerated(List.of())), new TypeBody.Enumerated(List.of())));
        assertEquals("DROP TYPE \"Odd Schema\".\"Mood \"\"q\"\"\";\n", TypeDdl.dropType(t));
    }

    @Test
    void compositeAttributesWithCollations() {
        var c = new TypeBody.Composite(List.of(new TypeBody.Attribute("b", "text", "pg_catalog.\"C\"", "x"),
                new TypeBody.Attribute("Odd Col", "s.e[]", null, null)));
        assertEquals("CREATE TYPE s.comp AS (\n\tb text COLLATE pg_catalog.\"C\",\n\t\"Odd Col\" s.e[]\n);\n",
                TypeDdl.createComposite(type("s", "comp", c), c));
        var empty = new TypeBody.Composite(List.of());
        assertEquals("CREATE TYPE s.empty AS (\n);\n", TypeDdl.createComposite(type("s", "empty", empty), empty));
    }

    @Test
    void rangeOptionsInPgDumpsOrder() {
        var r = new TypeBody.Range("text", "s.\"Multi\"", "pg_catalog.text_pattern_ops", "pg_catalog.\"C\"",
                "s.canon", "float8mi");
        assertEquals("CREATE TYPE s.r AS RANGE (\n    subtype = text,\n    multirange_type_name = s.\"Multi\",\n"
                + "    subtype_opclass = pg_catalog.text_pattern_ops,\n    collation = pg_catalog.\"C\",\n"
                + "    canonical = s.canon,\n    subtype_diff = float8mi\n);\n", TypeDdl.createRange(type("s", "r", r), r));
        var plain = new TypeBody.Range("integer", null, null, null, null, null);
        assertEquals("CREATE TYPE s.r AS RANGE (\n    subtype = integer\n);\n",
                TypeDdl.createRange(type("s", "r", plain), plain));
    }

    @Test
    void domainNotNullDefaultCollationAndChecks() {
        ObjectId k1 = new ObjectId(ObjectId.PG_CONSTRAINT, 1);
        ObjectId k2 = new ObjectId(ObjectId.PG_CONSTRAINT, 2);
        var d = new TypeBody.Domain("integer", null, new TypeBody.NotNull("nn", null), "5",
                List.of(new TypeBody.DomainCheck(k1, "pos", "CHECK ((VALUE > 0))", true, null),
                        new TypeBody.DomainCheck(k2, "Later", "CHECK ((VALUE < 9)) NOT VALID", false, null)));
        UserType t = type("s", "d1", d);
        assertEquals("CREATE DOMAIN s.d1 AS integer CONSTRAINT nn NOT NULL DEFAULT 5\n\tCONSTRAINT pos CHECK ((VALUE > 0));\n",
                TypeDdl.createDomain(t, d, TypeBody.DomainCheck::validated));
        // the server's own name for the NOT NULL is not written; nor before 17, where it has none
        var d2 = new TypeBody.Domain("text", "pg_catalog.\"C\"", new TypeBody.NotNull("d2_not_null", null),
                "'it''s'::text", List.of());
        assertEquals("CREATE DOMAIN s.d2 AS text COLLATE pg_catalog.\"C\" NOT NULL DEFAULT 'it''s'::text;\n",
                TypeDdl.createDomain(type("s", "d2", d2), d2, c -> true));
        var d3 = new TypeBody.Domain("integer[]", null, new TypeBody.NotNull(null, null), null, List.of());
        assertEquals("CREATE DOMAIN s.d3 AS integer[] NOT NULL;\n", TypeDdl.createDomain(type("s", "d3", d3), d3, c -> true));
        assertEquals("DROP DOMAIN s.d1;\n", TypeDdl.dropDomain(t));
        var sep = new DomainConstraint(k2, t.id(), "s", "d1", "Later", "CHECK ((VALUE < 9)) NOT VALID", false,
                "postgres", null, Components.ALL);
        assertEquals("ALTER DOMAIN s.d1\n    ADD CONSTRAINT \"Later\" CHECK ((VALUE < 9)) NOT VALID;\n",
                TypeDdl.addDomainConstraint(sep));
        assertEquals("ALTER DOMAIN s.d1 DROP CONSTRAINT \"Later\";\n", TypeDdl.dropDomainConstraint(sep));
    }

    @Test
    void baseTypeEveryOption() {
        var b = new TypeBody.Base(-1, "tb.\"My Text_in\"", "tb.\"My Text_out\"", "tb.r", "tb.s", "tb.vc_typmod_in",
                "tb.vc_typmod_out", "array_typanalyze", "raw_array_subscript_handler", true, "'x'::text",
                "double precision", 'S', true, ';', 'd', 'x', false);
        assertEquals("CREATE TYPE tb.\"My Text\" (\n    INTERNALLENGTH = variable,\n    INPUT = tb.\"My Text_in\",\n"
                + "    OUTPUT = tb.\"My Text_out\",\n    RECEIVE = tb.r,\n    SEND = tb.s,\n"
                + "    TYPMOD_IN = tb.vc_typmod_in,\n    TYPMOD_OUT = tb.vc_typmod_out,\n    ANALYZE = array_typanalyze,\n"
                + "    COLLATABLE = true,\n    DEFAULT = 'x'::text,\n    SUBSCRIPT = raw_array_subscript_handler,\n"
                + "    ELEMENT = double precision,\n    CATEGORY = 'S',\n    PREFERRED = true,\n    DELIMITER = ';',\n"
                + "    ALIGNMENT = double,\n    STORAGE = extended\n);\n",
                TypeDdl.createBase(type("tb", "My Text", b), b));
        var small = new TypeBody.Base(4, "tb.myint_in", "tb.myint_out", null, null, null, null, null, null, false,
                "'42'", null, 'U', false, ',', 'i', 'p', true);
        assertEquals("CREATE TYPE tb.myint (\n    INTERNALLENGTH = 4,\n    INPUT = tb.myint_in,\n"
                + "    OUTPUT = tb.myint_out,\n    DEFAULT = '42',\n    ALIGNMENT = int4,\n    STORAGE = plain,\n"
                + "    PASSEDBYVALUE\n);\n", TypeDdl.createBase(type("tb", "myint", small), small));
        assertEquals("DROP TYPE tb.myint CASCADE;\n", TypeDdl.dropBase(type("tb", "myint", small)));
        assertEquals("CREATE TYPE \"Odd Schema\".\"Shell \"\"q\"\"\";\n", TypeDdl.createShell("Odd Schema", "Shell \"q\""));
    }
}
