package org.pgdump4j.object;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** An emitter's calls, one line each (no server, no TOC): what DDL unit tests compare. */
public final class RecordingSink implements EntrySink {
    private final List<String> calls = new ArrayList<>();

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
    public void acl(String type, String name, @Nullable String namespace, Ownership ownership, String tag) {
        calls.add("acl " + type + " | " + name + " | " + namespace + " | " + ownership.acl() + " | " + tag);
    }

    @Override
    public boolean inline(ObjectId part) {
        return true;
    }
}
