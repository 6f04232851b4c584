/**
 * Internal: one run's bookkeeping, shared by dump and restore: its cancel watch and the progress events it sends.
 * Not part of the API ({@code org.pgdump4j.api}); may change in any release.
 */
package org.pgdump4j.monitor;
