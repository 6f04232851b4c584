package org.pgdump4j.model;

/**
 * Which parts of an object the dump writes, pg_dump's DUMP_COMPONENT_* mask. Decided once, when the object is
 * read, by the selection rules (filters, schema, extension membership); the content options (-s, -a, -x,
 * --no-comments) are applied on top when entries are emitted. An object with no component keeps its place in
 * the sort, so a narrowed dump orders like a full one.
 */
public record Components(int bits) {
    public static final int DEFINITION = 1;
    public static final int DATA = 1 << 1;
    public static final int COMMENT = 1 << 2;
    public static final int SECLABEL = 1 << 3;
    public static final int ACL = 1 << 4;
    public static final int POLICY = 1 << 5;
    public static final int USERMAP = 1 << 6;
    public static final int STATISTICS = 1 << 7;
    private static final int EVERY = (1 << 8) - 1;

    public static final Components NONE = new Components(0);
    public static final Components ALL = new Components(EVERY);

    public Components {
        if ((bits & ~EVERY) != 0) {
            throw new IllegalArgumentException("unknown component bits " + Integer.toHexString(bits));
        }
    }

    public boolean has(int component) {
        return (bits & component) != 0;
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    public Components and(Components other) {
        return new Components(bits & other.bits);
    }

    public Components without(int component) {
        return new Components(bits & ~component);
    }
}
