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

    public static ObjectId relation(long oid) {
        return new ObjectId(PG_CLASS, oid);
    }
}
