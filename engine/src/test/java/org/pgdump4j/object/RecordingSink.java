package org.pgdump4j.object;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Column;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** An emitter's calls, one line each (no server, no TOC): what DDL unit tests compare. */
public final class RecordingSink implements EntrySink {
    private final List<String> calls = new ArrayList<>();
    private final Set<ObjectId> movedOut;

    public RecordingSink() {
        this(Set.of());
    }

    /** @param movedOut the parts the sort moved out of the object (see {@link EntrySink#inline}) */
    public RecordingSink(Set<ObjectId> movedOut) {
        this.movedOut = movedOut;
    }

    public List<String> calls() {
        return calls;
    }

    @Override
    public void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
            String create, String drop) {
        calls.add("definition " + kind.desc() + " | " + tag + " | " + namespace + " | " + owner + " | " + create
                + " | " + drop);
    }

    @Override
    public void comment(String type, String name, @Nullable String namespace, @Nullable String owner,
            @Nullable String text) {
        calls.add("comment " + type + " | " + name + " | " + namespace + " | " + owner + " | " + text);
    }

    @Override
    public void acl(String type, String name, @Nullable String namespace, Ownership ownership) {
        acl(type, name, namespace, ownership, type + " " + name);
    }

    @Override
    public void securityLabels(String type, String name, @Nullable String namespace, @Nullable String owner) {
        calls.add("labels " + type + " | " + name + " | " + namespace + " | " + owner);
    }

    @Override
    public void securityLabels(ObjectId target, String type, String name, @Nullable String namespace,
            @Nullable String owner) {
        calls.add("labels of " + target.classOid() + "/" + target.oid() + " " + type + " | " + name + " | "
                + namespace + " | " + owner);
    }

    @Override
    public void relationSecurityLabels(String type, QualifiedName name, @Nullable String owner,
            List<Column> columns) {
        calls.add("relationLabels " + type + " | " + name.schema() + "." + name.name() + " | " + owner + " | "
                + columns.size() + " columns");
    }

    @Override
    public void acl(String type, String name, @Nullable String namespace, Ownership ownership, String tag) {
        calls.add("acl " + type + " | " + name + " | " + namespace + " | " + ownership.acl() + " | " + tag);
    }

    @Override
    public void privilegesDefinition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
            String create) {
        calls.add("privilegesDefinition " + kind.desc() + " | " + tag + " | " + namespace + " | " + owner + " | "
                + create);
    }

    @Override
    public void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
            @Nullable String tablespace, @Nullable String accessMethod, char relkind, String create, String drop) {
        calls.add("definition " + kind.desc() + " | " + tag + " | " + namespace + " | " + owner + " | " + tablespace
                + " | " + accessMethod + " | " + (relkind == '\0' ? "-" : String.valueOf(relkind)) + " | " + create
                + " | " + drop);
    }

    @Override
    public void also(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner, String create,
            String drop, ObjectId after) {
        calls.add("also " + kind.desc() + " | " + tag + " | " + namespace + " | " + owner + " | " + create + " | "
                + drop + " | after " + after.oid());
    }

    @Override
    public void commentOn(String tag, String target, @Nullable String namespace, @Nullable String owner,
            @Nullable String text) {
        calls.add("commentOn " + tag + " | " + target + " | " + namespace + " | " + owner + " | " + text);
    }

    @Override
    public void columnAcl(String type, String name, String column, @Nullable String namespace,
            Ownership ownership) {
        calls.add("columnAcl " + type + " | " + name + " | " + column + " | " + namespace + " | "
                + ownership.acl() + " | " + ownership.baseline());
    }

    @Override
    public void warning(String message) {
        calls.add("warning " + message);
    }

    @Override
    public boolean inline(ObjectId part) {
        return !movedOut.contains(part);
    }
}
