package org.pgdump4j.dump.inserts;

import java.util.List;
import java.util.Objects;

/**
 * How one table's rows are written as INSERT statements: the statement's start, and for each column read (the
 * table's columns but generated ones, in order) how its values are written.
 *
 * @param into         the quoted, qualified target (the table or its partition root)
 * @param names        every column, quoted, in order
 * @param generated    for each of {@code names}: a generated column, not read, written DEFAULT (or left out of a
 *                     column list)
 * @param kinds        for each column read, how its values are written
 * @param overriding   {@code OVERRIDING SYSTEM VALUE}: a column is GENERATED ALWAYS AS IDENTITY
 * @param mode         --rows-per-insert, --column-inserts, --on-conflict-do-nothing
 * @param standardStrings standard_conforming_strings of the dump
 */
public record InsertShape(String into, List<String> names, List<Boolean> generated, List<ValueText.Kind> kinds,
        boolean overriding, InsertMode mode, boolean standardStrings) {
    public InsertShape {
        Objects.requireNonNull(into, "into");
        Objects.requireNonNull(mode, "mode");
        names = List.copyOf(names);
        generated = List.copyOf(generated);
        kinds = List.copyOf(kinds);
        if (names.size() != generated.size()
                || kinds.size() != generated.stream().filter(g -> !g).count()) {
            throw new IllegalArgumentException(names + " " + generated + " " + kinds);
        }
    }

    /**
     * pg_dump's nfields: the values in a row. Generated columns count without a column list (written DEFAULT) and
     * not with one (left out).
     */
    int fields() {
        return mode.columnInserts() ? kinds.size() : names.size();
    }

    /** What every statement starts with: up to {@code VALUES}, or a whole {@code DEFAULT VALUES} statement. */
    String head() {
        StringBuilder q = new StringBuilder("INSERT INTO ").append(into).append(' ');
        if (fields() == 0) {
            return q.append("DEFAULT VALUES;\n").toString();
        }
        if (mode.columnInserts()) {
            q.append('(');
            boolean first = true;
            for (int i = 0; i < names.size(); i++) {
                if (!generated.get(i)) {
                    q.append(first ? "" : ", ").append(names.get(i));
                    first = false;
                }
            }
            q.append(") ");
        }
        if (overriding) {
            q.append("OVERRIDING SYSTEM VALUE ");
        }
        return q.append("VALUES").toString();
    }

    /**
     * The column list of the {@code SELECT} whose rows are read: the columns that are not generated, or
     * {@code NULL} when there are none (a row per table row all the same).
     */
    public String selectListForCopy() {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (!generated.get(i)) {
                q.append(q.length() == 0 ? "" : ", ").append(names.get(i));
            }
        }
        return q.length() == 0 ? "NULL" : q.toString();
    }
}
