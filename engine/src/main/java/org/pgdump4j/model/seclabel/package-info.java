/**
 * Internal: security labels' records.
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.model.seclabel;
