package org.pgdump4j.model;

/** A catalog object's identity: the OID of its system catalog plus its own OID, as pg_depend records them. */
public record ObjectId(long classOid, long oid) {
    public static final long PG_CLASS = 1259;
    public static final long PG_NAMESPACE = 2615;
    public static final long PG_CONSTRAINT = 2606;
    public static final long PG_ATTRDEF = 2604;
    public static final long PG_REWRITE = 2618;
    public static final long PG_DATABASE = 1262;
    public static final long PG_LARGEOBJECT = 2613;

    /** Catalog OID 0: no catalog row, as pg_dump's attach objects; the OID is the partition's or its index's. */
    public static final long NO_CATALOG = 0;

    public static ObjectId attach(long relationOid) {
        return new ObjectId(NO_CATALOG, relationOid);
    }

    public static ObjectId relation(long oid) {
        return new ObjectId(PG_CLASS, oid);
    }

    // Written out: the TOC builder and the sorter look ids up in hash maps hundreds of thousands of times, and the
    // record's generated methods (method handles) cost several times more under the launcher's C1-only JIT.
    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectId other && other.oid == oid && other.classOid == classOid;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(oid) * 31 + Long.hashCode(classOid);
    }
}
