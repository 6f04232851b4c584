package org.pgdump4j.object.largeobject;

import org.pgdump4j.model.largeobject.LargeObjectGroup;

/** pg_dump's dumpLO text: a BLOB METADATA entry lists its OIDs, one a line; restore creates them from that list. */
public final class LargeObjectDdl {
    private LargeObjectDdl() {
    }

    public static String metadata(LargeObjectGroup g) {
        StringBuilder oids = new StringBuilder(g.members().size() * 8);
        g.members().forEach(lo -> oids.append(lo.oid()).append('\n'));
        return oids.toString();
    }

    /** The drop text pg_dump writes for a BLOB METADATA entry: a placeholder. */
    public static final String DROP = "-- dummy";
}
