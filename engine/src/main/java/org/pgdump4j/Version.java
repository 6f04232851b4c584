package org.pgdump4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version strings pgdump4j reports, all from {@code version.properties}, which the build stamps from the pom:
 * the project version, and the pg_dump release whose behaviour we reproduce.
 */
public final class Version {
    /** The pg_dump major whose behaviour we reproduce. */
    public static final int PG_MAJOR = 18;

    private static final Properties STAMPED = load();

    private Version() {
    }

    /** Our own version: {@code 0.1.0}. */
    public static String pgdump4j() {
        return STAMPED.getProperty("version");
    }

    /** The pg_dump release we stand in for ({@code 18.6}): what the version options print first. */
    public static String pgDump() {
        return STAMPED.getProperty("pg_dump");
    }

    /** What "-- Dumped by pg_dump version" says: the pg_dump release we follow, and who we are. */
    public static String dumpVersion() {
        return pgDump() + " (pgdump4j " + pgdump4j() + ")";
    }

    /** {@code pg_dump (PostgreSQL) 18.6 (pgdump4j 0.1.0)}: the real tools' form, our name after it. */
    public static String versionLine(String program) {
        return program + " (PostgreSQL) " + dumpVersion();
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/pgdump4j/version.properties");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : new String[] {"version", "pg_dump"}) {
            String value = p.getProperty(key);
            if (value == null || value.isBlank() || value.contains("${")) {
                throw new IllegalStateException("version.properties was not stamped by the build: " + key + "=" + value);
            }
        }
        if (!p.getProperty("pg_dump").startsWith(PG_MAJOR + ".")) {
            throw new IllegalStateException("pg_dump release " + p.getProperty("pg_dump") + " is not of major " + PG_MAJOR);
        }
        return p;
    }
}
