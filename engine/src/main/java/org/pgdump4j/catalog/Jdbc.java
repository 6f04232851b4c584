package org.pgdump4j.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.CatalogReadException;

/**
 * Runs catalog queries with bound parameters and maps rows; wraps SQL errors once, naming what was read. Every
 * object family's reader goes through it (with {@link Query} for version-dependent SQL).
 */
public final class Jdbc {
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection conn;

    public Jdbc(Connection conn) {
        this.conn = conn;
    }

    public Connection connection() {
        return conn;
    }

    public interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    public <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... params) {
        List<T> out = new ArrayList<>();
        forEach(what, sql, rs -> out.add(mapper.map(rs)), params);
        return out;
    }

    /** Like {@link #query} for readers that fold rows into their own structure: no list of row results. */
    public void forEach(String what, String sql, RowConsumer consumer, Object... params) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setFetchSize(1000);
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof long[] oids) {
                    ps.setArray(i + 1, conn.createArrayOf("oid", Arrays.stream(oids).boxed().toArray()));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new CatalogReadException("query failed while reading " + what + ": " + e.getMessage(), e);
        }
    }

    public void execute(String what, String sql) {
        try (var st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new CatalogReadException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    public static long[] oids(Collection<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** A text[] column as a list; null stays null (NULL acl means default privileges). */
    public static @Nullable List<String> textArray(ResultSet rs, String col) throws SQLException {
        Array a = rs.getArray(col);
        if (a == null) {
            return null;
        }
        Object[] values = (Object[]) a.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add((String) v);
        }
        return out;
    }

    /**
     * What an ACL is compared with: the {@code initprivs} column (pg_init_privs) when present, else the
     * {@code defacl} column (acldefault() for the owner).
     */
    public static List<String> baseline(ResultSet rs) throws SQLException {
        List<String> initprivs = textArray(rs, "initprivs");
        return initprivs != null ? initprivs : java.util.Objects.requireNonNull(textArray(rs, "defacl"));
    }

    public static char charOf(ResultSet rs, String col) throws SQLException {
        String s = rs.getString(col);
        return s == null || s.isEmpty() ? '\0' : s.charAt(0);
    }
}
