package org.pgdump4j.catalog.coverage;

/**
 * What a dump will hold beside the filters' choice of schemas and relations, as pg_dump decides it.
 *
 * @param everything      no -n/-t narrows the dump (pg_dump's include_everything): objects outside schemas are
 *                        dumped
 * @param databaseEntries the DATABASE entries are written (-C, or any archive format)
 * @param definitions     definitions are dumped (not -a)
 * @param data            table data is dumped (not -s)
 * @param privileges      GRANT/REVOKE are dumped (not -x)
 * @param publications    publications are read and dumped (not --no-publications)
 * @param subscriptions   subscriptions are read and dumped (not --no-subscriptions)
 * @param policies        tables' row-level security and policies are read and dumped (not --no-policies)
 * @param toastCompression columns' compression methods are written (not --no-toast-compression)
 * @param statistics      relations' optimizer statistics are dumped (--statistics, --statistics-only)
 * @param tablespaces     CREATE DATABASE names the database's tablespace (not --no-tablespaces)
 * @param securityLabels  security labels are read and dumped (not --no-security-labels)
 */
public record DumpScope(boolean everything, boolean databaseEntries, boolean definitions, boolean data,
        boolean privileges, boolean publications, boolean subscriptions, boolean policies,
        boolean toastCompression, boolean statistics, boolean tablespaces, boolean securityLabels) {
    /** With security labels. */
    public DumpScope(boolean everything, boolean databaseEntries, boolean definitions, boolean data,
            boolean privileges, boolean publications, boolean subscriptions, boolean policies,
            boolean toastCompression, boolean statistics, boolean tablespaces) {
        this(everything, databaseEntries, definitions, data, privileges, publications, subscriptions, policies,
                toastCompression, statistics, tablespaces, true);
    }

    /** With the database's tablespace. */
    public DumpScope(boolean everything, boolean databaseEntries, boolean definitions, boolean data,
            boolean privileges, boolean publications, boolean subscriptions, boolean policies,
            boolean toastCompression, boolean statistics) {
        this(everything, databaseEntries, definitions, data, privileges, publications, subscriptions, policies,
                toastCompression, statistics, true);
    }

    /** Without statistics, pg_dump 18's default. */
    public DumpScope(boolean everything, boolean databaseEntries, boolean definitions, boolean data,
            boolean privileges, boolean publications, boolean subscriptions, boolean policies,
            boolean toastCompression) {
        this(everything, databaseEntries, definitions, data, privileges, publications, subscriptions, policies,
                toastCompression, false);
    }

    /** With columns' compression methods. */
    public DumpScope(boolean everything, boolean databaseEntries, boolean definitions, boolean data,
            boolean privileges, boolean publications, boolean subscriptions, boolean policies) {
        this(everything, databaseEntries, definitions, data, privileges, publications, subscriptions, policies, true);
    }

    /** With publications, subscriptions and policies. */
    public DumpScope(boolean everything, boolean databaseEntries, boolean definitions, boolean data,
            boolean privileges) {
        this(everything, databaseEntries, definitions, data, privileges, true, true, true, true);
    }
}
