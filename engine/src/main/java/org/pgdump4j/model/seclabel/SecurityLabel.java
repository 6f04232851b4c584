package org.pgdump4j.model.seclabel;

/**
 * One security label (a pg_seclabel or pg_shseclabel row) of an object.
 *
 * @param subId the column's number for a relation's column, 0 for the object itself
 */
public record SecurityLabel(int subId, String provider, String label) {
}
