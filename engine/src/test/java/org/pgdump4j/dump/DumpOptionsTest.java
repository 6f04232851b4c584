package org.pgdump4j.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.io.Sync;
import org.pgdump4j.restore.RenderOptions;

class DumpOptionsTest {
    @Test
    void builderStartsFromTheDefaultsAndSetsEachGroup() {
        assertEquals(DumpOptions.defaults(), DumpOptions.builder().build());
        ObjectSelection sel = new ObjectSelection(List.of("s"), List.of(), List.of(), List.of(), true);
        DumpOptions built = DumpOptions.builder().file(Path.of("x.dump")).format(OutputFormat.CUSTOM).selection(sel)
                .content(new ContentFlags(true, false)).render(RenderOptions.DEFAULTS).encoding("LATIN1")
                .verbose(true).archive(DumpOptions.ArchiveSettings.DEFAULTS).sync(Sync.NONE).build();
        assertEquals(new DumpOptions(Path.of("x.dump"), OutputFormat.CUSTOM, sel, new ContentFlags(true, false),
                RenderOptions.DEFAULTS, "LATIN1", true, DumpOptions.ArchiveSettings.DEFAULTS, Sync.NONE), built);
    }
}
