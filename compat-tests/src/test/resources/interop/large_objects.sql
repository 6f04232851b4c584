-- Large objects for the interop matrix, on top of the four in fixtures/slice1.sql (424242..424245):
-- one with a comment and an ACL, one owned by a role whose name needs quoting, one of 96 kB of
-- poorly compressible bytes (pg_dump writes large objects in 16 kB pieces), and one readable by PUBLIC.
-- Needs the roles of fixtures/roles.sql.
SELECT pg_catalog.lo_from_bytea(515150, pg_catalog.convert_to('interop large object: été', 'UTF8'));
SELECT pg_catalog.lo_from_bytea(515151, (SELECT pg_catalog.decode(pg_catalog.string_agg(
        pg_catalog.lpad(pg_catalog.to_hex((i * 7919 + i / 13) % 256), 2, '0'), '' ORDER BY i), 'hex')
        FROM pg_catalog.generate_series(1, 98304) AS i));
SELECT pg_catalog.lo_from_bytea(515152, '\x00ff00ff0a0d5c'::bytea);
COMMENT ON LARGE OBJECT 515150 IS 'interop: a comment with ''quotes''
and a second line';
GRANT SELECT, UPDATE ON LARGE OBJECT 515150 TO p4j_reader;
ALTER LARGE OBJECT 515151 OWNER TO "P4J Odd ""Role""";
GRANT SELECT ON LARGE OBJECT 515152 TO PUBLIC;
