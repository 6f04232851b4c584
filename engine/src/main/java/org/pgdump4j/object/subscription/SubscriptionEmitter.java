package org.pgdump4j.object.subscription;

import org.pgdump4j.model.subscription.Subscription;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * pg_dump's dumpSubscription: the SUBSCRIPTION entry (post-data), then its comment. No privileges. No security
 * labels either: a subscription's live in pg_shseclabel (pg_subscription is shared), which pg_dump 18 never reads,
 * and pg_dump 18.6 writes none even for a pg_seclabel row naming one (seen: SecLabelCompatIT).
 */
public final class SubscriptionEmitter {
    private SubscriptionEmitter() {
    }

    public static void emit(Subscription s, EntrySink sink) {
        sink.definition(EntryKind.SUBSCRIPTION, s.name(), null, s.owner(), SubscriptionDdl.create(s),
                SubscriptionDdl.drop(s));
        sink.comment("SUBSCRIPTION", Sql.ident(s.name()), null, s.owner(), s.comment());
    }
}
