package org.pgdump4j.cli;

import java.util.concurrent.Callable;
import org.pgdump4j.cli.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pgdump4j demo}: starts an embedded PostgreSQL, creates a sample database, dumps it, restores it
 * into a second database and checks the copy (see {@link Demo}).
 */
@Command(name = "demo", description = "Dump and restore a sample database on an embedded PostgreSQL.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Demo.run(spec.commandLine().getOut());
    }
}
