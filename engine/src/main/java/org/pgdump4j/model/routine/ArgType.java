package org.pgdump4j.model.routine;

/**
 * One input argument type of a routine as pg_dump names and sorts it.
 *
 * @param display   {@code format_type(oid, NULL)}: what the TOC tag and the ACL signature show
 * @param schema    the type's schema name, compared first by pg_dump_sort.c's pgTypeNameCompare
 * @param name      the type's {@code typname} ({@code _int4} for {@code integer[]}), compared second
 */
public record ArgType(String display, String schema, String name) {
}
