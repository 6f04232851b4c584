package org.pgdump4j.model.seclabel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.model.ObjectId;

/**
 * Every security label pg_dump reads (the view pg_seclabels), by object, each object's in the order pg_dump's
 * collectSecLabels reads them: by column number, and for one column in the order the server's sort returned them
 * (pg_dump sorts by nothing else, so neither do we). Read once; the TOC assembler writes an object's labels when
 * its emitter asks for them.
 */
public final class SecurityLabels {
    public static final SecurityLabels NONE = new SecurityLabels(Map.of());

    private final Map<ObjectId, List<SecurityLabel>> byObject;

    private SecurityLabels(Map<ObjectId, List<SecurityLabel>> byObject) {
        this.byObject = byObject;
    }

    /** @param byObject each object's labels in their order; copied */
    public static SecurityLabels of(Map<ObjectId, List<SecurityLabel>> byObject) {
        Map<ObjectId, List<SecurityLabel>> copy = new HashMap<>(byObject.size() * 4 / 3 + 1);
        byObject.forEach((id, labels) -> copy.put(id, List.copyOf(labels)));
        return new SecurityLabels(copy);
    }

    /** The object's labels, its columns' too, in order; empty when it has none. */
    public List<SecurityLabel> of(ObjectId object) {
        return byObject.getOrDefault(object, List.of());
    }

    public boolean isEmpty() {
        return byObject.isEmpty();
    }
}
