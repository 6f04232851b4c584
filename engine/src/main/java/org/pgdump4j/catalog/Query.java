package org.pgdump4j.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalog query written once for every server version: version-dependent expressions are named slots
 * ({@code {prokind}}) filled from a {@link ServerFeatures} question, never positional {@code %s}. A slot left
 * unfilled or filled twice is a programming error, caught the first time the query is built on any server.
 *
 * <pre>
 * Query.of("SELECT p.oid, {prokind} AS prokind FROM pg_catalog.pg_proc p")
 *      .slot("prokind", f.hasProkind(), "p.prokind",
 *            "CASE WHEN p.proisagg THEN 'a' WHEN p.proiswindow THEN 'w' ELSE 'f' END")
 *      .sql();
 * </pre>
 */
public final class Query {
    private static final Pattern SLOT = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");
    private final String template;
    private final Map<String, String> slots = new LinkedHashMap<>();

    private Query(String template) {
        this.template = template;
    }

    public static Query of(String template) {
        return new Query(template);
    }

    /** Fills {@code {name}} with {@code whenPresent} if the server has the feature, else {@code otherwise}. */
    public Query slot(String name, boolean present, String whenPresent, String otherwise) {
        return slot(name, present ? whenPresent : otherwise);
    }

    /** Fills {@code {name}} with {@code text}. */
    public Query slot(String name, String text) {
        if (slots.putIfAbsent(name, text) != null) {
            throw new IllegalStateException("query slot {" + name + "} filled twice");
        }
        return this;
    }

    /** The SQL for this server; every slot of the template must be filled, and every fill must have a slot. */
    public String sql() {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        java.util.Set<String> used = new java.util.HashSet<>();
        while (m.find()) {
            String text = slots.get(m.group(1));
            if (text == null) {
                throw new IllegalStateException("query slot {" + m.group(1) + "} not filled");
            }
            used.add(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        if (!used.containsAll(slots.keySet())) {
            throw new IllegalStateException("query has no slot for " + slots.keySet().stream()
                    .filter(s -> !used.contains(s)).toList());
        }
        return out.toString();
    }
}
