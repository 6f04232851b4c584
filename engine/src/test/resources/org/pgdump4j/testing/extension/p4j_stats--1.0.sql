\echo Use "CREATE EXTENSION p4j_stats" to load this file. \quit
-- pg_dump 18 writes the statistics of a configuration table's indexes (its rows being dumped makes the table
-- "interesting"), but not those of the table itself, nor those of other members' indexes.
CREATE TABLE stats_conf (id integer PRIMARY KEY, v text UNIQUE, n integer);
CREATE INDEX stats_conf_expr ON stats_conf ((lower(v)), n);
CREATE TABLE stats_cond (id integer PRIMARY KEY, keep boolean);
CREATE TABLE stats_member (id integer PRIMARY KEY, v text);
CREATE INDEX stats_member_v ON stats_member ((upper(v)));
SELECT pg_catalog.pg_extension_config_dump('stats_conf', '');
SELECT pg_catalog.pg_extension_config_dump('stats_cond', 'WHERE keep');
