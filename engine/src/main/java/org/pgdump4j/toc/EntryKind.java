package org.pgdump4j.toc;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every TOC {@code desc} string pg_dump 18 writes (and the few older pg_dumps wrote that pg_restore 18 still
 * reads), with the section pg_dump files it under. Strings that must match pg_dump byte for byte live here and
 * nowhere else; restore compares entries through these constants, never through string literals.
 */
public enum EntryKind {
    // archive settings
    ENCODING("ENCODING", Section.PRE_DATA),
    STDSTRINGS("STDSTRINGS", Section.PRE_DATA),
    SEARCHPATH("SEARCHPATH", Section.PRE_DATA),
    DATABASE("DATABASE", Section.PRE_DATA),
    DATABASE_PROPERTIES("DATABASE PROPERTIES", Section.PRE_DATA),
    // pre-data
    SCHEMA("SCHEMA", Section.PRE_DATA),
    EXTENSION("EXTENSION", Section.PRE_DATA),
    TYPE("TYPE", Section.PRE_DATA),
    SHELL_TYPE("SHELL TYPE", Section.PRE_DATA),
    DOMAIN("DOMAIN", Section.PRE_DATA),
    FUNCTION("FUNCTION", Section.PRE_DATA),
    PROCEDURE("PROCEDURE", Section.PRE_DATA),
    AGGREGATE("AGGREGATE", Section.PRE_DATA),
    OPERATOR("OPERATOR", Section.PRE_DATA),
    OPERATOR_CLASS("OPERATOR CLASS", Section.PRE_DATA),
    OPERATOR_FAMILY("OPERATOR FAMILY", Section.PRE_DATA),
    ACCESS_METHOD("ACCESS METHOD", Section.PRE_DATA),
    COLLATION("COLLATION", Section.PRE_DATA),
    CONVERSION("CONVERSION", Section.PRE_DATA),
    PROCEDURAL_LANGUAGE("PROCEDURAL LANGUAGE", Section.PRE_DATA),
    CAST("CAST", Section.PRE_DATA),
    TRANSFORM("TRANSFORM", Section.PRE_DATA),
    TEXT_SEARCH_PARSER("TEXT SEARCH PARSER", Section.PRE_DATA),
    TEXT_SEARCH_TEMPLATE("TEXT SEARCH TEMPLATE", Section.PRE_DATA),
    TEXT_SEARCH_DICTIONARY("TEXT SEARCH DICTIONARY", Section.PRE_DATA),
    TEXT_SEARCH_CONFIGURATION("TEXT SEARCH CONFIGURATION", Section.PRE_DATA),
    FOREIGN_DATA_WRAPPER("FOREIGN DATA WRAPPER", Section.PRE_DATA),
    SERVER("SERVER", Section.PRE_DATA),
    USER_MAPPING("USER MAPPING", Section.PRE_DATA),
    TABLE("TABLE", Section.PRE_DATA),
    VIEW("VIEW", Section.PRE_DATA),
    /** Post-data when pg_dump postpones it out of a dependency loop. */
    MATERIALIZED_VIEW("MATERIALIZED VIEW", Section.PRE_DATA),
    FOREIGN_TABLE("FOREIGN TABLE", Section.PRE_DATA),
    SEQUENCE("SEQUENCE", Section.PRE_DATA),
    SEQUENCE_OWNED_BY("SEQUENCE OWNED BY", Section.PRE_DATA),
    DEFAULT("DEFAULT", Section.PRE_DATA),
    TABLE_ATTACH("TABLE ATTACH", Section.PRE_DATA),
    // data
    TABLE_DATA("TABLE DATA", Section.DATA),
    SEQUENCE_SET("SEQUENCE SET", Section.DATA),
    BLOB_METADATA("BLOB METADATA", Section.DATA),
    BLOBS("BLOBS", Section.DATA),
    /** One large object's metadata, as archives before 1.16 record it. */
    BLOB("BLOB", Section.PRE_DATA),
    /** Binary-upgrade large object metadata (18). */
    LARGE_OBJECTS("LARGE OBJECTS", Section.PRE_DATA),
    /** Post-data for indexes and materialized views. */
    STATISTICS_DATA("STATISTICS DATA", Section.DATA),
    // post-data
    CONSTRAINT("CONSTRAINT", Section.POST_DATA),
    CHECK_CONSTRAINT("CHECK CONSTRAINT", Section.POST_DATA),
    FK_CONSTRAINT("FK CONSTRAINT", Section.POST_DATA),
    INDEX("INDEX", Section.POST_DATA),
    INDEX_ATTACH("INDEX ATTACH", Section.POST_DATA),
    STATISTICS("STATISTICS", Section.POST_DATA),
    RULE("RULE", Section.POST_DATA),
    TRIGGER("TRIGGER", Section.POST_DATA),
    EVENT_TRIGGER("EVENT TRIGGER", Section.POST_DATA),
    POLICY("POLICY", Section.POST_DATA),
    ROW_SECURITY("ROW SECURITY", Section.POST_DATA),
    PUBLICATION("PUBLICATION", Section.POST_DATA),
    PUBLICATION_TABLE("PUBLICATION TABLE", Section.POST_DATA),
    PUBLICATION_TABLES_IN_SCHEMA("PUBLICATION TABLES IN SCHEMA", Section.POST_DATA),
    SUBSCRIPTION("SUBSCRIPTION", Section.POST_DATA),
    SUBSCRIPTION_TABLE("SUBSCRIPTION TABLE", Section.POST_DATA),
    DEFAULT_ACL("DEFAULT ACL", Section.POST_DATA),
    MATERIALIZED_VIEW_DATA("MATERIALIZED VIEW DATA", Section.POST_DATA),
    // attached to another entry
    COMMENT("COMMENT", Section.NONE),
    SECURITY_LABEL("SECURITY LABEL", Section.NONE),
    ACL("ACL", Section.NONE),
    /** Large object comments in archives before 1.16 were written by old pg_dumps. */
    BLOB_COMMENTS("BLOB COMMENTS", Section.DATA),
    /** pg_dump before 9.0 put language ACLs under their own desc. */
    ACL_LANGUAGE("ACL LANGUAGE", Section.NONE),
    /** A message old pg_dumps left in the TOC, printed by pg_restore, never run. */
    WARNING("WARNING", Section.NONE);

    private static final Map<String, EntryKind> BY_DESC = new HashMap<>();

    static {
        for (EntryKind k : values()) {
            BY_DESC.put(k.desc, k);
        }
    }

    private final String desc;
    private final Section section;

    EntryKind(String desc, Section section) {
        this.desc = desc;
        this.section = section;
    }

    public String desc() {
        return desc;
    }

    public Section section() {
        return section;
    }

    /** The kind of a desc read from an archive, or null for one no pg_dump writes (another tool's). */
    public static @Nullable EntryKind of(String desc) {
        return BY_DESC.get(desc);
    }
}
