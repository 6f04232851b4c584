package org.pgdump4j.object.subscription;

import java.util.stream.Collectors;
import org.pgdump4j.model.subscription.Subscription;
import org.pgdump4j.sql.Sql;

/**
 * What pg_dump's dumpSubscription writes: always {@code connect = false}, so restoring neither reaches the
 * publisher nor creates a slot there; the other options only where they differ from their defaults.
 */
public final class SubscriptionDdl {
    private SubscriptionDdl() {
    }

    public static String create(Subscription s) {
        StringBuilder sb = new StringBuilder("CREATE SUBSCRIPTION ").append(Sql.ident(s.name()))
                .append(" CONNECTION ").append(Sql.literal(s.conninfo()))
                .append(" PUBLICATION ").append(s.publications().stream().map(Sql::ident)
                        .collect(Collectors.joining(", ")))
                .append(" WITH (connect = false, slot_name = ")
                .append(s.slotName() == null ? "NONE" : Sql.literal(s.slotName()));
        if (s.binary()) {
            sb.append(", binary = true");
        }
        sb.append(switch (s.streaming()) {
            case 't' -> ", streaming = on";
            case 'p' -> ", streaming = parallel";
            default -> ", streaming = off";
        });
        if (s.twoPhaseState() != 'd') {
            sb.append(", two_phase = on");
        }
        if (s.disableOnError()) {
            sb.append(", disable_on_error = true");
        }
        if (!s.passwordRequired()) {
            sb.append(", password_required = false");
        }
        if (s.runAsOwner()) {
            sb.append(", run_as_owner = true");
        }
        if (s.failover()) {
            sb.append(", failover = true");
        }
        if (!s.synchronousCommit().equals("off")) {
            sb.append(", synchronous_commit = ").append(Sql.ident(s.synchronousCommit()));
        }
        if (!s.origin().equalsIgnoreCase("any")) {
            sb.append(", origin = ").append(s.origin());
        }
        return sb.append(");\n").toString();
    }

    public static String drop(Subscription s) {
        return "DROP SUBSCRIPTION " + Sql.ident(s.name()) + ";\n";
    }
}
