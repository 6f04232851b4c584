package org.pgdump4j.object.seclabel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.seclabel.SecurityLabel;
import org.pgdump4j.model.seclabel.SecurityLabels;

/**
 * pg_dump's collectSecLabels (every object's labels, one query) and the pg_shseclabel query of its dumpDatabase.
 * Both run pg_dump 18's own query text: it orders an object's labels by nothing but column number, so two labels of
 * one column come in the order the server's plan and sort give them, which only the same query reproduces. pg_dump
 * 18 reads the view pg_seclabels, not the table: so a pg_seclabel row whose object the view does not join (a row
 * naming an extension, a collation...) is not read, and a subscription's label, kept in pg_shseclabel, is.
 */
public final class SecurityLabelReader {
    private static final String SQL = "SELECT label, provider, classoid, objoid, objsubid "
            + "FROM pg_catalog.pg_seclabels ORDER BY classoid, objoid, objsubid";

    private SecurityLabelReader() {
    }

    /** Every row of pg_seclabels: which are written is the emitters' and the selection's business. */
    public static SecurityLabels read(Jdbc jdbc) {
        Map<ObjectId, List<SecurityLabel>> out = new LinkedHashMap<>();
        jdbc.forEach("security labels", SQL, rs -> out
                .computeIfAbsent(new ObjectId(rs.getLong("classoid"), rs.getLong("objoid")), k -> new ArrayList<>())
                .add(new SecurityLabel(rs.getInt("objsubid"), rs.getString("provider"), rs.getString("label"))));
        return SecurityLabels.of(out);
    }

    /** The database's own labels (pg_shseclabel), as dumpDatabase asks for them: no ORDER BY. */
    public static List<SecurityLabel> database(Jdbc jdbc, long databaseOid) {
        return jdbc.query("database security labels", ("SELECT provider, label FROM pg_catalog.pg_shseclabel "
                + "WHERE classoid = 'pg_catalog.pg_database'::pg_catalog.regclass AND objoid = '%d'")
                .formatted(databaseOid), rs -> new SecurityLabel(0, rs.getString(1), rs.getString(2)));
    }
}
