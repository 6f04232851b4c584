package org.pgdump4j.dumpall;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.model.Ownership;

/** pg_dumpall's dumpTablespaces query: every tablespace not named {@code pg_*}, by OID, with its labels. */
final class TablespaceReader {
    private TablespaceReader() {
    }

    static List<Tablespace> read(Jdbc jdbc, boolean labels) {
        List<Tablespace> spaces = jdbc.query("tablespaces", "SELECT oid, spcname, "
                + "pg_catalog.pg_get_userbyid(spcowner) AS spcowner, "
                + "pg_catalog.pg_tablespace_location(oid) AS location, spcacl::pg_catalog.text[] AS spcacl, "
                + "pg_catalog.acldefault('t', spcowner)::pg_catalog.text[] AS acldefault, "
                + "pg_catalog.array_to_string(spcoptions, ', ') AS options, "
                + "pg_catalog.shobj_description(oid, 'pg_tablespace') AS comment "
                + "FROM pg_catalog.pg_tablespace WHERE spcname !~ '^pg_' ORDER BY 1",
                rs -> new Tablespace(rs.getLong("oid"), rs.getString("spcname"),
                        new Ownership(rs.getString("spcowner"), Jdbc.textArray(rs, "spcacl"),
                                Objects.requireNonNull(Jdbc.textArray(rs, "acldefault"))),
                        rs.getString("location"), Objects.requireNonNullElse(rs.getString("options"), ""),
                        rs.getString("comment"), List.of()));
        if (!labels) {
            return spaces;
        }
        List<Tablespace> out = new ArrayList<>(spaces.size());
        for (Tablespace t : spaces) {
            out.add(new Tablespace(t.oid(), t.name(), t.ownership(), t.location(), t.options(), t.comment(),
                    RoleReader.sharedLabels(jdbc, "pg_tablespace", t.oid())));
        }
        return out;
    }
}
