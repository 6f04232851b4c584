/**
 * Internal: the table of contents every format reads and writes.
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.toc;
