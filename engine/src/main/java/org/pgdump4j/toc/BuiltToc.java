package org.pgdump4j.toc;

import java.util.Map;

/**
 * A freshly built dump TOC plus, for every TABLE DATA entry, the statement that reads its rows.
 *
 * @param copyOut dumpId of a TABLE DATA entry → {@code COPY ... TO stdout} statement
 */
public record BuiltToc(Toc toc, Map<Integer, String> copyOut) {
    public BuiltToc {
        copyOut = Map.copyOf(copyOut);
    }
}
