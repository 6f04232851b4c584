/**
 * Internal: the transform family: its reader, DDL and emitter.
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.object.transform;
