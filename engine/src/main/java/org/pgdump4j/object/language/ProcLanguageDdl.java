package org.pgdump4j.object.language;

import org.pgdump4j.model.language.ProcLanguage;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpProcLang writes. */
public final class ProcLanguageDdl {
    private ProcLanguageDdl() {
    }

    /**
     * With its handlers when the dump holds them ({@code TRUSTED} then as the catalog says); else the parameterless
     * {@code CREATE OR REPLACE}, which a server of 13 or later runs as CREATE EXTENSION.
     */
    public static String create(ProcLanguage l) {
        String q = Sql.ident(l.name());
        ProcLanguage.Handlers h = l.functions();
        if (h == null) {
            return "CREATE OR REPLACE PROCEDURAL LANGUAGE " + q + ";\n";
        }
        StringBuilder sb = new StringBuilder("CREATE ").append(l.trusted() ? "TRUSTED " : "")
                .append("PROCEDURAL LANGUAGE ").append(q).append(" HANDLER ").append(h.handler());
        if (h.inline() != null) {
            sb.append(" INLINE ").append(h.inline());
        }
        if (h.validator() != null) {
            sb.append(" VALIDATOR ").append(h.validator());
        }
        return sb.append(";\n").toString();
    }

    public static String drop(ProcLanguage l) {
        return "DROP PROCEDURAL LANGUAGE " + Sql.ident(l.name()) + ";\n";
    }
}
