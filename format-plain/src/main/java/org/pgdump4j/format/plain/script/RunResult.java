package org.pgdump4j.format.plain.script;

/**
 * What a {@link ScriptRunner} run did.
 *
 * @param statements SQL statements that succeeded, COPY statements included (meta-commands and empty statements
 *     are not counted)
 * @param copyRows rows loaded by COPY ... FROM stdin blocks, as the server counted them
 * @param errors failed statements and meta-commands that were reported and skipped (always 0 with
 *     {@link RunnerOptions#exitOnError()}, which throws instead)
 */
public record RunResult(long statements, long copyRows, int errors) {
}
