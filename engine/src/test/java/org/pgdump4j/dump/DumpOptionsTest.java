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

    /** Each with* changes its group only (withSync once rebuilt the options without the INSERT options). */
    @Test
    void eachWithKeepsEveryOtherGroup() {
        DumpOptions o = DumpOptions.builder().file(Path.of("d")).format(OutputFormat.DIRECTORY)
                .selection(new ObjectSelection(List.of("s"), List.of(), List.of(), List.of(), true))
                .content(new ContentFlags(true, false)).encoding("LATIN1").verbose(true)
                .render(new RenderOptions(true, true, true, false, false, false, "K", true, true))
                .archive(new DumpOptions.ArchiveSettings(null, DumpOptions.ArchiveSettings.DEFAULTS.version()))
                .sync(Sync.NONE).omit(new DumpOptions.Omit(true, true, true, true, true, true, true))
                .session(new DumpOptions.Session("r", 2, true, true))
                .data(new DataOptions(null, true, "su")).execution(new DumpOptions.Execution(3, null, true, "1s"))
                .build();
        List<DumpOptions> copies = List.of(o.withFile(o.file()), o.withFormat(o.format()),
                o.withSelection(o.selection()), o.withContent(o.content()), o.withRender(o.render()),
                o.withArchive(o.archive()), o.withSync(o.sync()), o.withOmit(o.omit()), o.withSession(o.session()),
                o.withData(o.data()), o.withExecution(o.execution()), o.toBuilder().build());
        for (DumpOptions copy : copies) {
            assertEquals(o, copy);
        }
        assertEquals(new DumpOptions(o.file(), o.format(), o.selection(), o.content(), o.render(), o.encoding(),
                o.verbose(), o.archive(), Sync.FSYNC, o.omit(), o.session(), o.data(), o.execution()),
                o.withSync(Sync.FSYNC));
    }
}
