package org.pgdump4j.object.relation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.relation.Sequence;
import org.pgdump4j.sql.Sql;

/** Reads sequence parameters (pg_sequence), owning columns (pg_depend) and current values. */
public final class SequenceReader {
    private static final String PARAMS = """
            SELECT s.seqrelid, pg_catalog.format_type(s.seqtypid, NULL) AS seqtype, s.seqstart, s.seqincrement,
                   s.seqmax, s.seqmin, s.seqcache, s.seqcycle
              FROM pg_catalog.pg_sequence s WHERE s.seqrelid = ANY(?)
            """;
    private static final String OWNERS = """
            SELECT d.objid, d.refobjid, a.attname, d.deptype
              FROM pg_catalog.pg_depend d
              JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
             WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
               AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
               AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0 AND d.objid = ANY(?)
            """;
    private static final String STATE_18 = """
            SELECT s.seqrelid, d.last_value, d.is_called
              FROM pg_catalog.pg_sequence s, pg_catalog.pg_get_sequence_data(s.seqrelid) d
             WHERE s.seqrelid = ANY(?)
            """;

    private SequenceReader() {
    }

    public static Map<Long, Sequence.Params> params(Jdbc jdbc, long[] oids) {
        Map<Long, Sequence.Params> out = new HashMap<>();
        jdbc.query("sequences", PARAMS, rs -> out.put(rs.getLong("seqrelid"), new Sequence.Params(
                rs.getString("seqtype"), rs.getLong("seqstart"), rs.getLong("seqincrement"), rs.getLong("seqmin"),
                rs.getLong("seqmax"), rs.getLong("seqcache"), rs.getBoolean("seqcycle"))), oids);
        return out;
    }

    public static Map<Long, Sequence.OwnedBy> owners(Jdbc jdbc, long[] oids) {
        Map<Long, Sequence.OwnedBy> out = new HashMap<>();
        jdbc.query("sequence owners", OWNERS, rs -> out.put(rs.getLong("objid"), new Sequence.OwnedBy(
                ObjectId.relation(rs.getLong("refobjid")), rs.getString("attname"),
                "i".equals(rs.getString("deptype")))), oids);
        return out;
    }

    /** Current values; a sequence that cannot be read is an error, never a silently wrong value. */
    public static Map<Long, Sequence.State> states(Jdbc jdbc, ServerFeatures f, Map<Long, QualifiedName> sequences) {
        Map<Long, Sequence.State> out = new HashMap<>();
        if (sequences.isEmpty()) {
            return out;
        }
        if (f.hasSequenceDataFunction()) {
            jdbc.query("sequence values", STATE_18, rs -> {
                long last = rs.getLong("last_value");
                if (!rs.wasNull()) {
                    out.put(rs.getLong("seqrelid"), new Sequence.State(last, rs.getBoolean("is_called")));
                }
                return last;
            }, Jdbc.oids(sequences.keySet()));
            return out;
        }
        for (Map.Entry<Long, QualifiedName> e : sequences.entrySet()) {
            String sql = "SELECT last_value, is_called FROM " + Sql.qualified(e.getValue().schema(), e.getValue().name());
            List<Sequence.State> row = jdbc.query("sequence " + e.getValue().name(), sql,
                    rs -> new Sequence.State(rs.getLong(1), rs.getBoolean(2)));
            out.put(e.getKey(), row.get(0));
        }
        return out;
    }
}
