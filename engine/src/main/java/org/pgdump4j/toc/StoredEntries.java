package org.pgdump4j.toc;

import java.util.AbstractList;

/**
 * TOC entries that stay in the archive and are read back on each access, instead of being held: a TOC of a million
 * entries (pg_dump 16 and older write one per large object) takes hundreds of megabytes as objects, but a few bytes
 * each as positions. Immutable, as {@link Toc} requires; each iteration reads the entries afresh, in order, so two
 * iterations yield equal but not identical entries. Random access ({@link #get}) reads one entry.
 */
public abstract class StoredEntries extends AbstractList<TocEntry> {
}
