/**
 * What a run tells its caller and how the caller stops it: {@link org.pgdump4j.progress.ProgressEvent} (phases,
 * totals, entries, tables' rows and bytes) and {@link org.pgdump4j.progress.Cancellation}, both taken by the
 * builders of {@code org.pgdump4j.api} and so part of the API. {@link org.pgdump4j.progress.ProgressListener} is how
 * the engine reports to the CLI and the API: internal, may change in any release.
 */
package org.pgdump4j.progress;
