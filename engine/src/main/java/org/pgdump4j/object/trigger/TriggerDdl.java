package org.pgdump4j.object.trigger;

import org.pgdump4j.model.trigger.Trigger;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpTrigger writes. */
public final class TriggerDdl {
    private TriggerDdl() {
    }

    /**
     * pg_get_triggerdef's text, its DEPENDS ON EXTENSION marks (no newline after them, as pg_dump), then the
     * enabled state when it is not the default. A partition's clone is made by its parent's trigger: only its
     * enabled state, which differs from the parent's, is written.
     */
    public static String create(Trigger t) {
        if (t.partitionClone()) {
            return enable(t);
        }
        StringBuilder q = new StringBuilder(t.definition()).append(";\n");
        for (String ext : t.extensions()) {
            q.append("\nALTER TRIGGER ").append(Sql.ident(t.name())).append(" ON ").append(table(t))
                    .append(" DEPENDS ON EXTENSION ").append(Sql.ident(ext)).append(';');
        }
        return t.enabled() == 'O' || t.enabled() == 't' ? q.toString() : q.append(enable(t)).toString();
    }

    /** Nothing for a clone: it goes with its parent's trigger (pg_dump clears it for --clean). */
    public static String drop(Trigger t) {
        return t.partitionClone() ? "" : "DROP TRIGGER " + Sql.ident(t.name()) + " ON " + table(t) + ";\n";
    }

    private static String enable(Trigger t) {
        String state = switch (t.enabled()) {
            case 'D', 'f' -> "DISABLE";
            case 'O', 't' -> "ENABLE";
            case 'R' -> "ENABLE REPLICA";
            case 'A' -> "ENABLE ALWAYS";
            default -> throw new IllegalStateException("trigger " + t.name() + " has tgenabled " + t.enabled());
        };
        return "\nALTER " + (t.foreignTable() ? "FOREIGN " : "") + "TABLE " + table(t) + " " + state + " TRIGGER "
                + Sql.ident(t.name()) + ";\n";
    }

    private static String table(Trigger t) {
        return Sql.qualified(t.table().schema(), t.table().name());
    }
}
