package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ErrorPrinterTest {
    private static String printed(String message) {
        StringWriter out = new StringWriter();
        try (PrintWriter err = new PrintWriter(out)) {
            ErrorPrinter.printError(err, "pg_dump", message);
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void detailAndHintLinesGetTheProgramsPrefixOtherLinesGoAsTheyAre() {
        assertEquals("pg_dump: error: query failed: ERROR:  invalid snapshot identifier: \"x\"\n"
                        + "pg_dump: detail: Query was: SET TRANSACTION SNAPSHOT 'x'\n",
                printed("query failed: ERROR:  invalid snapshot identifier: \"x\"\n"
                        + "detail: Query was: SET TRANSACTION SNAPSHOT 'x'"));
        assertEquals("pg_dump: error: could not obtain lock on relation \"public.t\"\nThis usually means...\n",
                printed("could not obtain lock on relation \"public.t\"\nThis usually means..."));
    }

    /** A message's own trailing blank lines stay (pg_restore -e prints a failed command's text whole). */
    @Test
    void trailingBlankLinesAreKept() {
        assertEquals("pg_dump: error: could not execute query: ERROR:  boom\nCommand was: SELECT 1;\n\n\n",
                printed("could not execute query: ERROR:  boom\nCommand was: SELECT 1;\n\n"));
    }
}
