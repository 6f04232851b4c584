package org.pgdump4j.sql;

import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with {@code ?} placeholders and the values to bind to them, in order. Values are never pasted
 * into the text, so they need no quoting.
 *
 * @param sql the SQL text; a boolean condition for {@link NamePattern#condition}
 * @param parameters the values for the {@code ?} placeholders, bound with {@code setString} in order
 */
public record SqlFragment(String sql, List<String> parameters) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}
