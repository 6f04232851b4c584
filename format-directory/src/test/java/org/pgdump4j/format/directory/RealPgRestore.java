package org.pgdump4j.format.directory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pgdump4j.testing.ReferenceClients;

/** Runs the real pg_restore of a major version ({@code PG_REFERENCE_BIN_<major>}) in UTC. */
public final class RealPgRestore {
    private RealPgRestore() {
    }

    public static ReferenceClients.Result run(int major, String... args) {
        Path exe = ReferenceClients.require(major, "pg_restore");
        return ReferenceClients.run(exe, List.of(args), Map.of("TZ", "UTC"));
    }

    /** {@code pg_restore -l archive}, which must succeed. */
    public static String list(int major, Path archive) {
        return run(major, "-l", archive.toString()).requireSuccess().stdoutText();
    }

    /** {@code pg_restore --restrict-key=FIXTUREKEY -f - archive}, which must succeed. */
    public static String script(int major, Path archive, String... more) {
        List<String> args = new ArrayList<>(List.of("--restrict-key=" + ArchiveFixtures.KEY, "-f", "-"));
        args.addAll(List.of(more));
        args.add(archive.toString());
        return run(major, args.toArray(String[]::new)).requireSuccess().stdoutText();
    }
}
