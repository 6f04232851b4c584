--
-- PostgreSQL database dump
--

\restrict FIXTUREKEY

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 18.6 (Debian 18.6-3)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

BEGIN;

COMMIT;

--
-- Name: fixturedb; Type: DATABASE; Schema: -; Owner: fx_owner
--

CREATE DATABASE fixturedb WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C.UTF-8';


ALTER DATABASE fixturedb OWNER TO fx_owner;

\unrestrict FIXTUREKEY
\connect fixturedb
\restrict FIXTUREKEY

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

BEGIN;

--
-- Name: DATABASE fixturedb; Type: COMMENT; Schema: -; Owner: fx_owner
--

COMMENT ON DATABASE fixturedb IS 'archive format fixtures';


COMMIT;
BEGIN;

COMMIT;

--
-- Name: fixturedb; Type: DATABASE PROPERTIES; Schema: -; Owner: fx_owner
--

ALTER DATABASE fixturedb SET work_mem TO '8MB';


\unrestrict FIXTUREKEY
\connect fixturedb
\restrict FIXTUREKEY

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

BEGIN;

--
-- Name: shop; Type: SCHEMA; Schema: -; Owner: fx_owner
--

CREATE SCHEMA shop;


ALTER SCHEMA shop OWNER TO fx_owner;

COMMIT;
BEGIN;

--
-- Name: SCHEMA shop; Type: COMMENT; Schema: -; Owner: fx_owner
--

COMMENT ON SCHEMA shop IS 'schema for the shop tables';


--
-- Name: add_tax(numeric, numeric); Type: FUNCTION; Schema: shop; Owner: fx_owner
--

CREATE FUNCTION shop.add_tax(amount numeric, rate numeric DEFAULT 0.2) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT round(amount * (1 + rate), 2) $$;


ALTER FUNCTION shop.add_tax(amount numeric, rate numeric) OWNER TO fx_owner;

COMMIT;
BEGIN;

--
-- Name: FUNCTION add_tax(amount numeric, rate numeric); Type: COMMENT; Schema: shop; Owner: fx_owner
--

COMMENT ON FUNCTION shop.add_tax(amount numeric, rate numeric) IS 'adds VAT';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: odd name; Type: TABLE; Schema: public; Owner: fx_owner
--

CREATE TABLE public."odd
name" (
    v text
);


ALTER TABLE public."odd
name" OWNER TO fx_owner;

COMMIT;
BEGIN;

--
-- Name: customer; Type: TABLE; Schema: shop; Owner: fx_owner
--

CREATE TABLE shop.customer (
    id integer NOT NULL,
    name text NOT NULL,
    email text,
    note text,
    photo bytea,
    CONSTRAINT customer_name_check CHECK ((name <> ''::text))
);


ALTER TABLE shop.customer OWNER TO fx_owner;

--
-- Name: TABLE customer; Type: COMMENT; Schema: shop; Owner: fx_owner
--

COMMENT ON TABLE shop.customer IS 'customers; one row each';


COMMIT;
BEGIN;

--
-- Name: COLUMN customer.email; Type: COMMENT; Schema: shop; Owner: fx_owner
--

COMMENT ON COLUMN shop.customer.email IS 'may be NULL';


--
-- Name: invoice_no; Type: SEQUENCE; Schema: shop; Owner: fx_owner
--

CREATE SEQUENCE shop.invoice_no
    START WITH 1000
    INCREMENT BY 10
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE shop.invoice_no OWNER TO fx_owner;

COMMIT;
BEGIN;

--
-- Name: orders; Type: TABLE; Schema: shop; Owner: fx_owner
--

CREATE TABLE shop.orders (
    order_id integer NOT NULL,
    customer_id integer NOT NULL,
    invoice bigint DEFAULT nextval('shop.invoice_no'::regclass),
    amount numeric(10,2) NOT NULL,
    placed_on date NOT NULL,
    attrs jsonb
);


ALTER TABLE shop.orders OWNER TO fx_owner;

--
-- Name: customer_totals; Type: VIEW; Schema: shop; Owner: fx_owner
--

CREATE VIEW shop.customer_totals AS
 SELECT c.id,
    c.name,
    COALESCE(sum(o.amount), (0)::numeric) AS total
   FROM (shop.customer c
     LEFT JOIN shop.orders o ON ((o.customer_id = c.id)))
  GROUP BY c.id, c.name;


ALTER VIEW shop.customer_totals OWNER TO fx_owner;

COMMIT;
BEGIN;

--
-- Name: big_spenders; Type: MATERIALIZED VIEW; Schema: shop; Owner: fx_owner
--

CREATE MATERIALIZED VIEW shop.big_spenders AS
 SELECT customer_totals.id,
    customer_totals.name
   FROM shop.customer_totals
  WHERE (customer_totals.total > (20)::numeric)
  WITH NO DATA;


ALTER MATERIALIZED VIEW shop.big_spenders OWNER TO fx_owner;

--
-- Name: customer_id_seq; Type: SEQUENCE; Schema: shop; Owner: fx_owner
--

CREATE SEQUENCE shop.customer_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE shop.customer_id_seq OWNER TO fx_owner;

COMMIT;
BEGIN;

--
-- Name: customer_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: fx_owner
--

ALTER SEQUENCE shop.customer_id_seq OWNED BY shop.customer.id;


--
-- Name: orders_order_id_seq; Type: SEQUENCE; Schema: shop; Owner: fx_owner
--

ALTER TABLE shop.orders ALTER COLUMN order_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME shop.orders_order_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


COMMIT;
BEGIN;

--
-- Name: customer id; Type: DEFAULT; Schema: shop; Owner: fx_owner
--

ALTER TABLE ONLY shop.customer ALTER COLUMN id SET DEFAULT nextval('shop.customer_id_seq'::regclass);


--
-- Data for Name: odd name; Type: TABLE DATA; Schema: public; Owner: fx_owner
--

COPY public."odd
name" (v) FROM stdin;
x
\.


COMMIT;
BEGIN;

--
-- Data for Name: customer; Type: TABLE DATA; Schema: shop; Owner: fx_owner
--

COPY shop.customer (id, name, email, note, photo) FROM stdin;
1	Alice	alice@example.org	plain text	\\x00ff10
2	Bob	\N	tab\there, newline\nthere	\N
3	Chloé	c@example.org	back\\slash and \\. dot	\\xdeadbeef
4	Dmitri	d@example.org	\N	\\x
\.


--
-- Data for Name: orders; Type: TABLE DATA; Schema: shop; Owner: fx_owner
--

COPY shop.orders (order_id, customer_id, invoice, amount, placed_on, attrs) FROM stdin;
1	1	1040	19.99	2024-01-02	{"gift": true}
2	1	1050	5.00	2024-02-03	\N
3	3	1060	123.45	2024-03-04	{"tags": ["a", "b"]}
\.


COMMIT;
BEGIN;

--
-- Name: customer_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: fx_owner
--

SELECT pg_catalog.setval('shop.customer_id_seq', 4, true);


--
-- Name: invoice_no; Type: SEQUENCE SET; Schema: shop; Owner: fx_owner
--

SELECT pg_catalog.setval('shop.invoice_no', 1060, true);


COMMIT;
BEGIN;

--
-- Name: orders_order_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: fx_owner
--

SELECT pg_catalog.setval('shop.orders_order_id_seq', 3, true);


--
-- Name: 424242..424245; Type: BLOB METADATA; Schema: -; Owner: fx_owner
--

SELECT pg_catalog.lo_create('424242');
COMMIT;
BEGIN;

SELECT pg_catalog.lo_create('424244');
SELECT pg_catalog.lo_create('424245');
COMMIT;
BEGIN;


ALTER LARGE OBJECT 424242 OWNER TO fx_owner;
ALTER LARGE OBJECT 424244 OWNER TO fx_owner;
COMMIT;
BEGIN;

ALTER LARGE OBJECT 424245 OWNER TO fx_owner;

COMMIT;
BEGIN;

--
-- Name: LARGE OBJECT 424242; Type: COMMENT; Schema: -; Owner: fx_owner
--

COMMENT ON LARGE OBJECT 424242 IS 'greeting blob';


--
-- Name: 424243; Type: BLOB METADATA; Schema: -; Owner: fx_owner
--

SELECT pg_catalog.lo_create('424243');
COMMIT;
BEGIN;


ALTER LARGE OBJECT 424243 OWNER TO fx_owner;

COMMIT;
BEGIN;

--
-- Data for Name: 424242..424245; Type: BLOBS; Schema: -; Owner: fx_owner
--

SELECT pg_catalog.lo_open('424242', 131072);
SELECT pg_catalog.lowrite(0, '\x68656c6c6f2c206c61726765206f626a6563740a');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('424244', 131072);
SELECT pg_catalog.lowrite(0, '\x7365636f6e64206d656d626572206f66207468652067726f7570');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('424245', 131072);
SELECT pg_catalog.lo_close(0);

--
-- Data for Name: 424243; Type: BLOBS; Schema: -; Owner: fx_owner
--

SELECT pg_catalog.lo_open('424243', 131072);
SELECT pg_catalog.lowrite(0, '\x000102030405060708090a0b0c0d0e0f');
SELECT pg_catalog.lo_close(0);

COMMIT;
BEGIN;

--
-- Name: customer customer_pkey; Type: CONSTRAINT; Schema: shop; Owner: fx_owner
--

ALTER TABLE ONLY shop.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: shop; Owner: fx_owner
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (order_id);


COMMIT;
BEGIN;

--
-- Name: orders_customer_idx; Type: INDEX; Schema: shop; Owner: fx_owner
--

CREATE INDEX orders_customer_idx ON shop.orders USING btree (customer_id, placed_on);


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: fx_owner
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customer(id);


COMMIT;
BEGIN;

--
-- Name: SCHEMA shop; Type: ACL; Schema: -; Owner: fx_owner
--

GRANT USAGE ON SCHEMA shop TO fx_reader;


--
-- Name: FUNCTION add_tax(amount numeric, rate numeric); Type: ACL; Schema: shop; Owner: fx_owner
--

REVOKE ALL ON FUNCTION shop.add_tax(amount numeric, rate numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION shop.add_tax(amount numeric, rate numeric) TO fx_reader;


COMMIT;
BEGIN;

--
-- Name: TABLE customer; Type: ACL; Schema: shop; Owner: fx_owner
--

GRANT SELECT ON TABLE shop.customer TO fx_reader;


--
-- Name: TABLE customer_totals; Type: ACL; Schema: shop; Owner: fx_owner
--

GRANT SELECT ON TABLE shop.customer_totals TO fx_reader;


COMMIT;
BEGIN;

--
-- Name: LARGE OBJECTS 424242..424245; Type: ACL; Schema: -; Owner: fx_owner
--

GRANT SELECT ON LARGE OBJECT 424242 TO fx_reader;
GRANT SELECT ON LARGE OBJECT 424244 TO fx_reader;
COMMIT;
BEGIN;

GRANT SELECT ON LARGE OBJECT 424245 TO fx_reader;

COMMIT;
BEGIN;

--
-- Name: big_spenders; Type: MATERIALIZED VIEW DATA; Schema: shop; Owner: fx_owner
--

REFRESH MATERIALIZED VIEW shop.big_spenders;


COMMIT;

--
-- PostgreSQL database dump complete
--

\unrestrict FIXTUREKEY

