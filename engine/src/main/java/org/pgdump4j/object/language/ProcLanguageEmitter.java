package org.pgdump4j.object.language;

import org.pgdump4j.model.language.ProcLanguage;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_dump's dumpProcLang: the entry, its comment, its security labels, and for a trusted language its privileges (USAGE). */
public final class ProcLanguageEmitter {
    private ProcLanguageEmitter() {
    }

    public static void emit(ProcLanguage l, EntrySink sink) {
        String q = Sql.ident(l.name());
        String owner = l.ownership().owner();
        sink.definition(EntryKind.PROCEDURAL_LANGUAGE, l.name(), null, owner, ProcLanguageDdl.create(l),
                ProcLanguageDdl.drop(l));
        sink.comment("LANGUAGE", q, null, owner, l.comment());
        sink.securityLabels("LANGUAGE", q, null, owner);
        if (l.trusted()) {
            sink.acl("LANGUAGE", q, null, l.ownership());
        }
    }
}
