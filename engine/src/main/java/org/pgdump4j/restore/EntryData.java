package org.pgdump4j.restore;

import java.io.IOException;
import java.io.OutputStream;
import org.pgdump4j.toc.TocEntry;

/** Supplies the data stream of an entry (COPY rows ending in the {@code \.} line), straight into {@code out}. */
@FunctionalInterface
public interface EntryData {
    void writeTo(TocEntry entry, OutputStream out) throws IOException;
}
