/**
 * Internal: the completeness guard: what the dump cannot do yet is refused.
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.catalog.coverage;
