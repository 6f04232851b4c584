/**
 * Internal (not part of the API, {@code org.pgdump4j.api}; may change in any release): connections the way libpq
 * makes them, on PgJDBC.
 *
 * <p>A command line gives {@link org.pgdump4j.connect.ConnArgs}; {@link org.pgdump4j.connect.ConnInfo#resolve}
 * applies libpq 18's precedence (connection string or URI in the database name, then {@code -h/-p/-U}, then the
 * service file, then {@code PG*} environment variables, then defaults) and finds the password file;
 * {@link org.pgdump4j.connect.PgConnector} opens {@code java.sql.Connection}s with it, prompting for a password as
 * pg_dump does, and fails with one-line libpq-style {@link org.pgdump4j.ConnectionException}s. Parsing and quoting of
 * connection strings is {@link org.pgdump4j.connect.ConnString}; password files are
 * {@link org.pgdump4j.connect.PgPass}.
 *
 * <p>Not carried over to PgJDBC (accepted, validated where libpq validates, then ignored;
 * {@link org.pgdump4j.connect.PgConnector#warnings()} names those set to a non-default value):
 * {@code keepalives_idle},
 * {@code keepalives_interval}, {@code keepalives_count}, {@code tcp_user_timeout}, {@code sslcompression},
 * {@code sslcertmode}, {@code sslcrl}, {@code sslcrldir}, {@code sslsni}, {@code sslkeylogfile},
 * {@code ssl_min_protocol_version}, {@code ssl_max_protocol_version}, {@code min_protocol_version},
 * {@code max_protocol_version}, {@code require_auth}, {@code gssdelegation}, {@code replication}, the
 * {@code oauth_*} and {@code scram_*_key} options, and libpq's startup-packet variables {@code PGDATESTYLE} and
 * {@code PGGEQO} (PgJDBC sends DateStyle ISO). {@code PGTZ} and the server's own time zone are honoured after
 * connecting ({@code SessionZone}); {@code client_encoding}/{@code PGCLIENTENCODING} (PgJDBC always speaks UTF8) is
 * the encoding a dump writes in when -E is not given, as with pg_dump ({@code ConnectionSource#clientEncoding}).
 * Approximations:
 * {@code gssencmode=prefer} tries GSS encryption only if the server asks; {@code sslmode=prefer}/{@code allow} do not
 * verify the certificate even when a root certificate file exists (libpq does); {@code sslkey} must be a key PgJDBC
 * reads (PKCS-8 DER, or PKCS-12 {@code .p12}/{@code .pfx}), and without {@code sslcert}/{@code sslkey} PgJDBC's
 * defaults apply ({@code postgresql.crt}, {@code postgresql.pk8} under libpq's home, {@link LibpqHome}); a host name is connected
 * to at its first address only; Linux abstract sockets ({@code host=@name}) are not supported by the JDK.
 */
@NullMarked
package org.pgdump4j.connect;

import org.jspecify.annotations.NullMarked;
