/**
 * Internal (not part of the API, {@code org.pgdump4j.api}; may change in any release): reading and running plain
 * SQL scripts without psql: {@link org.pgdump4j.format.plain.script.ScriptSplitter} cuts
 * a script into statements, meta-commands and COPY data (streaming, with the ANTLR lexer
 * {@code org.pgdump4j.format.plain.gen.PlainScriptLexer}); {@link org.pgdump4j.format.plain.script.ScriptRunner}
 * executes them over JDBC as {@code psql -f} would.
 */
package org.pgdump4j.format.plain.script;
