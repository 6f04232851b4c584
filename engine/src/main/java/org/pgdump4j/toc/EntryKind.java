package org.pgdump4j.toc;

/**
 * The TOC {@code desc} strings we write, with the section pg_dump files them under. Strings that must match
 * pg_dump byte for byte live here and nowhere else.
 */
public enum EntryKind {
    ENCODING("ENCODING", Section.PRE_DATA),
    STDSTRINGS("STDSTRINGS", Section.PRE_DATA),
    SEARCHPATH("SEARCHPATH", Section.PRE_DATA),
    DATABASE("DATABASE", Section.PRE_DATA),
    DATABASE_PROPERTIES("DATABASE PROPERTIES", Section.PRE_DATA),
    SCHEMA("SCHEMA", Section.PRE_DATA),
    TABLE("TABLE", Section.PRE_DATA),
    VIEW("VIEW", Section.PRE_DATA),
    SEQUENCE("SEQUENCE", Section.PRE_DATA),
    SEQUENCE_OWNED_BY("SEQUENCE OWNED BY", Section.PRE_DATA),
    DEFAULT("DEFAULT", Section.PRE_DATA),
    TABLE_DATA("TABLE DATA", Section.DATA),
    SEQUENCE_SET("SEQUENCE SET", Section.DATA),
    BLOB_METADATA("BLOB METADATA", Section.DATA),
    BLOBS("BLOBS", Section.DATA),
    CONSTRAINT("CONSTRAINT", Section.POST_DATA),
    CHECK_CONSTRAINT("CHECK CONSTRAINT", Section.POST_DATA),
    INDEX("INDEX", Section.POST_DATA),
    FK_CONSTRAINT("FK CONSTRAINT", Section.POST_DATA),
    COMMENT("COMMENT", Section.NONE),
    ACL("ACL", Section.NONE);

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
}
