package org.pgdump4j.object.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.operator.Operator;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** dumpOpr's warning: a postfix operator (servers before 14) is still written, with pg_dump 18's warning. */
class OperatorEmitterTest {
    private static final ObjectId ID = new ObjectId(2617, 16500);

    /** Records the calls as lines. */
    private record Recorder(List<String> calls) implements EntrySink {
        @Override
        public void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
                String create, String drop) {
            calls.add("definition " + tag);
        }

        @Override
        public void comment(String type, String name, @Nullable String namespace, @Nullable String owner,
                @Nullable String text) {
        }

        @Override
        public void acl(String type, String name, @Nullable String namespace, Ownership ownership) {
        }

        @Override
        public void securityLabels(String type, String name, @Nullable String namespace, @Nullable String owner) {
            throw new AssertionError("pg_dump writes no security labels of operators");
        }

        @Override
        public void privilegesDefinition(EntryKind kind, String tag, @Nullable String namespace,
                @Nullable String owner, String create) {
        }

        @Override
        public void warning(String message) {
            calls.add("warning " + message);
        }

        @Override
        public boolean inline(ObjectId part) {
            return false;
        }
    }

    private static List<String> emit(char kind, @Nullable String left, @Nullable String right) {
        return emit(kind, left, right, Components.ALL);
    }

    private static List<String> emit(char kind, @Nullable String left, @Nullable String right, Components c) {
        Recorder r = new Recorder(new ArrayList<>());
        OperatorEmitter.operator(new Operator(ID, "post", "!!", kind, "me", "public.\"My Fac\"", left, right, null,
                null, false, false, null, null, null, "", c), r);
        return r.calls();
    }

    /** pg_catalog's postfix operators (before 14) are asked only for their ACL, which an operator lacks: no word. */
    @Test
    void anOperatorAskedOnlyForItsAclWarnsNothing() {
        assertEquals(List.of("definition !!"), emit('r', "bigint", null, new Components(Components.ACL)));
        assertEquals(2, emit('r', "bigint", null, new Components(Components.COMMENT)).size());
    }

    @Test
    void aPostfixOperatorIsWrittenWithPgDumpsWarningNamingItsFunction() {
        assertEquals(List.of("warning postfix operators are not supported anymore (operator \"public.\"My Fac\"(bigint)\")",
                "definition !!"), emit('r', "bigint", null));
    }

    @Test
    void prefixAndInfixOperatorsWarnNothing() {
        assertEquals(List.of("definition !!"), emit('l', null, "bigint"));
        assertEquals(List.of("definition !!"), emit('b', "bigint", "bigint"));
    }
}
