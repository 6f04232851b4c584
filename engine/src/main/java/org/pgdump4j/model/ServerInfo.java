package org.pgdump4j.model;

/**
 * Facts about the source server that the SQL text depends on.
 *
 * @param version          server_version, as printed in "-- Dumped from database version"
 * @param versionNum       server_version_num
 * @param encoding         the client encoding the dump is written in
 * @param standardStrings  standard_conforming_strings
 */
public record ServerInfo(String version, int versionNum, String encoding, boolean standardStrings) {
}
