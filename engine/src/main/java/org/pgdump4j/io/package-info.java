/**
 * Internal: files and streams: durable output, partial files, I/O messages.
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.io;
