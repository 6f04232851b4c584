package org.pgdump4j.object.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.subscription.Subscription;

class SubscriptionDdlTest {
    @Test
    void defaultsWriteOnlyConnectSlotAndStreaming() {
        Subscription s = new Subscription(new ObjectId(6100, 16700), "sub", "postgres", "dbname=nowhere",
                List.of("pub"), null, false, 'f', 'd', false, true, false, false, "off", "any", null, Components.ALL);
        assertEquals("CREATE SUBSCRIPTION sub CONNECTION 'dbname=nowhere' PUBLICATION pub WITH (connect = false, "
                + "slot_name = NONE, streaming = off);\n", SubscriptionDdl.create(s));
        assertEquals("DROP SUBSCRIPTION sub;\n", SubscriptionDdl.drop(s));
    }

    @Test
    void everyOption() {
        Subscription s = new Subscription(new ObjectId(6100, 16700), "Odd Sub", "postgres",
                "host=x dbname='it''s'", List.of("p1", "Odd Pub"), "my slot", true, 'p', 'e', true, false, true,
                true, "on", "none", null, Components.ALL);
        assertEquals("CREATE SUBSCRIPTION \"Odd Sub\" CONNECTION 'host=x dbname=''it''''s''' PUBLICATION p1, "
                + "\"Odd Pub\" WITH (connect = false, slot_name = 'my slot', binary = true, streaming = parallel, "
                + "two_phase = on, disable_on_error = true, password_required = false, run_as_owner = true, "
                + "failover = true, synchronous_commit = \"on\", origin = none);\n", SubscriptionDdl.create(s));
        Subscription on = new Subscription(s.id(), "s", "postgres", "", List.of("p"), "s", false, 't', 'p', false,
                true, false, false, "remote_apply", "ANY", null, Components.ALL);
        assertEquals("CREATE SUBSCRIPTION s CONNECTION '' PUBLICATION p WITH (connect = false, slot_name = 's', "
                + "streaming = on, two_phase = on, synchronous_commit = remote_apply);\n", SubscriptionDdl.create(on));
    }
}
