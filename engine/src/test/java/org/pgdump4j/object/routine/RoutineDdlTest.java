package org.pgdump4j.object.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.routine.Aggregate;
import org.pgdump4j.model.routine.ArgType;
import org.pgdump4j.model.routine.Routine;
import org.pgdump4j.model.routine.Signature;

class RoutineDdlTest {
    private static final ArgType INT = new ArgType("integer", "pg_catalog", "int4");
    private static final ArgType TEXT = new ArgType("text", "pg_catalog", "text");
    private static final Ownership OWNER = new Ownership("postgres", null, List.of());

    private static Routine routine(String schema, Signature sig, char prokind, String result, boolean retset,
            String lang, List<String> trf, char vol, boolean strict, boolean secdef, boolean leak, String cost,
            String rows, String support, char parallel, List<String> config, Routine.Body body, List<String> ext) {
        return new Routine(new ObjectId(1255, 16400), schema, sig, prokind, result, retset, lang, trf, vol, strict,
                secdef, leak, cost, rows, support, parallel, config, body, ext, OWNER, null, Components.ALL);
    }

    private static Routine plain(Signature sig, String lang, String cost, Routine.Body body) {
        return routine("s", sig, 'f', "integer", false, lang, List.of(), 'v', false, false, false, cost, "0", null,
                'u', List.of(), body, List.of());
    }

    @Test
    void everyFunctionOption() {
        Signature sig = new Signature("F x", List.of(INT, TEXT), "a integer, VARIADIC b text[] DEFAULT '{}'::text[]",
                "a integer, VARIADIC b text[]");
        Routine r = routine("My Schema", sig, 'w', "SETOF integer", true, "c", List.of("hstore", "my.\"T\""), 's',
                true, true, true, "2.5", "20", "s.supp", 's',
                List.of("search_path=\"a b\", public, \"\"", "work_mem=2MB", "x.y=it's", "broken"),
                new Routine.Source("sym'bol", "$libdir/lib"), List.of("ext one"));
        assertEquals("""
                CREATE FUNCTION "My Schema"."F x"(a integer, VARIADIC b text[] DEFAULT '{}'::text[]) RETURNS SETOF integer
                    LANGUAGE c TRANSFORM FOR TYPE hstore, FOR TYPE my."T" WINDOW STABLE STRICT SECURITY DEFINER LEAKPROOF COST 2.5 ROWS 20 SUPPORT s.supp PARALLEL SAFE
                    SET search_path TO 'a b', 'public', ''
                    SET work_mem TO '2MB'
                    SET "x.y" TO 'it''s'
                    AS '$libdir/lib', $$sym'bol$$;

                ALTER FUNCTION "My Schema"."F x"(a integer, VARIADIC b text[]) DEPENDS ON EXTENSION "ext one";""",
                RoutineDdl.create(r));
        assertEquals("DROP FUNCTION \"My Schema\".\"F x\"(a integer, VARIADIC b text[]);\n", RoutineDdl.drop(r));
        assertEquals("F x(integer, text)", RoutineDdl.tag(sig));
        assertEquals("\"F x\"(a integer, VARIADIC b text[])", RoutineDdl.identity(sig));
    }

    @Test
    void defaultsAreLeftOut() {
        Signature sig = new Signature("f", List.of(), "", "");
        // internal and C functions cost 1 by default, others 100; ROWS only for set-returning functions
        assertEquals("CREATE FUNCTION s.f() RETURNS integer\n    LANGUAGE internal\n    AS $$int4pl$$;\n",
                RoutineDdl.create(plain(sig, "internal", "1", new Routine.Source("int4pl", ""))));
        assertEquals("CREATE FUNCTION s.f() RETURNS integer\n    LANGUAGE sql COST 1\n    AS $$SELECT 1$$;\n",
                RoutineDdl.create(plain(sig, "sql", "1", new Routine.Source("SELECT 1", ""))));
        assertEquals("CREATE FUNCTION s.f() RETURNS integer\n    LANGUAGE plpgsql\n    AS $_$BEGIN RETURN $1; END$_$;\n",
                RoutineDdl.create(plain(sig, "plpgsql", "100", new Routine.Source("BEGIN RETURN $1; END", ""))));
        // a C symbol without quotes or backslashes stays a plain literal
        assertEquals("CREATE FUNCTION s.f() RETURNS integer\n    LANGUAGE c\n    AS '$libdir/x', 'sym';\n",
                RoutineDdl.create(plain(sig, "c", "1", new Routine.Source("sym", "$libdir/x"))));
    }

    @Test
    void proceduresAndSqlStandardBodies() {
        Signature sig = new Signature("select", List.of(INT), "INOUT x integer", "INOUT x integer");
        Routine p = routine("s", sig, 'p', null, false, "sql", List.of(), 'v', false, false, false, "100", "0",
                null, 'u', List.of(), new Routine.SqlBody("BEGIN ATOMIC\n SELECT 1;\nEND"), List.of());
        assertEquals("CREATE PROCEDURE s.\"select\"(INOUT x integer)\n    LANGUAGE sql\n    BEGIN ATOMIC\n SELECT 1;\nEND;\n",
                RoutineDdl.create(p));
        assertEquals("DROP PROCEDURE s.\"select\"(INOUT x integer);\n", RoutineDdl.drop(p));
        assertEquals("PROCEDURE", p.keyword());
    }

    @Test
    void sortsByArgumentCountThenTypeSchemaAndName() {
        String none = new Signature("f", List.of(), "", "").tiebreak();
        String text = new Signature("f", List.of(TEXT), "", "").tiebreak();
        String ints = new Signature("f", List.of(INT, INT), "", "").tiebreak();
        String userType = new Signature("f", List.of(new ArgType("a.t", "a", "t"), INT), "", "").tiebreak();
        String int8s = new Signature("f", List.of(new ArgType("bigint", "pg_catalog", "int8"), INT), "", "").tiebreak();
        // strcmp on the encoded text: a shorter schema name sorts first ("a" < "pg_catalog"), int4 < int8
        assertTrue(none.compareTo(text) < 0);
        assertTrue(text.compareTo(ints) < 0);
        assertTrue(userType.compareTo(ints) < 0);
        assertTrue(ints.compareTo(int8s) < 0);
        String ab = new Signature("f", List.of(new ArgType("x", "ab", "t")), "", "").tiebreak();
        String a = new Signature("f", List.of(new ArgType("x", "a", "zz")), "", "").tiebreak();
        assertTrue(a.compareTo(ab) < 0, "schema a before ab whatever the type names");
    }

    @Test
    void everyAggregateOption() {
        Signature sig = new Signature("Agg", List.of(INT), "x integer", "x integer");
        Aggregate a = new Aggregate(new ObjectId(1255, 16500), "s", sig, 'n', "int4pl", "integer", 64, "it's",
                new Aggregate.Final("s.fin", true, 'w'), "int4pl", "s.ser", "s.deser",
                new Aggregate.Moving("int4pl", "int4mi", "integer", 8, "0", new Aggregate.Final("s.mfin", true, 's')),
                "OPERATOR(pg_catalog.>)", 'r', OWNER, null, Components.ALL);
        assertEquals("""
                CREATE AGGREGATE s."Agg"(x integer) (
                    SFUNC = int4pl,
                    STYPE = integer,
                    SSPACE = 64,
                    INITCOND = 'it''s',
                    FINALFUNC = s.fin,
                    FINALFUNC_EXTRA,
                    FINALFUNC_MODIFY = READ_WRITE,
                    COMBINEFUNC = int4pl,
                    SERIALFUNC = s.ser,
                    DESERIALFUNC = s.deser,
                    MSFUNC = int4pl,
                    MINVFUNC = int4mi,
                    MSTYPE = integer,
                    MSSPACE = 8,
                    MINITCOND = '0',
                    MFINALFUNC = s.mfin,
                    MFINALFUNC_EXTRA,
                    MFINALFUNC_MODIFY = SHAREABLE,
                    SORTOP = OPERATOR(pg_catalog.>),
                    PARALLEL = restricted
                );
                """, AggregateDdl.create(a));
        assertEquals("DROP AGGREGATE s.\"Agg\"(x integer);\n", AggregateDdl.drop(a));
        assertEquals("Agg(integer)", AggregateDdl.tag(sig));
        assertEquals("\"Agg\"(integer)", AggregateDdl.aclName(sig));
    }

    @Test
    void zeroArgumentAndOrderedSetAggregates() {
        Signature none = new Signature("cnt", List.of(), "", "");
        Aggregate cnt = new Aggregate(new ObjectId(1255, 16501), "s", none, 'n', "int8inc", "bigint", 0, null,
                new Aggregate.Final("s.f", false, 'r'), null, null, null, null, null, 'u', OWNER, null,
                Components.ALL);
        assertEquals("CREATE AGGREGATE s.cnt(*) (\n    SFUNC = int8inc,\n    STYPE = bigint,\n    FINALFUNC = s.f\n);\n",
                AggregateDdl.create(cnt));
        assertEquals("cnt(*)", AggregateDdl.tag(none));
        assertEquals("cnt(*)", AggregateDdl.identity(none));
        assertEquals("cnt()", AggregateDdl.aclName(none));

        Signature os = new Signature("h", List.of(new ArgType("\"any\"", "pg_catalog", "any")),
                "VARIADIC \"any\" ORDER BY VARIADIC \"any\"", "VARIADIC \"any\" ORDER BY VARIADIC \"any\"");
        Aggregate h = new Aggregate(new ObjectId(1255, 16502), "s", os, 'h', "ordered_set_transition_multi",
                "internal", 0, null, new Aggregate.Final("rank_final", true, 'w'), null, null, null, null, null, 'u',
                OWNER, null, Components.ALL);
        // READ_WRITE is the default for ordered-set aggregates
        assertEquals("CREATE AGGREGATE s.h(VARIADIC \"any\" ORDER BY VARIADIC \"any\") (\n"
                + "    SFUNC = ordered_set_transition_multi,\n    STYPE = internal,\n    FINALFUNC = rank_final,\n"
                + "    FINALFUNC_EXTRA,\n    HYPOTHETICAL\n);\n", AggregateDdl.create(h));
        assertEquals("h(\"any\")", AggregateDdl.tag(os));
    }

    /** --disable-dollar-quoting: pg_dump's appendStringLiteralAH instead of appendStringLiteralDQ, for src and symbol. */
    @Test
    void withoutDollarQuotesBodiesAreStringLiterals() {
        Signature sig = new Signature("f", List.of(), "", "");
        assertEquals("CREATE FUNCTION s.f() RETURNS integer\n    LANGUAGE plpgsql\n"
                + "    AS 'BEGIN RETURN length(''it''''s\\''); END';\n",
                RoutineDdl.create(plain(sig, "plpgsql", "100",
                        new Routine.Source("BEGIN RETURN length('it''s\\'); END", "")), false));
        assertEquals("CREATE FUNCTION s.f() RETURNS integer\n    LANGUAGE c\n    AS '$libdir/x', 'sy''m';\n",
                RoutineDdl.create(plain(sig, "c", "1", new Routine.Source("sy'm", "$libdir/x")), false));
        assertEquals("CREATE FUNCTION s.f() RETURNS integer\n    LANGUAGE c\n    AS '$libdir/x', $$sy'm$$;\n",
                RoutineDdl.create(plain(sig, "c", "1", new Routine.Source("sy'm", "$libdir/x")), true));
    }
}
