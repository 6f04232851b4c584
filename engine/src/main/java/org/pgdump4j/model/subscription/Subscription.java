package org.pgdump4j.model.subscription;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;

/**
 * A subscription of the dumped database (pg_dump's SubscriptionInfo). Options a server does not have read as
 * their defaults.
 *
 * @param slotName         the replication slot, or null for NONE
 * @param streaming        pg_subscription.substream: 'f' off, 't' on, 'p' parallel (16+; a boolean in 14 and 15)
 * @param twoPhaseState    pg_subscription.subtwophasestate (15+): 'd' disabled, 'p' pending, 'e' enabled
 * @param synchronousCommit pg_subscription.subsynccommit, "off" by default
 * @param origin           pg_subscription.suborigin (16+), "any" by default
 */
public record Subscription(ObjectId id, String name, String owner, String conninfo, List<String> publications,
        @Nullable String slotName, boolean binary, char streaming, char twoPhaseState, boolean disableOnError,
        boolean passwordRequired, boolean runAsOwner, boolean failover, String synchronousCommit, String origin,
        @Nullable String comment, Components components) implements FamilyObject {
    public Subscription {
        publications = List.copyOf(publications);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SUBSCRIPTION;
    }

    @Override
    public @Nullable String schema() {
        return null;
    }

    @Override
    public String sortName() {
        return name;
    }
}
