package org.pgdump4j.archive.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveVersion;

/** Headers and TOC entries round-trip for every writable version. */
class CodecProperties {
    @Provide
    Arbitrary<ArchiveHeader> headers() {
        return CodecArbitraries.header();
    }

    @Property
    void headerRoundTrips(@ForAll("headers") ArchiveHeader h) throws IOException {
        byte[] b = ArchiveIOProperties.bytes(o -> HeaderCodec.write(o, h));
        ArchiveInput in = ArchiveInput.of(new ByteArrayInputStream(b), "t");
        ArchiveHeader back = HeaderCodec.read(in, h.formatCode());
        assertEquals(b.length, in.position());
        assertEquals(h.version(), back.version());
        assertEquals(h.compression(), back.compression());
        assertEquals(h.formatCode(), back.formatCode());
        assertEquals(h.info().dbname(), back.info().dbname());
        assertEquals(h.info().serverVersion(), back.info().serverVersion());
        assertEquals(h.info().dumpVersion(), back.info().dumpVersion());
        assertEquals(h.info().createdAt().toLocalDateTime(), back.info().createdAt().toLocalDateTime());
    }


    @Property
    void tocRoundTrips(@ForAll("writableVersions") ArchiveVersion v, @ForAll("entries") List<org.pgdump4j.toc.TocEntry> es)
            throws IOException {
        for (boolean custom : new boolean[] {true, false}) {
            List<TocCodec.Item<Object>> items = new ArrayList<>();
            for (int i = 0; i < es.size(); i++) {
                items.add(new TocCodec.Item<>(adapt(es.get(i), v), custom ? (Object) DataOffset.at(i * 1000L)
                        : (Object) (i % 2 == 0 ? "" : i + ".dat")));
            }
            @SuppressWarnings("unchecked")
            TocCodec.ExtraField<Object> extra = (TocCodec.ExtraField<Object>) (TocCodec.ExtraField<?>)
                    (custom ? TocCodec.OFFSET : TocCodec.FILENAME);
            byte[] b = ArchiveIOProperties.bytes(o -> TocCodec.write(o, v, items, extra));
            ArchiveInput in = ArchiveInput.of(new ByteArrayInputStream(b), "t");
            in.configure(v, 4, 8);
            List<TocCodec.Item<Object>> back = TocCodec.read(in, null, extra);
            assertEquals(items, back);
            assertEquals(b.length, in.position());
        }
    }

    /** What version v can represent: no tableam before 1.14, no relkind before 1.16. */
    static org.pgdump4j.toc.TocEntry adapt(org.pgdump4j.toc.TocEntry e, ArchiveVersion v) {
        var n = e.names();
        return new org.pgdump4j.toc.TocEntry(e.dumpId(), e.catalogId(), e.desc(), e.section(),
                new org.pgdump4j.toc.TocEntry.EntryNames(n.tag(), n.namespace(), n.owner(), n.tablespace(),
                        v.atLeast(ArchiveVersion.V1_14) ? n.tableAm() : null),
                e.sql(), e.dependencies(), e.hasData(), v.atLeast(ArchiveVersion.V1_16) ? e.relkind() : '\0');
    }

    @Provide
    Arbitrary<ArchiveVersion> writableVersions() {
        return Arbitraries.of(CodecArbitraries.writable());
    }

    @Provide
    Arbitrary<List<org.pgdump4j.toc.TocEntry>> entries() {
        return CodecArbitraries.entry(ArchiveVersion.V1_16).list().ofMaxSize(8);
    }

    @Example
    void badHeadersFail() {
        assertThrows(ArchiveFormatException.class, () -> HeaderCodec.read(ArchiveInput.of(
                new ByteArrayInputStream("PGDMQ\1\20\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), "x"),
                1));
        ArchiveFormatException e = assertThrows(ArchiveFormatException.class, () -> HeaderCodec.read(
                ArchiveInput.of(new ByteArrayInputStream(new byte[] {'P', 'G', 'D', 'M', 'P', 1, 17, 0, 4, 8, 1}), "x"),
                1));
        assertEquals("unsupported version (1.17) in file header at offset 5 in \"x\"", e.getMessage());
        assertThrows(ArchiveFormatException.class, () -> HeaderCodec.read(
                ArchiveInput.of(new ByteArrayInputStream(new byte[] {'P', 'G', 'D', 'M', 'P', 1, 16, 0, 4, 8, 3}), "x"),
                1));
        assertThrows(ArchiveFormatException.class, () -> HeaderCodec.read(
                ArchiveInput.of(new ByteArrayInputStream(new byte[] {'P', 'G', 'D', 'M', 'P', 1, 16, 0, 4}), "x"), 1));
    }
}
