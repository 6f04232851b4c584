package org.pgdump4j.toc;

/** pg_dump's teSection values; the numbers are what the archive TOC stores. */
public enum Section {
    NONE(1),
    PRE_DATA(2),
    DATA(3),
    POST_DATA(4);

    private final int code;

    Section(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
