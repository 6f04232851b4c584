package org.pgdump4j.object.rule;

import org.pgdump4j.model.rule.Rule;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_dump's dumpRule: the RULE entry (post-data, tagged "table rule", owned by the table's owner), then its comment. */
public final class RuleEmitter {
    private RuleEmitter() {
    }

    public static void emit(Rule r, EntrySink sink) {
        sink.definition(EntryKind.RULE, r.table().name() + " " + r.name(), r.table().schema(), r.tableOwner(),
                RuleDdl.create(r), RuleDdl.drop(r));
        sink.comment("RULE " + Sql.ident(r.name()) + " ON", Sql.ident(r.table().name()), r.table().schema(),
                r.tableOwner(), r.comment());
    }
}
