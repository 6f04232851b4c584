package org.pgdump4j.ddl;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.sql.Sql;

/**
 * GRANT/REVOKE statements that turn an object's baseline privileges into its current ones, as pg_dump's
 * buildACLCommands does: items compared as aclitem text, REVOKE for baseline items that are gone, GRANT for new
 * ones, the owner's own grants first.
 */
public final class AclDdl {
    private AclDdl() {
    }

    /**
     * @param type      the GRANT object type: TABLE, SEQUENCE, SCHEMA, DATABASE...
     * @param quotedName the object's name, already quoted
     * @param column    the quoted column name for column privileges, else null
     * @param schema    the unquoted schema to qualify with, or null
     * @return the statements, or "" when the ACL is the default (NULL)
     */
    public static String build(String type, String quotedName, @Nullable String column, @Nullable String schema,
            Ownership ownership, @Nullable List<String> acl, List<String> baseline) {
        return build("", type, quotedName, column, schema, ownership, acl, baseline);
    }

    /**
     * The same with {@code prefix} before each GRANT and REVOKE, as pg_dump's buildDefaultACLCommands calls it
     * for a default ACL: prefix {@code ALTER DEFAULT PRIVILEGES FOR ROLE r [IN SCHEMA s] }, a plural type
     * ({@code TABLES}...) and an empty name.
     */
    public static String build(String prefix, String type, String quotedName, @Nullable String column,
            @Nullable String schema, Ownership ownership, @Nullable List<String> acl, List<String> baseline) {
        if (acl == null) {
            return "";
        }
        String owner = ownership.owner();
        String target = (schema != null && !schema.isEmpty() ? Sql.ident(schema) + "." : "")
                + (quotedName.isEmpty() ? "" : quotedName + " ");
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (String item : baseline) {
            if (acl.contains(item)) {
                continue;
            }
            AclItem a = AclItem.parse(item, type, column, false);
            if (!a.privs().isEmpty()) {
                first.append(prefix).append("REVOKE ").append(a.privs()).append(" ON ").append(type).append(' ')
                        .append(target)
                        .append("FROM ").append(grantee(a.grantee())).append(";\n");
            }
        }
        for (String item : acl) {
            if (baseline.contains(item)) {
                continue;
            }
            AclItem a = AclItem.parse(item, type, column, true);
            if (a.privs().isEmpty() && a.privsWithGrant().isEmpty()) {
                continue;
            }
            String grantor = a.grantor().isEmpty() ? owner : a.grantor();
            StringBuilder sql = a.grantee().equals(owner) && grantor.equals(owner) ? first : second;
            boolean asOther = !grantor.equals(owner);
            if (asOther) {
                sql.append("SET SESSION AUTHORIZATION ").append(Sql.ident(grantor)).append(";\n");
            }
            if (!a.privs().isEmpty()) {
                sql.append(prefix).append("GRANT ").append(a.privs()).append(" ON ").append(type).append(' ')
                        .append(target)
                        .append("TO ").append(grantee(a.grantee())).append(";\n");
            }
            if (!a.privsWithGrant().isEmpty()) {
                sql.append(prefix).append("GRANT ").append(a.privsWithGrant()).append(" ON ").append(type).append(' ')
                        .append(target).append("TO ").append(grantee(a.grantee())).append(" WITH GRANT OPTION;\n");
            }
            if (asOther) {
                sql.append("RESET SESSION AUTHORIZATION;\n");
            }
        }
        return first.append(second).toString();
    }

    private static String grantee(String g) {
        return g.isEmpty() ? "PUBLIC" : Sql.ident(g);
    }

    /** One aclitem, its privilege letters turned into keywords as pg_dump's parseAclItem does. */
    record AclItem(String grantee, String grantor, String privs, String privsWithGrant) {
        static AclItem parse(String item, String type, @Nullable String column, boolean splitGrantOption) {
            StringBuilder grantee = new StringBuilder();
            int eq = dequote(item, 0, grantee);
            if (eq >= item.length() || item.charAt(eq) != '=') {
                throw new IllegalArgumentException("malformed aclitem " + item);
            }
            int slash = item.indexOf('/', eq + 1);
            if (slash < 0) {
                throw new IllegalArgumentException("malformed aclitem " + item);
            }
            StringBuilder grantor = new StringBuilder();
            dequote(item, slash + 1, grantor);
            String codes = item.substring(eq + 1, slash);
            List<String[]> map = privileges(type, column);
            List<String> plain = new ArrayList<>();
            List<String> withGrant = new ArrayList<>();
            boolean allWith = true;
            boolean allWithout = true;
            for (String[] p : map) {
                int pos = codes.indexOf(p[0]);
                if (pos < 0) {
                    allWith = false;
                    allWithout = false;
                } else if (pos + 1 < codes.length() && codes.charAt(pos + 1) == '*' && splitGrantOption) {
                    withGrant.add(p[1]);
                    allWithout = false;
                } else {
                    plain.add(p[1]);
                    allWith = false;
                }
            }
            String suffix = column == null ? "" : "(" + column + ")";
            if (allWith) {
                return new AclItem(grantee.toString(), grantor.toString(), "", "ALL" + suffix);
            }
            if (allWithout) {
                return new AclItem(grantee.toString(), grantor.toString(), "ALL" + suffix, "");
            }
            return new AclItem(grantee.toString(), grantor.toString(), join(plain, suffix), join(withGrant, suffix));
        }

        private static String join(List<String> keywords, String suffix) {
            StringBuilder sb = new StringBuilder();
            for (String k : keywords) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(k).append(suffix);
            }
            return sb.toString();
        }

        /** Reads a possibly double-quoted role name from {@code s} at {@code i}; returns the index after it. */
        private static int dequote(String s, int i, StringBuilder out) {
            while (i < s.length() && s.charAt(i) != '=' && s.charAt(i) != '/') {
                if (s.charAt(i) != '"') {
                    out.append(s.charAt(i++));
                    continue;
                }
                i++;
                while (i < s.length() && !(s.charAt(i) == '"' && (i + 1 >= s.length() || s.charAt(i + 1) != '"'))) {
                    if (s.charAt(i) == '"') {
                        i++;
                    }
                    out.append(s.charAt(i++));
                }
                i++;
            }
            return i;
        }

        /** Privilege letters and keywords per object type, in pg_dump's order. */
        private static List<String[]> privileges(String type, @Nullable String column) {
            List<String[]> p = new ArrayList<>();
            switch (type) {
                case "TABLE", "SEQUENCE", "TABLES", "SEQUENCES" -> {
                    p.add(new String[] {"r", "SELECT"});
                    if (type.startsWith("SEQUENCE")) {
                        p.add(new String[] {"U", "USAGE"});
                    } else {
                        p.add(new String[] {"a", "INSERT"});
                        p.add(new String[] {"x", "REFERENCES"});
                        if (column == null) {
                            p.add(new String[] {"d", "DELETE"});
                            p.add(new String[] {"t", "TRIGGER"});
                            p.add(new String[] {"D", "TRUNCATE"});
                            p.add(new String[] {"m", "MAINTAIN"});
                        }
                    }
                    p.add(new String[] {"w", "UPDATE"});
                }
                case "SCHEMA", "SCHEMAS" -> {
                    p.add(new String[] {"C", "CREATE"});
                    p.add(new String[] {"U", "USAGE"});
                }
                case "DATABASE" -> {
                    p.add(new String[] {"C", "CREATE"});
                    p.add(new String[] {"c", "CONNECT"});
                    p.add(new String[] {"T", "TEMPORARY"});
                }
                case "TABLESPACE" -> p.add(new String[] {"C", "CREATE"});
                case "PARAMETER" -> {
                    p.add(new String[] {"s", "SET"});
                    p.add(new String[] {"A", "ALTER SYSTEM"});
                }
                case "FUNCTION", "PROCEDURE", "FUNCTIONS" -> p.add(new String[] {"X", "EXECUTE"});
                case "TYPE", "TYPES", "LANGUAGE", "FOREIGN DATA WRAPPER", "FOREIGN SERVER" ->
                        p.add(new String[] {"U", "USAGE"});
                case "LARGE OBJECT", "LARGE OBJECTS" -> {
                    p.add(new String[] {"r", "SELECT"});
                    p.add(new String[] {"w", "UPDATE"});
                }
                default -> throw new IllegalArgumentException("no privileges known for " + type);
            }
            return p;
        }
    }
}
