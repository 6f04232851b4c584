package org.pgdump4j.model;

/**
 * A function another object names by signature (a cast's or transform's function, a language's handler):
 * pg_dump's {@code schema.name(argtype, ...)} with each argument type as format_type() writes it.
 *
 * @param args the argument types, comma and space separated, already formatted
 */
public record RoutineRef(String schema, String name, String args) {
}
