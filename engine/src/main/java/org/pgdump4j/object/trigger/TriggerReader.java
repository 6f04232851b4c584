package org.pgdump4j.object.trigger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.trigger.Trigger;

/**
 * pg_dump's getTriggers: the triggers of the relations whose definitions are dumped (locked by then, so
 * pg_get_triggerdef is safe), without internal ones (foreign keys'). A trigger cloned onto a partition comes only
 * when its enabled state differs from its parent's; how a clone is recognised differs by server: from 15 by
 * tgparentid (clones are no longer internal), 13 and 14 internal with tgparentid, 11 and 12 internal with a
 * pg_depend row to the parent, 10 has no partition triggers. A trigger marked to depend on extensions (pg_depend
 * deptype 'x') carries their names in the order pg_dump gets them: its per-trigger query has no ORDER BY, so the
 * order is that of an index scan of pg_depend, which differs by server (insertion order from 12, reversed before);
 * the same lookup per trigger here gets the same order.
 */
public final class TriggerReader implements FamilyReader {
    private static final String SQL = """
            SELECT t.tableoid, t.oid, t.tgname, t.tgenabled, {clone} AS clone,
                   pg_catalog.pg_get_triggerdef(t.oid, false) AS tgdef,
                   c.relname, n.nspname, c.relkind, pg_catalog.pg_get_userbyid(c.relowner) AS relowner,
                   d.description,
                   ARRAY(SELECT e.extname FROM pg_catalog.pg_depend x, pg_catalog.pg_extension e
                          WHERE x.refobjid = e.oid AND x.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass
                            AND x.objid = t.oid AND x.deptype = 'x'
                            AND x.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass) AS extnames
              FROM pg_catalog.pg_trigger t
              JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              {parent}
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = t.oid AND d.classoid = t.tableoid AND d.objsubid = 0
             WHERE t.tgrelid = ANY(?) AND ({wanted})
             ORDER BY t.tgrelid, t.tgname
            """;

    @Override
    public List<Trigger> read(ReadContext ctx) {
        long[] relations = ctx.definedRelations();
        if (relations.length == 0) {
            return List.of();
        }
        return ctx.jdbc().query("triggers", query(ctx.features()), rs -> new Trigger(
                new ObjectId(rs.getLong("tableoid"), rs.getLong("oid")),
                new QualifiedName(rs.getString("nspname"), rs.getString("relname")), rs.getString("relowner"),
                Jdbc.charOf(rs, "relkind") == 'f', rs.getString("tgname"), rs.getString("tgdef"),
                Jdbc.charOf(rs, "tgenabled"), rs.getBoolean("clone"), extensions(rs), rs.getString("description"),
                Components.ALL),
                relations);
    }

    private static List<String> extensions(ResultSet rs) throws SQLException {
        List<String> names = Jdbc.textArray(rs, "extnames");
        return names == null ? List.of() : names;
    }

    static String query(ServerFeatures f) {
        Query q = Query.of(SQL);
        if (f.hasVisibleTriggerClones()) {
            return q.slot("clone", "t.tgparentid <> 0")
                    .slot("parent", "LEFT JOIN pg_catalog.pg_trigger pt ON pt.oid = t.tgparentid")
                    .slot("wanted", "(NOT t.tgisinternal AND t.tgparentid = 0) OR t.tgenabled <> pt.tgenabled").sql();
        }
        if (f.hasTriggerParent()) {
            return q.slot("clone", "t.tgisinternal")
                    .slot("parent", "LEFT JOIN pg_catalog.pg_trigger pt ON pt.oid = t.tgparentid")
                    .slot("wanted", "NOT t.tgisinternal OR t.tgenabled <> pt.tgenabled").sql();
        }
        if (f.hasTriggerClones()) {
            return q.slot("clone", "t.tgisinternal")
                    .slot("parent", """
                            LEFT JOIN pg_catalog.pg_depend pd
                                   ON pd.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass
                                  AND pd.refclassid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND pd.objid = t.oid
                              LEFT JOIN pg_catalog.pg_trigger pt ON pt.oid = pd.refobjid""")
                    .slot("wanted", "NOT t.tgisinternal OR t.tgenabled <> pt.tgenabled").sql();
        }
        return q.slot("clone", "false").slot("parent", "").slot("wanted", "NOT t.tgisinternal").sql();
    }
}
