package org.pgdump4j.object.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.operator.AccessMethod;
import org.pgdump4j.model.operator.OpMember;
import org.pgdump4j.model.operator.Operator;
import org.pgdump4j.model.operator.OperatorClass;
import org.pgdump4j.model.operator.OperatorFamily;

/** Records to the exact text pg_dump 18's dumpOpr, dumpOpclass, dumpOpfamily and dumpAccessMethod write. */
class OperatorDdlTest {
    private static final ObjectId ID = new ObjectId(2617, 16500);
    private static final String ODD = "Odd \"Ops\"";

    private static Operator op(char kind, String function, String left, String right) {
        return new Operator(ID, "ops", "===", kind, "me", function, left, right, null, null, false, false, null, null,
                null, "", Components.ALL);
    }

    @Test
    void infixOperatorWithEveryOption() {
        Operator o = new Operator(ID, ODD, "===", 'b', "me", "ops.\"My Eq\"", "integer", "public.\"Odd Type\"",
                new QualifiedName(ODD, "==="), new QualifiedName("ops", "!=="), true, true, "eqsel", "eqjoinsel",
                null, "", Components.ALL);
        assertEquals("""
                CREATE OPERATOR "Odd ""Ops""\".=== (
                    FUNCTION = ops."My Eq",
                    LEFTARG = integer,
                    RIGHTARG = public."Odd Type",
                    COMMUTATOR = OPERATOR("Odd ""Ops""\".===),
                    NEGATOR = OPERATOR(ops.!==),
                    MERGES,
                    HASHES,
                    RESTRICT = eqsel,
                    JOIN = eqjoinsel
                );
                """, OperatorDdl.create(o));
        assertEquals("DROP OPERATOR \"Odd \"\"Ops\"\"\".=== (integer, public.\"Odd Type\");\n", OperatorDdl.drop(o));
        assertEquals("=== (integer, public.\"Odd Type\")", OperatorDdl.signature(o));
    }

    @Test
    void prefixAndPostfixOperatorsNameTheMissingOperandNone() {
        Operator prefix = op('l', "int8um", null, "bigint");
        assertEquals("CREATE OPERATOR ops.=== (\n    FUNCTION = int8um,\n    RIGHTARG = bigint\n);\n",
                OperatorDdl.create(prefix));
        assertEquals("=== (NONE, bigint)", OperatorDdl.signature(prefix));
        Operator postfix = op('r', "numeric_fac", "bigint", null);
        assertEquals("CREATE OPERATOR ops.=== (\n    FUNCTION = numeric_fac,\n    LEFTARG = bigint\n);\n",
                OperatorDdl.create(postfix));
        assertEquals("DROP OPERATOR ops.=== (bigint, NONE);\n", OperatorDdl.drop(postfix));
    }

    @Test
    void shellOperatorHasNoDefinition() {
        Operator shell = op('b', null, "integer", "integer");
        assertTrue(shell.isShell());
        assertThrows(IllegalArgumentException.class, () -> OperatorDdl.create(shell));
    }

    /** DOTypeNameCompare: postfix, prefix, infix; then the operand types, a shorter name first as strcmp has it. */
    @Test
    void tiebreakOrdersKindsThenOperandTypes() {
        Operator postfix = new Operator(ID, "s", "!", 'r', "me", "f", "bigint", null, null, null, false, false, null,
                null, null, "x", Components.ALL);
        Operator prefix = new Operator(ID, "s", "!", 'l', "me", "f", null, "bigint", null, null, false, false, null,
                null, null, "a", Components.ALL);
        Operator infix = new Operator(ID, "s", "!", 'b', "me", "f", "x", "y", null, null, false, false, null, null,
                null, "", Components.ALL);
        assertTrue(postfix.tiebreak().compareTo(prefix.tiebreak()) < 0);
        assertTrue(prefix.tiebreak().compareTo(infix.tiebreak()) < 0);
    }

    @Test
    void functionNameCutsTheArgumentsOutsideQuotes() {
        assertEquals("int4eq", OperatorDdl.functionName("int4eq(integer,integer)"));
        assertEquals("ops.\"f(x\"", OperatorDdl.functionName("ops.\"f(x\"(integer)"));
        assertEquals("eqsel", OperatorDdl.functionName("eqsel"));
    }

    @Test
    void classWithEveryClause() {
        OperatorClass c = new OperatorClass(new ObjectId(2616, 1), ODD, "My Class", "My Am", "me", true, "integer[]",
                "integer", new QualifiedName("ops", "Fam"), List.of(
                        new OpMember.Op(1, "&&(anyarray,anyarray)", null),
                        new OpMember.Op(15, "<->(point,point)", new QualifiedName("pg_catalog", "float_ops")),
                        new OpMember.Proc(1, "integer[]", "integer[]", "btint4cmp(integer,integer)")),
                null, Components.ALL);
        assertEquals("""
                CREATE OPERATOR CLASS "Odd ""Ops""\"."My Class"
                    DEFAULT FOR TYPE integer[] USING "My Am" FAMILY ops."Fam" AS
                    STORAGE integer ,
                    OPERATOR 1 &&(anyarray,anyarray) ,
                    OPERATOR 15 <->(point,point) FOR ORDER BY pg_catalog.float_ops ,
                    FUNCTION 1 (integer[], integer[]) btint4cmp(integer,integer);
                """, OpclassDdl.createClass(c));
        assertEquals("DROP OPERATOR CLASS \"Odd \"\"Ops\"\"\".\"My Class\" USING \"My Am\";\n", OpclassDdl.dropClass(c));
        assertEquals("\"My Class\" USING \"My Am\"", OpclassDdl.nameUsing(c.name(), c.accessMethod()));
        assertEquals("My Am", c.tiebreak());
    }

    /** Nothing after AS would not parse: pg_dump writes a no-op STORAGE of the input type. */
    @Test
    void classWithoutMembersStoresItsType() {
        OperatorClass c = new OperatorClass(new ObjectId(2616, 1), "ops", "c", "btree", "me", false, "integer", null,
                null, List.of(), null, Components.ALL);
        assertEquals("CREATE OPERATOR CLASS ops.c\n    FOR TYPE integer USING btree AS\n    STORAGE integer;\n",
                OpclassDdl.createClass(c));
    }

    @Test
    void familyWithAndWithoutLooseMembers() {
        OperatorFamily empty = new OperatorFamily(new ObjectId(2753, 1), "ops", "Fam", "btree", "me", List.of(), null,
                Components.ALL);
        assertEquals("CREATE OPERATOR FAMILY ops.\"Fam\" USING btree;\n", OpclassDdl.createFamily(empty));
        assertEquals("DROP OPERATOR FAMILY ops.\"Fam\" USING btree;\n", OpclassDdl.dropFamily(empty));
        OperatorFamily loose = new OperatorFamily(new ObjectId(2753, 1), ODD, "f", "gist", "me", List.of(
                new OpMember.Op(15, "<->(point,point)", new QualifiedName("zz", "My Float")),
                new OpMember.Proc(1, "integer", "bigint", "btint48cmp(integer,bigint)")), null, Components.ALL);
        assertEquals("""
                CREATE OPERATOR FAMILY "Odd ""Ops""\".f USING gist;
                ALTER OPERATOR FAMILY "Odd ""Ops""\".f USING gist ADD
                    OPERATOR 15 <->(point,point) FOR ORDER BY zz."My Float" ,
                    FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint);
                """, OpclassDdl.createFamily(loose));
    }

    @Test
    void accessMethodsOfEachType() {
        AccessMethod index = new AccessMethod(new ObjectId(2601, 1), "My Btree", 'i', "bthandler", null,
                Components.ALL);
        assertEquals("CREATE ACCESS METHOD \"My Btree\" TYPE INDEX HANDLER bthandler;\n", AccessMethodDdl.create(index));
        assertEquals("DROP ACCESS METHOD \"My Btree\";\n", AccessMethodDdl.drop(index));
        AccessMethod table = new AccessMethod(new ObjectId(2601, 1), "heap2", 't', "heap_tableam_handler", null,
                Components.ALL);
        assertEquals("CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;\n",
                AccessMethodDdl.create(table));
        assertNull(AccessMethodDdl.create(new AccessMethod(new ObjectId(2601, 1), "x", 'z', "h", null,
                Components.ALL)));
    }
}
