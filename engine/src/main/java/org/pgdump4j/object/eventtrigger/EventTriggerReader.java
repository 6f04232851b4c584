package org.pgdump4j.object.eventtrigger;

import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.eventtrigger.EventTrigger;

/**
 * pg_dump's getEventTriggers: every event trigger (servers 10..18 all have them), dumped as objects outside
 * schemas are: in a full dump, unless an extension owns it.
 */
public final class EventTriggerReader implements FamilyReader {
    private static final String SQL = """
            SELECT e.tableoid, e.oid, e.evtname, e.evtenabled, e.evtevent,
                   pg_catalog.pg_get_userbyid(e.evtowner) AS owner,
                   pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_literal(x)
                                                      FROM pg_catalog.unnest(e.evttags) AS t(x)), ', ') AS tags,
                   e.evtfoid::pg_catalog.regproc AS fname,
                   d.description
              FROM pg_catalog.pg_event_trigger e
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = e.oid AND d.classoid = e.tableoid AND d.objsubid = 0
             ORDER BY e.oid
            """;

    @Override
    public List<EventTrigger> read(ReadContext ctx) {
        return ctx.jdbc().query("event triggers", SQL, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new EventTrigger(id, rs.getString("evtname"), rs.getString("owner"), rs.getString("evtevent"),
                    rs.getString("tags"), rs.getString("fname"), Jdbc.charOf(rs, "evtenabled"),
                    rs.getString("description"), ctx.outsideSchema(id));
        });
    }
}
