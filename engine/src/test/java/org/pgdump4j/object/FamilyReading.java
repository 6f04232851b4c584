package org.pgdump4j.object;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.Selector;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.FamilyObject;

/** Runs a family reader on a test database as a full dump would: empty search_path, every user schema and relation dumped. */
public final class FamilyReading {
    private FamilyReading() {
    }

    public static List<? extends FamilyObject> read(Connection c, FamilyReader reader) throws SQLException {
        Set<Long> schemas = new HashSet<>();
        Set<Long> relations = new HashSet<>();
        int version;
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_catalog.set_config('search_path', '', false)");
            try (ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('server_version_num')::int")) {
                rs.next();
                version = rs.getInt(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT oid FROM pg_catalog.pg_namespace"
                    + " WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'")) {
                while (rs.next()) {
                    schemas.add(rs.getLong(1));
                }
            }
            // every relation of those schemas is dumped too: what hangs off tables (triggers, rules...) is read
            try (ResultSet rs = st.executeQuery("SELECT c.oid FROM pg_catalog.pg_class c"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'")) {
                while (rs.next()) {
                    relations.add(rs.getLong(1));
                }
            }
        }
        return reader.read(new ReadContext(new Jdbc(c), new ServerFeatures(version),
                new Selector.Selection(schemas, relations), true));
    }
}
