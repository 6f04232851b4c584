/**
 * Internal: the binary header and TOC of the custom, directory and tar formats.
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.archive.codec;
