package org.pgdump4j.object.subscription;

import org.pgdump4j.model.subscription.Subscription;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpSubscription: the SUBSCRIPTION entry (post-data), then its comment and security labels (kept in
 * pg_shseclabel, as pg_subscription is shared; pg_seclabels shows them). No privileges.
 */
public final class SubscriptionEmitter {
    private SubscriptionEmitter() {
    }

    public static void emit(Subscription s, EntrySink sink) {
        sink.definition(EntryKind.SUBSCRIPTION, s.name(), null, s.owner(), SubscriptionDdl.create(s),
                SubscriptionDdl.drop(s));
        sink.comment("SUBSCRIPTION", Sql.ident(s.name()), null, s.owner(), s.comment());
        sink.securityLabels("SUBSCRIPTION", Sql.ident(s.name()), null, s.owner());
    }
}
