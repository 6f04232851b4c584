package org.pgdump4j.catalog.coverage;

/**
 * One object pg_dump 18 would dump that pgdump4j cannot dump yet.
 *
 * @param kind   what it is, in pg_dump's TOC words where there are such ("FUNCTION", "TRIGGER"), else a
 *               description of the table feature ("TABLE FEATURE SET STORAGE")
 * @param object the server's identity of the object ({@code pg_identify_object}), e.g. {@code public.f(integer)}
 */
public record Gap(String kind, String object) {
}
