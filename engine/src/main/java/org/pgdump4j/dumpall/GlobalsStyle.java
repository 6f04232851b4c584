package org.pgdump4j.dumpall;

import org.pgdump4j.sql.Sql;

/**
 * What the globals' text depends on besides the catalog: the options that leave parts out, and how string
 * literals are quoted ({@code standard_conforming_strings} of the connection, as pg_dumpall's
 * appendStringLiteralConn).
 */
record GlobalsStyle(boolean passwords, boolean comments, boolean securityLabels, boolean privileges,
        boolean ifExists, boolean standardStrings) {
    /** Everything written, IF EXISTS off, standard strings on. */
    static final GlobalsStyle DEFAULT = new GlobalsStyle(true, true, true, true, false, true);

    String literal(String value) {
        return Sql.literal(value, standardStrings);
    }

    /** {@code IF EXISTS } under {@code --if-exists}, else "". */
    String ifExistsClause() {
        return ifExists ? "IF EXISTS " : "";
    }

    /** A name as pg_dumpall writes it into a {@code --} comment line: CR and LF become spaces. */
    static String commentName(String name) {
        return name.replace('\n', ' ').replace('\r', ' ');
    }
}
