/**
 * The exception tree rooted at {@link org.pgdump4j.PgDumpException}: part of the public API, with
 * {@code org.pgdump4j.api}. The other classes here are internal and may change in any release.
 */
package org.pgdump4j;
