package org.pgdump4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The fixed texts: {@code --help} (the real program's, from resources) and {@code --version}. */
final class ToolText {
    /** The PostgreSQL major version whose programs we stand in for. */
    static final String POSTGRES_MAJOR = "18";

    private ToolText() {
    }

    /** The help of {@code program} ({@code "pg_dump"}...), modelled on the real program's. */
    static String help(String program) {
        return resource(program + "-help.txt");
    }

    /** {@code pg_dump (PostgreSQL) 18 (pgdump4j 0.1.0)}. */
    static String versionLine(String program) {
        return program + " (PostgreSQL) " + POSTGRES_MAJOR + " (pgdump4j " + version() + ")";
    }

    /** pgdump4j's own version: from the filtered {@code version.properties}, else the jar manifest. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = ToolText.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version");
        if (version == null || version.isBlank() || version.startsWith("${")) {
            version = ToolText.class.getPackage().getImplementationVersion();
        }
        return version == null ? "unknown" : version;
    }

    private static String resource(String name) {
        try (InputStream in = ToolText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
