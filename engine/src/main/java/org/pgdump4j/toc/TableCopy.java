package org.pgdump4j.toc;

import java.util.List;

/**
 * The {@code COPY ... TO stdout} that reads one table's rows for its TABLE DATA entry.
 *
 * @param target      the schema-qualified, quoted table name
 * @param columns     the quoted column list in parentheses as pg_dump writes it (generated columns left out), or ""
 * @param columnTypes the type OID of each column in {@code columns}, in order
 */
public record TableCopy(String target, String columns, List<Long> columnTypes) {
    public TableCopy {
        columnTypes = List.copyOf(columnTypes);
    }

    /** {@code COPY target (cols) TO stdout;}, with {@code options} (e.g. {@code FORMAT binary}) when not empty. */
    public String statement(String options) {
        return "COPY " + target + " " + columns + " TO stdout" + (options.isEmpty() ? "" : " (" + options + ")") + ";";
    }
}
