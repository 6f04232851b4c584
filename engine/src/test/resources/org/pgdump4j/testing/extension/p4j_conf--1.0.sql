\echo Use "CREATE EXTENSION p4j_conf" to load this file. \quit
-- conf_all's rows are all dumped (no condition), so it ships none: a restore would repeat them;
-- conf_user's shipped rows are left out by its condition.
CREATE TABLE conf_all (id integer PRIMARY KEY, v text);
CREATE TABLE conf_user (id integer, v text, is_user boolean DEFAULT true);
CREATE SEQUENCE conf_seq;
CREATE TABLE plain_member (id integer);
CREATE VIEW member_view AS SELECT id FROM conf_all;
INSERT INTO conf_user VALUES (1, 'shipped', false);
GRANT SELECT ON plain_member TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('conf_all', '');
SELECT pg_catalog.pg_extension_config_dump('conf_user', 'WHERE is_user');
SELECT pg_catalog.pg_extension_config_dump('conf_seq', '');
