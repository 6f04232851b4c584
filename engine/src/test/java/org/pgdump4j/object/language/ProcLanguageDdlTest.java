package org.pgdump4j.object.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.language.ProcLanguage;

class ProcLanguageDdlTest {
    private static ProcLanguage lang(String name, boolean trusted, ProcLanguage.Handlers h) {
        return new ProcLanguage(new ObjectId(2612, 16400), name, trusted, h,
                new Ownership("postgres", null, List.of()), null, Components.ALL);
    }

    @Test
    void withoutDumpedHandlersIsParameterless() {
        // TRUSTED is left out too, as pg_dump does: the target's own definition decides
        assertEquals("CREATE OR REPLACE PROCEDURAL LANGUAGE \"P4J Trusted \"\"Lang\"\"\";\n",
                ProcLanguageDdl.create(lang("P4J Trusted \"Lang\"", true, null)));
        assertEquals("DROP PROCEDURAL LANGUAGE \"P4J Trusted \"\"Lang\"\"\";\n",
                ProcLanguageDdl.drop(lang("P4J Trusted \"Lang\"", true, null)));
    }

    @Test
    void writesEveryHandlerItHas() {
        assertEquals("CREATE TRUSTED PROCEDURAL LANGUAGE pl HANDLER s.h INLINE s.i VALIDATOR \"S x\".v;\n",
                ProcLanguageDdl.create(lang("pl", true, new ProcLanguage.Handlers("s.h", "s.i", "\"S x\".v"))));
        assertEquals("CREATE PROCEDURAL LANGUAGE pl HANDLER s.h;\n",
                ProcLanguageDdl.create(lang("pl", false, new ProcLanguage.Handlers("s.h", null, null))));
        assertEquals("CREATE PROCEDURAL LANGUAGE pl HANDLER s.h VALIDATOR s.v;\n",
                ProcLanguageDdl.create(lang("pl", false, new ProcLanguage.Handlers("s.h", null, "s.v"))));
    }
}
