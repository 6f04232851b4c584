/**
 * Internal: SQL text shared by several object families.
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.ddl;
