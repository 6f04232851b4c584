package org.pgdump4j.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;

/**
 * A psql {@code \d}-style name pattern ({@code -t}, {@code -n}, {@code -e}, {@code --exclude-database}, filter
 * files), turned into the anchored POSIX regular expressions pg_dump 18 matches server-side, as its
 * {@code processSQLNamePattern}/{@code patternToSQLRegex} ({@code src/fe_utils/string_utils.c}) do:
 *
 * <ul>
 *   <li>Outside double quotes, ASCII letters fold to lower case; {@code *} becomes {@code .*}, {@code ?} becomes
 *       {@code .}, and an unquoted {@code .} separates name parts. Other regex characters ({@code [0-9]},
 *       {@code (a|b)}, {@code +}, {@code \}) pass through, so a pattern may use regex syntax, except that
 *       {@code []} is escaped ({@code int[]} is an array type name, not a bracket expression).
 *   <li>Inside double quotes nothing folds, {@code ""} stands for one {@code "}, and every regex special
 *       character ({@code |*+?()[]{}.^$\}) is escaped, so quoted text matches literally.
 *   <li>{@code $} is always literal. Non-ASCII characters are copied unchanged (and never folded).
 *   <li>Each part becomes {@code ^(...)$}, exactly the text pg_dump sends.
 * </ul>
 *
 * <p>Where pg_dump leaves a condition out, the regex here is {@code null}: a name or schema part that is just
 * {@code *} (regex {@code ^(.*)$}) matches everything. A relation pattern without a schema part matches only
 * relations visible in the search path, see {@link #condition}.
 *
 * @param pattern the pattern as given
 * @param maxParts how many dot-separated parts are allowed: {@value #RELATION} for relations
 *        ({@code db.schema.rel}), {@value #SCHEMA} for schemas ({@code db.schema}), {@value #SIMPLE} for
 *        extensions, foreign servers and databases
 * @param dotCount how many unquoted dots the pattern has ({@code parts - 1})
 * @param database the database part, taken literally (quotes removed, unquoted letters folded, {@code *} and
 *        {@code ?} kept as typed); null when absent. See {@link #checkDatabase(String)}
 * @param schemaRegex the schema part's regex for relation patterns; null when absent or {@code *}
 * @param nameRegex the last part's regex; null when it is {@code *}
 */
public record NamePattern(
        String pattern,
        int maxParts,
        int dotCount,
        @Nullable String database,
        @Nullable String schemaRegex,
        @Nullable String nameRegex) {

    /** {@code maxParts} for relation patterns ({@code -t}, {@code -T}, ...): {@code db.schema.rel}. */
    public static final int RELATION = 3;
    /** {@code maxParts} for schema patterns ({@code -n}, {@code -N}): {@code db.schema}. */
    public static final int SCHEMA = 2;
    /** {@code maxParts} for unqualified names (extensions, foreign servers, databases). */
    public static final int SIMPLE = 1;

    /** The regex pg_dump treats as "match everything" and leaves out. */
    private static final String MATCH_ALL = "^(.*)$";
    /** Characters escaped inside double quotes. */
    private static final String REGEX_SPECIALS = "|*+?()[]{}.^$\\";
    private static final String REGEX_OP = " OPERATOR(pg_catalog.~) ? COLLATE pg_catalog.default";

    public NamePattern {
        Objects.requireNonNull(pattern, "pattern");
        if (maxParts < SIMPLE || maxParts > RELATION) {
            throw new IllegalArgumentException("maxParts must be 1, 2 or 3: " + maxParts);
        }
        if (dotCount < 0 || dotCount >= maxParts) {
            throw new IllegalArgumentException("dotCount " + dotCount + " out of range for maxParts " + maxParts);
        }
    }

    /** {@link #parse(String, int)} with {@link #RELATION}. */
    public static NamePattern relation(String pattern) {
        return parse(pattern, RELATION);
    }

    /** {@link #parse(String, int)} with {@link #SCHEMA}. */
    public static NamePattern schema(String pattern) {
        return parse(pattern, SCHEMA);
    }

    /**
     * Parses a pattern.
     *
     * @param maxParts {@link #RELATION}, {@link #SCHEMA} or {@link #SIMPLE}
     * @throws UsageException for too many dotted names, with pg_dump's message ({@code improper relation name}
     *         for relations, {@code improper qualified name} otherwise), or for a pattern holding {@code NUL} or
     *         an unpaired surrogate
     */
    public static NamePattern parse(String pattern, int maxParts) {
        Objects.requireNonNull(pattern, "pattern");
        if (maxParts < SIMPLE || maxParts > RELATION) {
            throw new IllegalArgumentException("maxParts must be 1, 2 or 3: " + maxParts);
        }
        try {
            Sql.checkText(pattern, "pattern");
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid name pattern: " + e.getMessage(), e);
        }

        List<String> parts = new ArrayList<>(3);
        StringBuilder cur = new StringBuilder("^(");
        boolean inQuotes = false;
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char ch = pattern.charAt(i);
            char next = i + 1 < n ? pattern.charAt(i + 1) : 0;
            if (ch == '"') {
                if (inQuotes && next == '"') {
                    cur.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else if (!inQuotes && ch >= 'A' && ch <= 'Z') {
                char lower = (char) (ch + ('a' - 'A'));
                cur.append(lower);
            } else if (!inQuotes && ch == '*') {
                cur.append(".*");
            } else if (!inQuotes && ch == '?') {
                cur.append('.');
            } else if (!inQuotes && ch == '.') {
                parts.add(cur.append(")$").toString());
                cur = new StringBuilder("^(");
            } else if (ch == '$') {
                cur.append("\\$");
            } else {
                if (inQuotes && REGEX_SPECIALS.indexOf(ch) >= 0) {
                    cur.append('\\');
                } else if (ch == '[' && next == ']') {
                    cur.append('\\');
                }
                cur.append(ch);
            }
        }
        parts.add(cur.append(")$").toString());

        int dots = parts.size() - 1;
        if (dots >= maxParts) {
            String what = maxParts == RELATION ? "relation" : "qualified";
            throw new UsageException("improper " + what + " name (too many dotted names): " + pattern);
        }
        String db = null;
        String schema = null;
        if (dots == maxParts - 1 && maxParts > SIMPLE) {
            db = literalFirstPart(pattern);
        }
        if (maxParts == RELATION && dots >= 1) {
            schema = parts.get(parts.size() - 2);
        }
        String name = parts.get(parts.size() - 1);
        return new NamePattern(pattern, maxParts, dots, db, orNullIfAll(schema), orNullIfAll(name));
    }

    /** True for a relation pattern with a schema part ({@code s.t}, {@code db.s.t}), even when that part is {@code *}. */
    public boolean hasSchemaPart() {
        return maxParts == RELATION && dotCount >= 1;
    }

    /**
     * Enforces pg_dump's rule that a pattern may name only the connected database, throwing
     * {@code UsageException("cross-database references are not implemented: " + pattern)} otherwise. Relation
     * patterns compare {@link #database()} with {@code currentDatabase} byte for byte. For schema patterns
     * pg_dump 18 never fills in the database part ({@code expand_schema_name_patterns} passes no schema column),
     * so it rejects <em>every</em> {@code -n db.schema}, even with the right database; we do the same.
     */
    public void checkDatabase(String currentDatabase) {
        Objects.requireNonNull(currentDatabase, "currentDatabase");
        if (database == null) {
            return;
        }
        String compared = maxParts == RELATION ? database : "";
        if (!compared.equals(currentDatabase)) {
            throw new UsageException("cross-database references are not implemented: " + pattern);
        }
    }

    /**
     * The WHERE condition pg_dump builds for this pattern, with the regexes as bind parameters:
     * {@code nameColumn OPERATOR(pg_catalog.~) ? COLLATE pg_catalog.default}, then the same for the schema
     * column, joined by {@code AND}. A {@code *} part adds nothing. A relation pattern without a schema part adds
     * {@code visibilityRule} instead of a schema condition. With nothing to check the SQL is {@code true}.
     *
     * <p>The explicit {@code COLLATE} makes the match use the database's default collation (as pg_dump does for
     * servers 12 and later) rather than the {@code C} collation of {@code name} columns.
     *
     * @param schemaColumn SQL expression for the schema name (e.g. {@code n.nspname}); used by relation patterns
     * @param nameColumn SQL expression for the object name (e.g. {@code c.relname})
     * @param visibilityRule SQL condition for unqualified relation patterns
     *        (e.g. {@code pg_catalog.pg_table_is_visible(c.oid)}), or null for none
     */
    public SqlFragment condition(@Nullable String schemaColumn, String nameColumn, @Nullable String visibilityRule) {
        Objects.requireNonNull(nameColumn, "nameColumn");
        List<String> clauses = new ArrayList<>(2);
        List<String> params = new ArrayList<>(2);
        if (nameRegex != null) {
            clauses.add(nameColumn + REGEX_OP);
            params.add(nameRegex);
        }
        if (hasSchemaPart()) {
            if (schemaRegex != null) {
                clauses.add(Objects.requireNonNull(schemaColumn, "schemaColumn") + REGEX_OP);
                params.add(schemaRegex);
            }
        } else if (visibilityRule != null) {
            clauses.add(visibilityRule);
        }
        String sql = clauses.isEmpty() ? "true" : String.join("\n  AND ", clauses);
        return new SqlFragment(sql, params);
    }

    /**
     * {@link #condition} for a relation pattern against {@code pg_catalog.pg_class c} joined to
     * {@code pg_catalog.pg_namespace n}, as pg_dump's {@code expand_table_name_patterns}.
     */
    public SqlFragment relationCondition() {
        return condition("n.nspname", "c.relname", "pg_catalog.pg_table_is_visible(c.oid)");
    }

    /** {@link #condition} for an unqualified name column, e.g. {@code n.nspname} or {@code e.extname}. */
    public SqlFragment nameCondition(String nameColumn) {
        return condition(null, nameColumn, null);
    }

    private static @Nullable String orNullIfAll(@Nullable String regex) {
        return regex == null || regex.equals(MATCH_ALL) ? null : regex;
    }

    /** The text before the first unquoted dot, quotes removed and unquoted letters folded. */
    private static String literalFirstPart(String pattern) {
        StringBuilder sb = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '"') {
                if (inQuotes && i + 1 < pattern.length() && pattern.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else if (!inQuotes && ch == '.') {
                break;
            } else if (!inQuotes && ch >= 'A' && ch <= 'Z') {
                sb.append((char) (ch + ('a' - 'A')));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
