package org.pgdump4j.cli;

import java.io.PrintWriter;
import org.pgdump4j.cli.demo.Demo;

/**
 * {@code pgdump4j demo}: starts an embedded PostgreSQL, creates a sample database, dumps it, restores it
 * into a second database and checks the copy (see {@link Demo}). It takes no arguments.
 */
final class DemoCommand {
    static final String NAME = "demo";

    private DemoCommand() {
    }

    static int run(PrintWriter out) {
        return Demo.run(out);
    }
}
