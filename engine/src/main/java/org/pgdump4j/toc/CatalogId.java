package org.pgdump4j.toc;

/** The (tableoid, oid) pair a TOC entry records; {@link #NONE} for entries without a catalog object. */
public record CatalogId(long tableOid, long oid) {
    public static final CatalogId NONE = new CatalogId(0, 0);
}
