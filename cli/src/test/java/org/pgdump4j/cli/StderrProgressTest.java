package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StderrProgressTest {
    @Test
    void verboseLinesOnlyWithVerboseWarningsAlways() {
        StringWriter quiet = new StringWriter();
        StderrProgress q = new StderrProgress("pg_dump", new PrintWriter(quiet), false);
        q.info("reading schemas");
        q.warning("errors ignored on restore: 2");
        assertEquals("pg_dump: warning: errors ignored on restore: 2\n", quiet.toString());

        StringWriter verbose = new StringWriter();
        StderrProgress v = new StderrProgress("pg_restore", new PrintWriter(verbose), true);
        v.info("reading schemas");
        assertEquals("pg_restore: reading schemas\n", verbose.toString());
    }
}
