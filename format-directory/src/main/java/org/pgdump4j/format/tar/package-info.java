/**
 * Internal: the tar archive format (-Ft).
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.format.tar;
