package org.pgdump4j.toc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code COPY ... TO stdout} that reads one table's rows for its TABLE DATA entry.
 *
 * @param target      the schema-qualified, quoted table name
 * @param columns     the quoted column list in parentheses as pg_dump writes it (generated columns left out), or ""
 * @param columnTypes the type OID of each column in {@code columns}, in order
 * @param filter      the rows to dump ({@code WHERE ...}, an extension configuration table's condition), "" for a
 *                    foreign table (read through a SELECT, as pg_dump does), or null
 * @param foreign     whether the table is a foreign table, which the session may read only while the COPY runs
 * @param estimatedBytes the table's size on disk as the planner last saw it, the scale of its progress reports
 * @param rows        what INSERT-mode data needs beyond the COPY (--inserts), or null when not known
 */
public record TableCopy(String target, String columns, List<Long> columnTypes, @Nullable String filter,
        boolean foreign, long estimatedBytes, @Nullable Rows rows) {
    public TableCopy {
        columnTypes = List.copyOf(columnTypes);
    }

    /**
     * The table's rows as INSERT statements see them (pg_dump's dumpTableData_insert).
     *
     * @param into       the quoted, qualified table the rows go into: the table, or its partition root
     * @param names      every column, quoted, in order (generated ones too)
     * @param generated  for each of {@code names}, whether it is a generated column (not read; DEFAULT)
     * @param overriding a column is GENERATED ALWAYS AS IDENTITY: {@code OVERRIDING SYSTEM VALUE}
     */
    public record Rows(String into, List<String> names, List<Boolean> generated, boolean overriding) {
        public Rows {
            names = List.copyOf(names);
            generated = List.copyOf(generated);
            if (names.size() != generated.size()) {
                throw new IllegalArgumentException(names.size() + " names, " + generated.size() + " flags");
            }
        }
    }

    /** Without the INSERT-mode shape. */
    public TableCopy(String target, String columns, List<Long> columnTypes, @Nullable String filter,
            boolean foreign, long estimatedBytes) {
        this(target, columns, columnTypes, filter, foreign, estimatedBytes, null);
    }

    /** Of unknown size. */
    public TableCopy(String target, String columns, List<Long> columnTypes, @Nullable String filter,
            boolean foreign) {
        this(target, columns, columnTypes, filter, foreign, -1);
    }

    public TableCopy(String target, String columns, List<Long> columnTypes, @Nullable String filter) {
        this(target, columns, columnTypes, filter, false);
    }

    public TableCopy(String target, String columns, List<Long> columnTypes) {
        this(target, columns, columnTypes, null, false);
    }

    /**
     * {@code COPY target (cols) TO stdout;}, with {@code options} (e.g. {@code FORMAT binary}) when not empty; with a
     * filter, pg_dump's {@code COPY (SELECT cols FROM target filter) TO stdout;}.
     */
    public String statement(String options) {
        String opts = options.isEmpty() ? "" : " (" + options + ")";
        if (filter == null) {
            return "COPY " + target + " " + columns + " TO stdout" + opts + ";";
        }
        String select = columns.length() > 2 ? columns.substring(1, columns.length() - 1) : "*";
        return "COPY (SELECT " + select + " FROM " + target + " " + filter + ") TO stdout" + opts + ";";
    }
}
