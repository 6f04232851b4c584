package org.pgdump4j.toc;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;

/**
 * Where a family emitter writes one object's entries, in the order pg_dump's dumpXxx writes them: its definition,
 * then its comments, security labels and privileges. Each call is dropped when the object's components or the
 * dump's content options (-s, -a, -x, --no-comments) leave that part out, so emitters never test them. Every
 * entry depends on the object's dump id; the definition also on the objects the sort put before it.
 */
public interface EntrySink {
    /** The object's own entry (pg_dump's ArchiveEntry for it), carrying the object's catalog id and dump id. */
    void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner, String create,
            String drop);

    /**
     * pg_dump's dumpComment: {@code COMMENT ON <type> [<namespace>.]<name> IS '...'}, tagged {@code <type> <name>}.
     *
     * @param name the object's name as SQL writes it (quoted; with its argument list for routines)
     */
    void comment(String type, String name, @Nullable String namespace, @Nullable String owner,
            @Nullable String text);

    /** pg_dump's dumpACL: GRANT/REVOKE turning the baseline privileges into the object's, tagged {@code <type> <name>}. */
    void acl(String type, String name, @Nullable String namespace, Ownership ownership);

    /**
     * The same with a tag of its own (a group of large objects: {@code LARGE OBJECTS <first>..<last>}). Only the
     * TOC assembler's sink writes such entries; a recording sink in a test need not.
     */
    default void acl(String type, String name, @Nullable String namespace, Ownership ownership, String tag) {
        throw new UnsupportedOperationException("this sink writes no privileges tagged " + tag);
    }

    /**
     * The own entry of an object that is nothing but privileges (pg_dump's DEFAULT ACL): written, like an ACL
     * entry, only when the object's ACL component and the dump's schema and privileges (-x) allow.
     */
    void privilegesDefinition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
            String create);

    /**
     * pg_dump's pg_log_warning while it writes this object (a postfix operator, say): printed on stderr as
     * {@code pg_dump: warning: <message>}; dropped when the dump writes no definitions (pg_dump's dumpXxx returns
     * before it warns).
     */
    void warning(String message);

    /**
     * Whether {@code part} (an object whose {@link org.pgdump4j.model.FamilyObject#inlineInto} is this object) is
     * written inside this object's definition; false when the sort moved it out to break a dependency loop.
     */
    boolean inline(ObjectId part);
}
