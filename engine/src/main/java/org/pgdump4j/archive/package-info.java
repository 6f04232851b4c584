/**
 * Internal: the archive format SPI (formats found through ServiceLoader).
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.archive;
