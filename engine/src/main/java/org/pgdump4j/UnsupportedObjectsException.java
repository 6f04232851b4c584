package org.pgdump4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.coverage.Gap;

/**
 * The dump was refused because the database holds objects pg_dump 18 would dump and pgdump4j cannot dump yet.
 * Nothing was written. {@link #gaps()} lists every such object; the message names each kind with its count and
 * its first few objects, and says how to leave them out.
 */
public class UnsupportedObjectsException extends PgDumpException {
    /** Objects named per kind in the message; the rest are counted. */
    static final int SHOWN_PER_KIND = 3;

    private final List<Gap> gaps;

    public UnsupportedObjectsException(List<Gap> gaps) {
        super(message(gaps));
        this.gaps = List.copyOf(gaps);
    }

    public List<Gap> gaps() {
        return gaps;
    }

    private static String message(List<Gap> gaps) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (Gap g : gaps) {
            // one line, whatever the names hold (as pg_dump sanitizes names in its comments)
            byKind.computeIfAbsent(g.kind(), k -> new ArrayList<>()).add(g.object().replaceAll("[\r\n]", " "));
        }
        StringBuilder sb = new StringBuilder("cannot dump ").append(gaps.size())
                .append(gaps.size() == 1 ? " object" : " objects")
                .append(" of kinds pgdump4j does not support yet: ");
        String sep = "";
        for (var e : byKind.entrySet()) {
            List<String> objects = e.getValue();
            sb.append(sep).append(e.getKey()).append(" (").append(objects.size()).append("): ")
                    .append(String.join(", ", objects.subList(0, Math.min(SHOWN_PER_KIND, objects.size()))));
            if (objects.size() > SHOWN_PER_KIND) {
                sb.append(", ...");
            }
            sep = "; ";
        }
        return sb.append("; leave them out with -n/-N/-t/-T (or -a, -x where they are definitions or privileges)")
                .toString();
    }
}
