/**
 * Internal: pg_dumpall. The cluster's global objects (roles, their settings and memberships, privileges on
 * configuration parameters, tablespaces) read into records and written as pg_dumpall 18 writes them, then every
 * database dumped by {@link org.pgdump4j.dump.PgDump} into the same script. {@link PgDumpall} is the entry point.
 */
package org.pgdump4j.dumpall;
