package org.pgdump4j.toc;

import java.util.Map;

/**
 * A freshly built dump TOC plus, for every TABLE DATA entry, how to read its rows.
 *
 * @param copyOut dumpId of a TABLE DATA entry → its {@code COPY ... TO stdout}
 */
public record BuiltToc(Toc toc, Map<Integer, TableCopy> copyOut) {
    public BuiltToc {
        copyOut = Map.copyOf(copyOut);
    }
}
