package org.pgdump4j.object.eventtrigger;

import org.pgdump4j.model.eventtrigger.EventTrigger;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpEventTrigger writes. */
public final class EventTriggerDdl {
    private EventTriggerDdl() {
    }

    public static String create(EventTrigger t) {
        String name = Sql.ident(t.name());
        StringBuilder sb = new StringBuilder("CREATE EVENT TRIGGER ").append(name).append(" ON ")
                .append(Sql.ident(t.event()));
        if (!t.tags().isEmpty()) {
            sb.append("\n         WHEN TAG IN (").append(t.tags()).append(')');
        }
        sb.append("\n   EXECUTE FUNCTION ").append(t.function()).append("();\n");
        if (t.enabled() != 'O') {
            sb.append("\nALTER EVENT TRIGGER ").append(name).append(' ').append(switch (t.enabled()) {
                case 'D' -> "DISABLE";
                case 'A' -> "ENABLE ALWAYS";
                case 'R' -> "ENABLE REPLICA";
                default -> "ENABLE";
            }).append(";\n");
        }
        return sb.toString();
    }

    public static String drop(EventTrigger t) {
        return "DROP EVENT TRIGGER " + Sql.ident(t.name()) + ";\n";
    }
}
