/**
 * Internal: security labels: read once, as pg_dump's collectSecLabels, and their text; each family's emitter asks
 * the TOC assembler for its objects' labels.
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.object.seclabel;
