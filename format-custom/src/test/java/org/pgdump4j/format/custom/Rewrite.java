package org.pgdump4j.format.custom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.archive.ArchiveWriter;
import org.pgdump4j.archive.LargeObjectSink;
import org.pgdump4j.restore.ReaderExtras;
import org.pgdump4j.toc.TocEntry;

/** Copies an archive's TOC and data from a reader into a writer (test helper). */
final class Rewrite {
    private Rewrite() {
    }

    static void copy(ArchiveReader r, ArchiveWriter w) throws IOException {
        w.begin(r.header(), r.toc());
        for (TocEntry e : r.toc().entries()) {
            if (!e.hasData()) {
                continue;
            }
            if (e.desc().equals("BLOBS")) {
                try (LargeObjectSink sink = w.openLargeObjects(e)) {
                    ((ReaderExtras) r).readLargeObjects(e, (oid, in) -> {
                        try (OutputStream o = sink.openBlob(oid)) {
                            in.transferTo(o);
                        }
                    });
                }
            } else {
                try (InputStream in = r.openData(e); OutputStream o = w.openData(e)) {
                    in.transferTo(o);
                }
            }
        }
        w.finish();
    }
}
