package org.pgdump4j;

/** Version strings pgdump4j reports. */
public final class Version {
    /** The pg_dump major whose behaviour we reproduce. */
    public static final int PG_MAJOR = 18;

    private Version() {
    }

    /** Our own version, from the jar manifest; "dev" when run from classes. */
    public static String pgdump4j() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** What "-- Dumped by pg_dump version" says: the PostgreSQL major we follow, and who we are. */
    public static String dumpVersion() {
        return PG_MAJOR + " (pgdump4j " + pgdump4j() + ")";
    }
}
